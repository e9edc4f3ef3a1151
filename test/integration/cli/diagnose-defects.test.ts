import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import {
  FAKE_DEEPSEEK_KEY,
  cnyRow,
  ZERO_USD_ROW,
  startFakeDeepSeek,
  type FakeDeepSeek,
} from '../../fakes/deepseek-server';

let ds: FakeDeepSeek;
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-diag-def-'));
const env = { DS_KEY: FAKE_DEEPSEEK_KEY };
const adHoc = (command: string, ...more: string[]) => [
  command,
  '--provider',
  'deepseek',
  '--key-env',
  'DS_KEY',
  '--base-url',
  ds.url,
  ...more,
];

beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  await ds.close();
});

describe('diagnose agrees with check about the level (issue 13)', () => {
  it('an account check calls low (below the low line, above critical) gets a balance-low cause, not "healthy"', async () => {
    ds.setBalance({ rows: [cnyRow('12.00'), ZERO_USD_ROW], available: true });
    const check = await runCli(adHoc('check', '--json'), { env, dataDir: dataDir() });
    expect(JSON.parse(check.stdout).accounts[0].state).toBe('low');
    const r = await runCli(adHoc('diagnose', '--json'), { env, dataDir: dataDir() });
    const acct = JSON.parse(r.stdout).accounts[0];
    expect(acct.healthy).toBe(false);
    expect(acct.causes[0].id).toBe('balance-low');
    expect(acct.causes[0].evidence.join(' ')).toContain('below the low level');
    expect(r.code).toBe(2);
    const text = await runCli(adHoc('diagnose'), { env, dataDir: dataDir() });
    expect(text.stdout).not.toContain('looks healthy');
  });
});
