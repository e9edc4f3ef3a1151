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

describe('diagnose on the keyless demo account (issue 13)', () => {
  it('a pasted error prints no empty key parentheses and no key comparison', async () => {
    const pastes = [
      '{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}',
      '{"error":{"message":"Authentication Fails, Your api key: ****18b is invalid","type":"authentication_error","param":null,"code":"invalid_request_error"}}',
    ];
    for (const stdin of pastes) {
      for (const lang of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
        const r = await runCli(['diagnose', '--demo', '--error-stdin'], {
          dataDir: dataDir(),
          stdin,
          env: { LANG: lang },
        });
        expect(r.stdout).toContain('Demo');
        expect(r.stdout).not.toMatch(/\(\s*\)|（\s*）/);
        expect(r.stdout).not.toContain('should end like');
        expect(r.stdout).not.toContain('以  这样的结尾');
        expect(r.stdout).not.toContain('compare-key');
      }
    }
  });
});

describe('diagnose evidence lines (issue 13)', () => {
  it('a long 401 evidence line is never cut mid-word: whole words, then an ellipsis', async () => {
    const r = await runCli(adHoc('diagnose', '--json'), {
      env: { DS_KEY: 'sk-00000000000000000000000000000000' },
      dataDir: dataDir(),
    });
    const [cause] = JSON.parse(r.stdout).accounts[0].causes;
    expect(cause.id).toBe('invalid-key');
    const evidence: string[] = cause.evidence;
    expect(evidence.join(' ')).not.toMatch(/\binva\b/);
    for (const line of evidence) {
      // Either the whole server message is quoted, or the cut is marked and falls after a word.
      if (!line.includes('is invalid')) expect(line).toMatch(/[\p{L}\p{N}"'”)]…\.?$/u);
    }
  });
});
