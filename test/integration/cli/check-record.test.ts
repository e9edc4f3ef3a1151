import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import {
  FAKE_DEEPSEEK_KEY,
  ZERO_USD_ROW,
  cnyRow,
  startFakeDeepSeek,
  type FakeDeepSeek,
} from '../../fakes/deepseek-server';

const hasKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
let ds: FakeDeepSeek;
beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  await ds.close();
});

/** A week of hourly readings ending an hour ago, falling 3.00 a day to `end`. */
function weekCsv(end: number): string {
  const now = Date.now();
  const lines = ['time,currency,total,granted,toppedUp,available'];
  for (let h = 168; h >= 1; h--) {
    const total = (end + (3 * h) / 24).toFixed(2);
    lines.push(`${new Date(now - h * 3_600_000).toISOString()},CNY,${total},0.00,${total},true`);
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!hasKeyring)('creditray check with history (real keychain)', () => {
  it('text shows burn rate, days left, a 0.00 USD row and upper-case tags; --record appends; --format line is one line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'creditray-cli-rec-'));
    ds.setBalance({ rows: [cnyRow('7.50'), ZERO_USD_ROW], available: true });
    const add = await runCli(['accounts', 'add', '--label', 'Work', '--base-url', ds.url], {
      dataDir,
      stdin: `${FAKE_DEEPSEEK_KEY}\n`,
    });
    expect(add.code).toBe(0);
    const csv = join(dataDir, 'week.csv');
    writeFileSync(csv, weekCsv(7.5));
    const imp = await runCli(['history', 'import', csv, '--account', 'Work'], { dataDir });
    expect(imp.stderr).toBe('');

    const text = await runCli(['check', '--account', 'Work'], { dataDir });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/Work\s+CN¥7\.50\s+\[LOW\]/);
    expect(text.stdout).toContain('USD: total $0.00');
    expect(text.stdout).toMatch(/burn rate: CN¥(2\.99|3\.00) a day/);
    expect(text.stdout).toMatch(/days left: about 2\.\d days/);

    const before = await runCli(['history', 'export', '--account', 'Work', '--format', 'json'], {
      dataDir,
    });
    const rec = await runCli(['check', '--account', 'Work', '--record', '--json'], { dataDir });
    expect(rec.code).toBe(1);
    const acct = JSON.parse(rec.stdout).accounts[0];
    expect(acct.foresight).toMatchObject({
      currency: 'CNY',
      confident: true,
      runsOutWithin: { days: 3, warning: true },
    });
    expect(acct.foresight.spike).toMatchObject({ level: 'calm' });
    const after = await runCli(['history', 'export', '--account', 'Work', '--format', 'json'], {
      dataDir,
    });
    expect(after.stdout.length).toBeGreaterThan(before.stdout.length);
    expect(after.stdout).not.toBe(before.stdout);

    const line = await runCli(['check', '--format', 'line'], { dataDir });
    expect(line.code).toBe(1);
    expect(line.stdout.trim()).toMatch(/^Work CN¥7\.50 LOW 2\.\dd$/);
  });

  it('refuses --record for an ad-hoc key and an unknown --format with exit 64', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'creditray-cli-rec-'));
    const env = { DS_KEY: FAKE_DEEPSEEK_KEY };
    const r = await runCli(
      ['check', '--provider', 'deepseek', '--key-env', 'DS_KEY', '--base-url', ds.url, '--record'],
      { env, dataDir },
    );
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--record works on configured accounts only');
    const f = await runCli(['check', '--demo', '--format', 'xml'], { dataDir });
    expect(f.code).toBe(64);
    expect(f.stderr).toContain('--format must be one of text, json, line');
  });
});
