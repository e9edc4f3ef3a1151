import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { FAKE_DEEPSEEK_KEY, cnyRow, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';

// These use the real OS keychain: `npm test` runs vitest inside a private D-Bus session
// with an unlocked throwaway gnome-keyring (test/with-keyring.mjs), which sets this flag.
const hasKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
if (!hasKeyring) console.warn('[skip] CLI accounts tests need the test keyring: run them through `npm run test:unit`.');

let ds: FakeDeepSeek;
beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  await ds.close();
});

/** Every file under dir, concatenated: to prove the key was written to none of them. */
function allFiles(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'))
    .join('\n');
}

describe.skipIf(!hasKeyring)('creditray accounts (real keychain)', () => {
  it('adds a key read from stdin, checks it from the keychain, lists only the mask, removes it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'creditray-cli-acc-'));
    ds.setBalance({ rows: [cnyRow('42.00')], available: true });
    const add = await runCli(['accounts', 'add', '--label', 'Team', '--base-url', ds.url], { dataDir, stdin: `${FAKE_DEEPSEEK_KEY}\n` });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('sk-…c18b');

    const list = await runCli(['accounts', 'list', '--json'], { dataDir });
    expect(JSON.parse(list.stdout).accounts).toEqual([expect.objectContaining({ label: 'Team', keyMask: 'sk-…c18b' })]);

    const check = await runCli(['check', '--account', 'team', '--json'], { dataDir });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).accounts[0]).toMatchObject({ label: 'Team', headline: { total: '42.00' } });
    expect(allFiles(dataDir)).not.toContain(FAKE_DEEPSEEK_KEY);

    const rm = await runCli(['accounts', 'remove', '--account', 'Team'], { dataDir });
    expect(rm.code).toBe(0);
    const after = await runCli(['accounts', 'list', '--json'], { dataDir });
    expect(JSON.parse(after.stdout).accounts).toEqual([]);
  });

  it('adds the demo account without claiming a key is in the keychain', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'creditray-cli-acc-'));
    const add = await runCli(['accounts', 'add', '--provider', 'demo'], { dataDir });
    expect(add.code).toBe(0);
    expect(add.stdout.trim()).toBe('Added "Demo" (the built-in demo account, no key).');
    expect(add.stdout).not.toMatch(/keychain/);
  });

  it('refuses a wrong key and saves nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'creditray-cli-acc-'));
    const add = await runCli(['accounts', 'add', '--base-url', ds.url], { dataDir, stdin: 'sk-ffffffffffffffffffffffffffffffff\n' });
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(/Not added: /);
    const list = await runCli(['accounts', 'list', '--json'], { dataDir });
    expect(JSON.parse(list.stdout).accounts).toEqual([]);
  });
});
