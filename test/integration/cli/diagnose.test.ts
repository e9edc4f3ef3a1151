import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { FAKE_DEEPSEEK_KEY, ZERO_USD_ROW, cnyRow, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';

let ds: FakeDeepSeek;
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-diag-'));
const env = { DS_KEY: FAKE_DEEPSEEK_KEY };
const adHoc = (...more: string[]) => ['diagnose', '--provider', 'deepseek', '--key-env', 'DS_KEY', '--base-url', ds.url, '--json', ...more];
const causeIds = (stdout: string): string[] => JSON.parse(stdout).accounts[0].causes.map((c: { id: string }) => c.id);

beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  await ds.close();
});

describe('creditray diagnose against the fake DeepSeek', () => {
  it('finds no cause and exits 0 for a funded, available account', async () => {
    ds.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')], available: true });
    const r = await runCli(adHoc(), { env, dataDir: dataDir() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).accounts[0]).toMatchObject({ healthy: true, causes: [] });
  });

  it('ranks balance-depleted first, with evidence and self-verifying steps, and exits 2', async () => {
    ds.setBalance({ rows: [cnyRow('0.00'), ZERO_USD_ROW], available: true });
    const r = await runCli(adHoc(), { env, dataDir: dataDir() });
    expect(r.code).toBe(2);
    const [cause] = JSON.parse(r.stdout).accounts[0].causes;
    expect(cause.id).toBe('balance-depleted');
    expect(cause.evidence.join(' ')).toMatch(/0\.00/);
    expect(cause.steps.length).toBeGreaterThan(0);
    expect(cause.steps.every((s: { done: boolean }) => s.done === false)).toBe(true);
  });

  it('says account-unavailable when is_available is false while money remains', async () => {
    ds.setBalance({ rows: [cnyRow('80.00')], available: false });
    const r = await runCli(adHoc(), { env, dataDir: dataDir() });
    expect(r.code).toBe(2);
    expect(causeIds(r.stdout)[0]).toBe('account-unavailable');
    expect(causeIds(r.stdout)).not.toContain('balance-depleted');
  });

  it('recognises a pasted 429 on a funded account as rate-limited, not a balance problem', async () => {
    ds.setBalance({ rows: [cnyRow('80.00')], available: true });
    const dir = dataDir();
    const file = join(dir, 'error.txt');
    writeFileSync(file, 'openai.RateLimitError: Error code: 429 - {\'error\': {\'message\': \'Rate Limit Reached\', \'type\': \'rate_limit_error\', \'param\': None, \'code\': \'rate_limit\'}}');
    const r = await runCli(adHoc('--error-file', file), { env, dataDir: dir });
    expect(r.code).toBe(2);
    const acct = JSON.parse(r.stdout).accounts[0];
    expect(acct.pasted).toMatchObject({ recognised: true, status: 429, isBalanceProblem: false });
    expect(causeIds(r.stdout)[0]).toBe('rate-limited');
    expect(causeIds(r.stdout)).not.toContain('balance-depleted');
  });

  it('reads a pasted curl response from stdin', async () => {
    ds.setBalance({ rows: [cnyRow('0.00')], available: true });
    const curl = 'HTTP/1.1 402 Payment Required\r\ncontent-type: application/json\r\n\r\n{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}';
    const r = await runCli(adHoc('--error-stdin'), { env, dataDir: dataDir(), stdin: curl });
    expect(r.code).toBe(2);
    const acct = JSON.parse(r.stdout).accounts[0];
    expect(acct.pasted).toMatchObject({ recognised: true, status: 402, isBalanceProblem: true });
    expect(causeIds(r.stdout)[0]).toBe('balance-depleted');
  });

  it('explains in Chinese when the locale is Chinese', async () => {
    ds.setBalance({ rows: [cnyRow('0.00')], available: true });
    const r = await runCli(adHoc().filter((a) => a !== '--json'), { env: { ...env, LANG: 'zh_CN.UTF-8' }, dataDir: dataDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stdout).toContain('balance-depleted');
  });

  it('refuses conflicting or bad flags with exit 64', async () => {
    const both = await runCli(adHoc('--error-file', 'x', '--error-stdin'), { env, dataDir: dataDir() });
    expect(both.code).toBe(64);
    expect(both.stderr).toMatch(/either --error-file or --error-stdin/);
    const missing = await runCli(adHoc('--error-file', '/nonexistent/file'), { env, dataDir: dataDir() });
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/cannot read/);
    const badDate = await runCli(adHoc('--paid-at', 'yesterday'), { env, dataDir: dataDir() });
    expect(badDate.code).toBe(64);
    expect(badDate.stderr).toMatch(/ISO 8601/);
  });
});
