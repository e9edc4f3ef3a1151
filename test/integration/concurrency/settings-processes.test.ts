/**
 * Regression tests for issue 11, settings and keychain shared by several processes. Before
 * the read-merge-write under a lock, each process wrote its whole in-memory state over the
 * file: 100 concurrent `accounts add` left about 70 accounts, an account the CLI added was
 * erased by the app's next settings save, and concurrent adds left keys without accounts.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import keytar from '@github/keytar';
import { createFileHistoryStore } from '../../../main/core/history/file-history-store';
import { openNodeSettings } from '../../../main/core/settings-store';
import { createKeytarSecretStore, KEYCHAIN_SERVICE } from '../../../main/core/secret-store-keytar';
import {
  cnyRow,
  FAKE_DEEPSEEK_KEY,
  startFakeDeepSeek,
  type FakeDeepSeek,
} from '../../fakes/deepseek-server';
import { createTestCore, nextState } from '../../fakes/test-core';
import { runCli } from '../cli/run-cli';

const hasKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
if (!hasKeyring)
  console.warn(
    '[skip] keychain consistency tests need the test keyring: run them through `node test/with-keyring.mjs vitest run`.',
  );

const dirs: string[] = [];
const tmp = () => {
  const d = join(mkdtempSync(join(tmpdir(), 'creditray-settings-procs-')), 'data');
  dirs.push(d);
  return d;
};
let ds: FakeDeepSeek;
beforeAll(async () => {
  ds = await startFakeDeepSeek();
  ds.setBalance({ rows: [cnyRow('42.00')], available: true });
});
afterAll(async () => {
  await ds.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const accountsIn = (dataDir: string) => openNodeSettings(dataDir).listAccounts();

describe('settings shared by several processes', () => {
  it('keeps all 100 accounts that 100 concurrent `accounts add` reported as added', async () => {
    const dataDir = tmp();
    const runs = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        runCli(['accounts', 'add', '--provider', 'demo', '--label', `Demo ${i}`], { dataDir }),
      ),
    );
    const added = runs.filter((r) => r.code === 0 && r.stdout.startsWith('Added')).length;
    expect(runs.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    expect({ added, stored: accountsIn(dataDir).length }).toEqual({ added: 100, stored: 100 });
    expect(new Set(accountsIn(dataDir).map((a) => a.label)).size).toBe(100);
  }, 180_000);

  it('keeps an account the CLI added when the running app saves a setting, and shows it', async () => {
    const dataDir = tmp();
    const core = await createTestCore(dataDir, { history: undefined });
    try {
      const add = await runCli(['accounts', 'add', '--provider', 'demo', '--label', 'From CLI'], {
        dataDir,
      });
      expect(add.code).toBe(0);
      // The app notices the outside change and pushes it to the window and tray.
      const pushed = await nextState(core, (s) =>
        s.accounts.some((a) => a.account.label === 'From CLI'),
      );
      expect(pushed.accounts).toHaveLength(1);
      expect((await core.updateSettings({ theme: 'dark' })).ok).toBe(true);
      expect(accountsIn(dataDir).map((a) => a.label)).toEqual(['From CLI']);
      expect(openNodeSettings(dataDir).getSettings().theme).toBe('dark');
    } finally {
      await core.stop();
    }
  }, 60_000);

  it('creates the data folder 0700 and settings, history and lock files 0600', async () => {
    if (process.platform === 'win32') return; // no POSIX modes there
    const dataDir = tmp();
    openNodeSettings(dataDir).updateSettings({ theme: 'dark' });
    const history = createFileHistoryStore({ dir: join(dataDir, 'history') });
    await history.append('a', {
      at: 1_800_000_000_000,
      available: true,
      rows: [{ currency: 'CNY', total: '1.00', granted: '0.00', toppedUp: '1.00' }],
    });
    await history.close();
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect({
      dataDir: mode(dataDir),
      historyDir: mode(join(dataDir, 'history')),
      config: mode(join(dataDir, 'config.json')),
      log: mode(join(dataDir, 'history', 'a.log')),
    }).toEqual({ dataDir: 0o700, historyDir: 0o700, config: 0o600, log: 0o600 });
  });
});

describe.skipIf(!hasKeyring)('keychain and settings together (real keychain)', () => {
  const keysOf = async (ids: Set<string>) =>
    (await keytar.findCredentials(KEYCHAIN_SERVICE)).filter((c) => ids.has(c.account));

  it('leaves every concurrently added account with its key and no key without its account', async () => {
    const dataDir = tmp();
    // Eight different keys: the same key twice is refused as a duplicate (next test).
    const keyFor = (i: number) => `sk-0123456789abcdef0123456789ab${i}c18`;
    ds.setValidKeys('any');
    try {
      const runs = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          runCli(['accounts', 'add', '--base-url', ds.url], { dataDir, stdin: `${keyFor(i)}\n` }),
        ),
      );
      expect(runs.map((r) => r.code)).toEqual(Array(8).fill(0));
    } finally {
      ds.setValidKeys([FAKE_DEEPSEEK_KEY]);
    }
    const accounts = accountsIn(dataDir);
    expect(accounts).toHaveLength(8);
    const ids = new Set(accounts.map((a) => a.id));
    expect((await keysOf(ids)).length).toBe(8);
    // Every key the adds wrote under a journal entry belongs to an account: nothing is pending.
    expect(openNodeSettings(dataDir).pendingKeys()).toEqual([]);
  }, 120_000);

  it('adds one key added by four processes at once exactly once (the duplicate check holds under the lock)', async () => {
    const dataDir = tmp();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        runCli(['accounts', 'add', '--base-url', ds.url], {
          dataDir,
          stdin: `${FAKE_DEEPSEEK_KEY}\n`,
        }),
      ),
    );
    expect(runs.map((r) => r.code).sort()).toEqual([0, 64, 64, 64]);
    for (const r of runs.filter((x) => x.code === 64))
      expect(r.stderr).toMatch(/already in Creditray as/);
    const accounts = accountsIn(dataDir);
    expect(accounts).toHaveLength(1);
    expect((await keysOf(new Set(accounts.map((a) => a.id)))).length).toBe(1);
    expect(openNodeSettings(dataDir).pendingKeys()).toEqual([]);
  }, 120_000);

  it('removes, and says so, a key whose add was killed before its account was saved', async () => {
    const dataDir = tmp();
    const settings = openNodeSettings(dataDir);
    const id = `killed-${process.pid}`;
    settings.notePendingKey({ id, op: 'add', at: Date.now() });
    expect((await createKeytarSecretStore().set(id, FAKE_DEEPSEEK_KEY)).ok).toBe(true);
    const list = await runCli(['accounts', 'list', '--json'], { dataDir });
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/interrupted after its key was stored.*removed from the keychain/);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, id)).toBeNull();
    expect(openNodeSettings(dataDir).pendingKeys()).toEqual([]);
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).not.toContain(FAKE_DEEPSEEK_KEY);
  }, 60_000);
});
