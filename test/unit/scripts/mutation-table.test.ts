/**
 * scripts/mutation-table.ts, run as `npm run mutate` runs it, on small reports: the score
 * per group counts killed and timed-out mutants over valid ones, and a measured group below
 * the 85 % floor makes the command fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const mutant = (status: string, line = 1) => ({
  status,
  mutatorName: 'StringLiteral',
  replacement: '""',
  location: { start: { line } },
});

function run(files: Record<string, string[]>) {
  const dir = mkdtempSync(join(tmpdir(), 'mutation-table-'));
  const report = join(dir, 'mutation.json');
  const json = Object.fromEntries(
    Object.entries(files).map(([f, statuses]) => [
      f,
      { mutants: statuses.map((s, i) => mutant(s, i + 1)) },
    ]),
  );
  writeFileSync(report, JSON.stringify({ files: json }));
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/mutation-table.ts', report], {
    encoding: 'utf8',
  });
}

describe('mutation table', () => {
  it('scores killed + timeout over valid mutants, leaving out ignored and compile errors', () => {
    const r = run({
      'shared/level.ts': [
        ...Array<string>(8).fill('Killed'),
        'Timeout',
        'Survived',
        'Ignored',
        'CompileError',
      ],
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ 90\.0 %\s+10\s+money \+ level/);
    expect(r.stdout).toContain('shared/level.ts:10 StringLiteral Survived -> ""');
    expect(r.stdout).not.toContain('floor');
  });

  it('fails, naming the group, when a measured group is below 85 %', () => {
    const r = run({
      'shared/level.ts': ['Killed', 'Killed', 'Killed', 'Killed', 'Killed', 'Killed'],
      'main/core/tray-icon.ts': ['Killed', 'Killed', 'Killed', 'Killed', 'Survived', 'NoCoverage'],
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ 66\.7 %\s+6\s+tray model \+ icon/);
    expect(r.stdout).toContain('Below the 85 % floor: tray model + icon');
  });

  it('passes at exactly 85 %', () => {
    const statuses = [...Array<string>(17).fill('Killed'), 'Survived', 'Survived', 'Survived'];
    expect(run({ 'shared/level.ts': statuses }).status).toBe(0);
  });
});
