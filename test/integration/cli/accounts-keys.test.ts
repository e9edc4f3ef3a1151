import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { FAKE_DEEPSEEK_KEY, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';

const hasKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
let ds: FakeDeepSeek;
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-acct-keys-'));
const list = async (dir: string) => JSON.parse((await runCli(['accounts', 'list', '--json'], { dataDir: dir })).stdout).accounts as { label: string; keyMask: string }[];

beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  await ds.close();
});

describe.skipIf(!hasKeyring)('creditray accounts add refuses a key already configured (real keychain)', () => {
  it('the same key twice exits 64, names the existing account, adds nothing and never prints the key', async () => {
    ds.reset();
    const dir = dataDir();
    const first = await runCli(['accounts', 'add', '--label', 'Work', '--base-url', ds.url], { dataDir: dir, stdin: `${FAKE_DEEPSEEK_KEY}\n` });
    expect(first.code).toBe(0);
    const before = ds.requests.length;
    const again = await runCli(['accounts', 'add', '--label', 'Other', '--base-url', `${ds.url}/`], { dataDir: dir, stdin: `  ${FAKE_DEEPSEEK_KEY}\n` });
    expect(again.code).toBe(64);
    expect(again.stderr).toContain('already in Creditray as "Work"');
    expect(`${again.stdout}${again.stderr}`).not.toContain(FAKE_DEEPSEEK_KEY);
    expect(ds.requests.length).toBe(before); // refused before the key was sent anywhere
    expect((await list(dir)).map((a) => a.label)).toEqual(['Work']);
    await runCli(['accounts', 'remove', '--account', 'Work'], { dataDir: dir });
  });
});
