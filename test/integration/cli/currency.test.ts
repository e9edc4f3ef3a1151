/**
 * Currencies from a relay through the real CLI (issue 11): a non-ISO unit (USDT) is printed
 * as "12.50 USDT" by text check and diagnose instead of "unexpected failure: Invalid
 * currency code", and a formula where the currency belongs is refused as a bad response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import {
  FAKE_DEEPSEEK_KEY,
  startFakeDeepSeek,
  type FakeDeepSeek,
} from '../../fakes/deepseek-server';

let ds: FakeDeepSeek;
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-cur-'));
const env = { DS_KEY: FAKE_DEEPSEEK_KEY };
const adHoc = (cmd: string, ...more: string[]) => [
  cmd,
  '--provider',
  'deepseek',
  '--key-env',
  'DS_KEY',
  '--base-url',
  ds.url,
  ...more,
];
const body = (currency: string, total: string) => ({
  is_available: true,
  balance_infos: [
    { currency, total_balance: total, granted_balance: '0.00', topped_up_balance: total },
  ],
});

beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  await ds.close();
});

describe('creditray with a relay that answers in USDT', () => {
  it('check prints "12.50 USDT" as text', async () => {
    ds.setBalanceBody(body('USDT', '12.50'));
    const r = await runCli(adHoc('check'), { env, dataDir: dataDir() });
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.stdout).toContain('12.50 USDT');
    expect([0, 1]).toContain(r.code);
  });

  it('diagnose works as text and as --json', async () => {
    ds.setBalanceBody(body('USDT', '0.00'));
    const text = await runCli(adHoc('diagnose'), { env, dataDir: dataDir() });
    expect(text.stderr).not.toMatch(/unexpected failure/);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('0.00 USDT');
    const json = await runCli(adHoc('diagnose', '--json'), { env, dataDir: dataDir() });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).accounts[0].causes[0].id).toBe('balance-depleted');
  });

  it('refuses a formula where the currency belongs, as a bad response', async () => {
    ds.setBalanceBody(body('=HYPERLINK("http://evil.example","x")', '12.50'));
    const r = await runCli(adHoc('check', '--json'), { env, dataDir: dataDir() });
    expect(r.code).toBe(3);
    const [acct] = JSON.parse(r.stdout).accounts;
    expect(acct.error).toMatchObject({ kind: 'bad-response' });
    expect(acct.error.message).toMatch(/not a currency code/);
    expect(acct.balances).toEqual([]);
  });
});
