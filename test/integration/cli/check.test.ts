import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { FAKE_DEEPSEEK_KEY, ZERO_USD_ROW, cnyRow, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';

let ds: FakeDeepSeek;
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-cli-'));
const env = { DS_KEY: FAKE_DEEPSEEK_KEY };
const adHoc = () => ['check', '--provider', 'deepseek', '--key-env', 'DS_KEY', '--base-url', ds.url, '--json'];

beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  await ds.close();
});

describe('creditray check (ad hoc key, fake DeepSeek)', () => {
  it('prints every currency row as exact decimal strings and exits 0 when healthy', async () => {
    ds.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')], available: true });
    const r = await runCli(adHoc(), { env, dataDir: dataDir() });
    expect(r.code).toBe(0);
    const [acct] = JSON.parse(r.stdout).accounts;
    expect(acct).toMatchObject({
      label: 'DeepSeek',
      provider: 'deepseek',
      state: 'healthy',
      available: true,
      headline: { currency: 'CNY', total: '110.00' },
      error: null,
    });
    expect(acct.balances).toEqual([
      { currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' },
      { currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' },
    ]);
    expect(new Date(acct.checkedAt).toISOString()).toBe(acct.checkedAt);
    expect(r.stdout).not.toContain(FAKE_DEEPSEEK_KEY);
  });

  it('exits 1 for a low balance and 2 for a depleted one', async () => {
    ds.setBalance({ rows: [cnyRow('12.00')], available: true });
    const low = await runCli(adHoc(), { env, dataDir: dataDir() });
    expect(low.code).toBe(1);
    expect(JSON.parse(low.stdout).accounts[0].state).toBe('low');

    ds.setBalance({ rows: [cnyRow('0.00')], available: false });
    const empty = await runCli(adHoc(), { env, dataDir: dataDir() });
    expect(empty.code).toBe(2);
    expect(JSON.parse(empty.stdout).accounts[0]).toMatchObject({ state: 'unavailable', available: false });
  });

  it('exits 2 when is_available is false although money remains', async () => {
    ds.setBalance({ rows: [cnyRow('80.00')], available: false });
    const r = await runCli(adHoc(), { env, dataDir: dataDir() });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).accounts[0]).toMatchObject({ state: 'unavailable', headline: { total: '80.00' } });
  });

  it('exits 3 with the error kind when the key is rejected (401)', async () => {
    const r = await runCli(adHoc(), { env: { DS_KEY: 'sk-ffffffffffffffffffffffffffffffff' }, dataDir: dataDir() });
    expect(r.code).toBe(3);
    const [acct] = JSON.parse(r.stdout).accounts;
    expect(acct.state).toBe('error');
    expect(acct.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(r.stdout + r.stderr).not.toContain('sk-ffffffffffffffffffffffffffffffff');
  });

  it('exits 3 and names the cause when a proxy answers with HTML', async () => {
    ds.enqueue({ kind: 'html' });
    ds.setBalance({ rows: [cnyRow('50.00')], available: true });
    const r = await runCli(adHoc(), { env, dataDir: dataDir() });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).accounts[0].error.kind).toBe('bad-response');
  });

  it('prints a readable table without --json', async () => {
    ds.setBalance({ rows: [cnyRow('110.00', '10.00')], available: true });
    const r = await runCli(adHoc().slice(0, -1), { env, dataDir: dataDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/DeepSeek\s+CN¥110\.00\s+\[OK\]/);
    expect(r.stdout).toContain('granted CN¥10.00');
  });
});

describe('creditray check --demo', () => {
  it('answers from the simulated account without a key or network', async () => {
    const r = await runCli(['check', '--demo', '--json'], { dataDir: dataDir() });
    const [acct] = JSON.parse(r.stdout).accounts;
    expect(acct.provider).toBe('demo');
    expect(['healthy', 'low', 'critical', 'unavailable']).toContain(acct.state);
    expect([0, 1, 2]).toContain(r.code);
  });
});

describe('creditray usage errors', () => {
  const cases: [string[], RegExp][] = [
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [['check', '--provider', 'openai', '--key-env', 'DS_KEY'], /--provider must be one of deepseek, moonshot/],
    [['check', '--provider', 'deepseek'], /--key-env VAR/],
    [['check', '--provider', 'deepseek', '--key-env', 'NOPE_UNSET'], /NOPE_UNSET is empty or not set/],
    [['check', '--provider', 'deepseek', '--key-env', 'DS_KEY', '--base-url', 'http://example.com'], /--base-url: .*only https/],
    [['check', '--account', ''], /--account needs a value/],
    [['check', '--account', 'Nope'], /no account labelled "Nope"/],
    [['check', '--demo', '--account', 'x'], /cannot be combined/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['accounts', 'explode'], /unknown accounts command "explode"/],
  ];
  it.each(cases)('%j exits 64 and says what was expected', async (args, message) => {
    const r = await runCli(args, { env, dataDir: dataDir() });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(message);
  });
});
