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
  }, 60_000);
});

describe.skipIf(!hasKeyring)('creditray accounts set-key (real keychain)', () => {
  const NEW_KEY = 'sk-fedcba9876543210fedcba98765432aa';
  const OTHER_KEY = 'sk-fedcba9876543210fedcba98765432bb';

  it('replaces the key from stdin after the provider accepts it; later checks send the new key', async () => {
    ds.reset();
    ds.setValidKeys([FAKE_DEEPSEEK_KEY, NEW_KEY]);
    const dir = dataDir();
    expect((await runCli(['accounts', 'add', '--label', 'Work', '--base-url', ds.url], { dataDir: dir, stdin: `${FAKE_DEEPSEEK_KEY}\n` })).code).toBe(0);
    const r = await runCli(['accounts', 'set-key', '--account', 'work'], { dataDir: dir, stdin: `${NEW_KEY}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Replaced the key of "Work"');
    expect(`${r.stdout}${r.stderr}`).not.toContain(NEW_KEY);
    expect(ds.requests.at(-1)?.authorization).toBe(`Bearer ${NEW_KEY}`); // verified before saving
    const [work] = await list(dir);
    expect(work?.keyMask).toMatch(/2aa$/);
    expect((await runCli(['check', '--account', 'Work'], { dataDir: dir })).code).toBe(0);
    expect(ds.requests.at(-1)?.authorization).toBe(`Bearer ${NEW_KEY}`);
    await runCli(['accounts', 'remove', '--account', 'Work'], { dataDir: dir });
  }, 60_000);

  it('keeps the old key when the provider refuses the new one (exit 3), and refuses an empty or duplicate key (exit 64)', async () => {
    ds.reset();
    ds.setValidKeys([FAKE_DEEPSEEK_KEY, OTHER_KEY]);
    const dir = dataDir();
    await runCli(['accounts', 'add', '--label', 'Work', '--base-url', ds.url], { dataDir: dir, stdin: `${FAKE_DEEPSEEK_KEY}\n` });
    await runCli(['accounts', 'add', '--label', 'Side', '--base-url', ds.url], { dataDir: dir, stdin: `${OTHER_KEY}\n` });
    const mask = (await list(dir)).find((a) => a.label === 'Work')?.keyMask;

    const refused = await runCli(['accounts', 'set-key', '--account', 'Work'], { dataDir: dir, stdin: `${NEW_KEY}\n` });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('Key not replaced');
    const empty = await runCli(['accounts', 'set-key', '--account', 'Work'], { dataDir: dir, stdin: '\n' });
    expect(empty.code).toBe(64);
    const dup = await runCli(['accounts', 'set-key', '--account', 'Work'], { dataDir: dir, stdin: `${OTHER_KEY}\n` });
    expect(dup.code).toBe(64);
    expect(dup.stderr).toContain('already in Creditray as "Side"');

    expect((await list(dir)).find((a) => a.label === 'Work')?.keyMask).toBe(mask);
    expect((await runCli(['check', '--account', 'Work'], { dataDir: dir })).code).toBe(0);
    expect(ds.requests.at(-1)?.authorization).toBe(`Bearer ${FAKE_DEEPSEEK_KEY}`);
    for (const label of ['Work', 'Side']) await runCli(['accounts', 'remove', '--account', label], { dataDir: dir });
  }, 90_000);

  it('an unknown label, the demo account or a missing --account is a usage error (exit 64)', async () => {
    const dir = dataDir();
    await runCli(['accounts', 'add', '--provider', 'demo'], { dataDir: dir });
    for (const args of [['--account', 'Nope'], ['--account', 'Demo'], []]) {
      const r = await runCli(['accounts', 'set-key', ...args], { dataDir: dir, stdin: `${NEW_KEY}\n` });
      expect(r.code).toBe(64);
    }
  }, 60_000);
});
