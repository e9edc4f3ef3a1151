/**
 * History import/export through the real CLI with the inputs issue 11 found: readings that
 * share a millisecond, times the log cannot hold, impossible dates, a date-only --to, and an
 * --output that cannot be written (the existing file must survive).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const HEADER = 'time,currency,total,granted,toppedUp,available';

async function withDemoAccount() {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditray-hist-x-'));
  const add = await runCli(['accounts', 'add', '--provider', 'demo', '--label', 'Sim'], {
    dataDir,
  });
  expect(add.code).toBe(0);
  return dataDir;
}

async function importText(dataDir: string, name: string, text: string) {
  const file = join(dataDir, name);
  writeFileSync(file, text);
  return runCli(['history', 'import', file, '--account', 'Sim'], { dataDir });
}

describe('creditray history with hostile files', () => {
  it('imports readings that share a millisecond from its own CSV, and says exactly what it kept', async () => {
    const dataDir = await withDemoAccount();
    const csv =
      [
        HEADER,
        '2026-03-01T10:00:00.000Z,CNY,10.00,0.00,10.00,true',
        '2026-03-01T10:00:00.000Z,CNY,9.00,0.00,9.00,true',
        '2026-03-01T10:01:00.000Z,CNY,8.00,0.00,8.00,true',
      ].join('\n') + '\n';
    const imp = await importText(dataDir, 'same-ms.csv', csv);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('Imported 2 readings');
    expect(imp.stdout).toMatch(/1 reading\(s\) had the same time/);
    const exp = await runCli(['history', 'export', '--account', 'Sim'], { dataDir });
    expect(exp.stdout).toBe(
      [
        HEADER,
        '2026-03-01T10:00:00.000Z,CNY,9.00,0.00,9.00,true',
        '2026-03-01T10:01:00.000Z,CNY,8.00,0.00,8.00,true',
      ].join('\n') + '\n',
    );
  });

  it('never says "Imported 5" for a JSON file when the history then holds 4', async () => {
    const dataDir = await withDemoAccount();
    const at = Date.parse('2026-03-01T10:00:00Z');
    const snap = (t: number, total: string) => ({
      at: t,
      available: true,
      rows: [{ currency: 'CNY', total, granted: '0.00', toppedUp: total }],
    });
    const doc = {
      format: 'creditray-history',
      version: 1,
      snapshots: [
        snap(at, '10.00'),
        snap(at + 60_000, '9.00'),
        snap(at + 60_000, '8.50'),
        snap(at + 120_000, '8.00'),
        snap(at + 180_000, '7.00'),
      ],
    };
    const imp = await importText(dataDir, 'h.json', JSON.stringify(doc));
    expect(imp.code).toBe(0);
    const count = Number(/Imported (\d+) readings/.exec(imp.stdout)?.[1]);
    const exp = await runCli(['history', 'export', '--account', 'Sim', '--format', 'json'], {
      dataDir,
    });
    expect(JSON.parse(exp.stdout).snapshots).toHaveLength(count);
    expect(count).toBe(4);
    expect(imp.stdout).toMatch(/1 reading\(s\) had the same time/);
  });

  it('refuses, with line numbers, times before 1970 and dates that do not exist', async () => {
    const dataDir = await withDemoAccount();
    const csv = [
      HEADER,
      '2026-03-01T10:00:00Z,CNY,10.00,0.00,10.00,true',
      '1969-12-31T23:59:59Z,CNY,9.00,0.00,9.00,true',
      '2026-02-30T10:00:00Z,CNY,8.00,0.00,8.00,true',
      '2026-03-01T11:00:00Z,CNY,49 .02,0.00,8.00,true',
    ].join('\n');
    const imp = await importText(dataDir, 'bad.csv', csv);
    expect(imp.code).toBe(65);
    expect(imp.stderr).toMatch(/bad\.csv:3: .*before 1970/);
    expect(imp.stderr).toMatch(/bad\.csv:4: .*2026-02 has no day 30/);
    expect(imp.stderr).toMatch(/bad\.csv:5: total: not a decimal amount/);
    const exp = await runCli(['history', 'export', '--account', 'Sim'], { dataDir });
    expect(exp.stdout).toBe(HEADER + '\n');
  });

  it('takes --to 2026-03-01 (a date alone) as the whole of that UTC day', async () => {
    const dataDir = await withDemoAccount();
    const csv =
      [
        HEADER,
        '2026-03-01T00:00:00.000Z,CNY,10.00,0.00,10.00,true',
        '2026-03-01T23:59:59.999Z,CNY,9.00,0.00,9.00,true',
        '2026-03-02T00:00:00.000Z,CNY,8.00,0.00,8.00,true',
      ].join('\n') + '\n';
    expect((await importText(dataDir, 'day.csv', csv)).code).toBe(0);
    const exp = await runCli(
      ['history', 'export', '--account', 'Sim', '--from', '2026-03-01', '--to', '2026-03-01'],
      { dataDir },
    );
    expect(exp.code).toBe(0);
    expect(exp.stdout).toContain('10.00');
    expect(exp.stdout).toContain('9.00');
    expect(exp.stdout).not.toContain('8.00');
    const bad = await runCli(['history', 'export', '--account', 'Sim', '--to', '2026-02-30'], {
      dataDir,
    });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/no day 30/);
  });

  it('reports an --output it cannot write in words, not as "unexpected failure"', async () => {
    const dataDir = await withDemoAccount();
    const r = await runCli(
      ['history', 'export', '--account', 'Sim', '--output', join(dataDir, 'missing', 'out.csv')],
      { dataDir },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.stderr).toMatch(/the folder does not exist \(ENOENT\)/);
  });

  const mnt = tryMountTmpfs();
  it.skipIf(!mnt)(
    `leaves the existing --output file whole when the disk is full (${mnt ? 'a 64 KiB tmpfs' : 'skipped: mounting a tmpfs needs root'})`,
    async () => {
      const dataDir = await withDemoAccount();
      const rows = Array.from(
        { length: 3000 },
        (_, i) =>
          `${new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()},CNY,${(10_000 - i).toFixed(2)},0.00,1.00,true`,
      );
      expect((await importText(dataDir, 'big.csv', [HEADER, ...rows].join('\n') + '\n')).code).toBe(
        0,
      );
      const out = join(mnt!, 'export.csv');
      writeFileSync(out, 'the previous export\n');
      writeFileSync(join(mnt!, 'filler'), Buffer.alloc(40 * 1024));
      try {
        const r = await runCli(['history', 'export', '--account', 'Sim', '--output', out], {
          dataDir,
        });
        expect(r.code).toBe(3);
        expect(r.stderr).toMatch(
          /the disk is full \(ENOSPC\)\. The existing file was left as it was\./,
        );
        expect(readFileSync(out, 'utf8')).toBe('the previous export\n');
      } finally {
        execFileSync('umount', [mnt!], { stdio: 'ignore' });
        rmSync(mnt!, { recursive: true, force: true });
      }
    },
  );
});

function tryMountTmpfs(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = join(tmpdir(), `creditray-full-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
