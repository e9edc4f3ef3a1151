import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const HOUR = 3_600_000;

/** Two days of hourly readings spending 1.00 CNY an hour from 100.00, as the documented CSV. */
function spendingCsv(end: number): string {
  const lines = ['time,currency,total,granted,toppedUp,available'];
  for (let h = 48; h >= 0; h--) {
    const total = (100 - (48 - h)).toFixed(2);
    lines.push(`${new Date(end - h * HOUR).toISOString()},CNY,${total},0.00,${total},true`);
  }
  return lines.join('\n') + '\n';
}

async function withDemoAccount() {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditray-hist-'));
  const add = await runCli(['accounts', 'add', '--provider', 'demo', '--label', 'Sim'], { dataDir });
  expect(add.code).toBe(0);
  return dataDir;
}

describe('creditray history', () => {
  it('imports a CSV and exports it again exactly', async () => {
    const dataDir = await withDemoAccount();
    const csv = spendingCsv(Date.parse('2026-11-20T12:00:00Z'));
    const file = join(dataDir, 'in.csv');
    writeFileSync(file, csv);
    const imp = await runCli(['history', 'import', file, '--account', 'Sim'], { dataDir });
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('Imported 49 readings');

    const out = join(dataDir, 'out.csv');
    const exp = await runCli(['history', 'export', '--account', 'Sim', '--output', out], { dataDir });
    expect(exp.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(csv);

    const json = await runCli(['history', 'export', '--format', 'json', '--from', '2026-11-20T11:00:00Z'], { dataDir });
    expect(json.code).toBe(0);
    // 11:00 (53.00) and 12:00 (52.00) are inside the range, 10:00 (54.00) is not.
    expect(json.stdout).toContain('"total": "52.00"');
    expect(json.stdout).toContain('"total": "53.00"');
    expect(json.stdout).not.toContain('"total": "54.00"');
  });

  it('reports every bad row with its line number and imports nothing', async () => {
    const dataDir = await withDemoAccount();
    const file = join(dataDir, 'bad.csv');
    writeFileSync(
      file,
      [
        'time,currency,total,granted,toppedUp,available',
        '2026-11-20T10:00:00Z,CNY,10.00,0.00,10.00,true',
        'yesterday,CNY,9.00,0.00,9.00,true',
        '2026-11-20T12:00:00Z,CNY,eight,0.00,8.00,true',
      ].join('\n'),
    );
    const imp = await runCli(['history', 'import', file, '--account', 'Sim'], { dataDir });
    expect(imp.code).toBe(65);
    expect(imp.stderr).toMatch(/bad\.csv:3: /);
    expect(imp.stderr).toMatch(/bad\.csv:4: /);
    expect(imp.stderr).toContain('Nothing was imported.');
    const exp = await runCli(['history', 'export', '--account', 'Sim'], { dataDir });
    expect(exp.stdout.trim().split('\n')).toHaveLength(1); // the header only
  });

  it('gives check --json a burn rate and forecast from the saved history', async () => {
    const dataDir = await withDemoAccount();
    const file = join(dataDir, 'in.csv');
    writeFileSync(file, spendingCsv(Date.now() - 60_000));
    expect((await runCli(['history', 'import', file, '--account', 'Sim'], { dataDir })).code).toBe(0);
    const r = await runCli(['check', '--account', 'Sim', '--json'], { dataDir });
    const [acct] = JSON.parse(r.stdout).accounts;
    expect(acct.burnRate.currency).toBe('CNY');
    expect(acct.burnRate.day).not.toBeNull();
    expect(acct.forecast.status).not.toBe('collecting-data');
  });

  it('refuses bad flags with exit 64 and says what was expected', async () => {
    const dataDir = await withDemoAccount();
    const cases: [string[], RegExp][] = [
      [['history', 'export', '--format', 'xml'], /--format must be one of csv, json/],
      [['history', 'export', '--from', 'last week'], /ISO 8601/],
      [['history', 'export', '--from', '2026-02-01', '--to', '2026-01-01'], /--from must not be after --to/],
      [['history', 'import', '--account', 'Sim'], /import needs a file/],
      [['history', 'import', 'x.csv'], /needs --account/],
      [['history', 'import', '/no/such.csv', '--account', 'Sim'], /cannot read/],
      [['history', 'export', '--account', 'Nobody'], /no account labelled "Nobody"/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { dataDir });
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr).toMatch(message);
    }
  }, 90_000);
});
