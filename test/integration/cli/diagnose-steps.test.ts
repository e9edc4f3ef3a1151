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

const hasKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
let ds: FakeDeepSeek;
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-diag-steps-'));

beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  await ds.close();
});

describe('diagnose steps name their real page (issue 13)', () => {
  it('"Top up the account" prints the provider\'s top-up URL in text and JSON', async () => {
    ds.reset();
    ds.setBalance({ rows: [cnyRow('0.00'), ZERO_USD_ROW], available: true });
    const args = [
      'diagnose',
      '--provider',
      'deepseek',
      '--key-env',
      'DS_KEY',
      '--base-url',
      ds.url,
    ];
    const env = { DS_KEY: FAKE_DEEPSEEK_KEY };
    const text = await runCli(args, { env, dataDir: dataDir() });
    const lines = text.stdout.split('\n');
    const topUp = lines.findIndex((l) => l.includes('Top up the account'));
    expect(topUp).toBeGreaterThan(-1);
    expect(lines[topUp + 1]?.trim()).toBe('https://platform.deepseek.com/top_up');
    const json = await runCli([...args, '--json'], { env, dataDir: dataDir() });
    const steps = JSON.parse(json.stdout).accounts[0].causes[0].steps;
    expect(steps.find((s: { id: string }) => s.id === 'top-up')).toMatchObject({
      url: 'https://platform.deepseek.com/top_up',
      command: null,
    });
  });
});

describe.skipIf(!hasKeyring)(
  'diagnose steps name the CLI command for in-app actions (real keychain)',
  () => {
    it('"Replace the key" on a configured account prints `creditray accounts set-key --account "Work"`', async () => {
      ds.reset();
      const dir = dataDir();
      const add = await runCli(['accounts', 'add', '--label', 'Work', '--base-url', ds.url], {
        dataDir: dir,
        stdin: `${FAKE_DEEPSEEK_KEY}\n`,
      });
      expect(add.code).toBe(0);
      ds.setValidKeys([]); // the key was revoked: every check now gets DeepSeek's 401
      const r = await runCli(['diagnose', '--account', 'Work'], { dataDir: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('Replace the key');
      expect(r.stdout).toContain('$ creditray accounts set-key --account "Work"');
      expect(r.stdout).toContain('https://platform.deepseek.com/api_keys');
      expect(r.stdout).toContain('$ creditray diagnose --account "Work"');
      const json = await runCli(['diagnose', '--account', 'Work', '--json'], { dataDir: dir });
      const steps = JSON.parse(json.stdout).accounts[0].causes[0].steps;
      expect(steps.find((s: { id: string }) => s.id === 'replace-key').command).toBe(
        'creditray accounts set-key --account "Work"',
      );
      await runCli(['accounts', 'remove', '--account', 'Work'], { dataDir: dir });
    });
  },
);
