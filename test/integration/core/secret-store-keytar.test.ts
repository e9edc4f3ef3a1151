/**
 * The keychain adapter against the REAL Secret Service (gnome-keyring in a private D-Bus
 * session started by test/with-keyring.mjs), plus the error mapping with keytar injected.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyKeychainError, createKeytarSecretStore, type KeytarLike } from '../../../main/core/secret-store-keytar';

const realKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const canRunPrivateKeyring = process.platform === 'linux' && ['dbus-run-session', 'gnome-keyring-daemon', 'gdbus'].every(has);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const modUrl = new URL('../../../main/core/secret-store-keytar.ts', import.meta.url).href;
if (!realKeyring) {
  console.log('[secret-store-keytar] CREDITRAY_TEST_KEYRING is not set: real-keychain tests skip. Run them with `node test/with-keyring.mjs vitest run <file>`.');
}

const service = `CreditrayTest-${randomUUID().slice(0, 8)}`;

describe.skipIf(!realKeyring)('keytar secret store on a real gnome-keyring', () => {
  const store = createKeytarSecretStore({ service });
  afterAll(async () => {
    for (const id of ['acc-a', 'acc-b', 'acc-long', 'acc-del']) await store.delete(id);
  });

  it('stores a key and reads the same key back', async () => {
    expect(await store.set('acc-a', 'sk-0123456789abcdef0123456789abcdef')).toEqual({ ok: true, value: undefined });
    expect(await store.get('acc-a')).toEqual({ ok: true, value: 'sk-0123456789abcdef0123456789abcdef' });
  });

  it('reads a key that was never stored as null, not as an error', async () => {
    expect(await store.get('never-stored')).toEqual({ ok: true, value: null });
  });

  it('deletes a key, and deleting it again reports that nothing was there', async () => {
    await store.set('acc-del', 'sk-deleteme0001');
    expect(await store.delete('acc-del')).toEqual({ ok: true, value: true });
    expect(await store.get('acc-del')).toEqual({ ok: true, value: null });
    expect(await store.delete('acc-del')).toEqual({ ok: true, value: false });
  });

  it('keeps a 512-character ASCII key intact', async () => {
    const long = 'sk-' + 'A1b2C3d4'.repeat(63) + 'xyzxy';
    expect(long).toHaveLength(512);
    await store.set('acc-long', long);
    expect(await store.get('acc-long')).toEqual({ ok: true, value: long });
  });

  it('keeps two accounts isolated and overwrites a key in place', async () => {
    await store.set('acc-a', 'sk-aaaaaaaaaaaa');
    await store.set('acc-b', 'sk-bbbbbbbbbbbb');
    await store.set('acc-a', 'sk-aaaaaaaa2222');
    expect(await store.get('acc-a')).toEqual({ ok: true, value: 'sk-aaaaaaaa2222' });
    expect(await store.get('acc-b')).toEqual({ ok: true, value: 'sk-bbbbbbbbbbbb' });
    await store.delete('acc-a');
    expect(await store.get('acc-b')).toEqual({ ok: true, value: 'sk-bbbbbbbbbbbb' });
  });
});

describe.skipIf(!canRunPrivateKeyring)('keytar secret store on a LOCKED gnome-keyring collection', () => {
  // Runs in its own private D-Bus + keyring so locking cannot disturb other test files.
  it('reports keychain-locked for reads and writes once the login collection is locked over D-Bus', () => {
    const script = `
      const { spawnSync } = await import('node:child_process');
      const { createKeytarSecretStore } = await import(${JSON.stringify(modUrl)});
      const s = createKeytarSecretStore({ service: 'CreditrayLocked', timeoutMs: 8000 });
      const before = await s.set('acc', 'sk-lockedkey0001');
      const lock = spawnSync('gdbus', ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path',
        '/org/freedesktop/secrets', '--method', 'org.freedesktop.Secret.Service.Lock',
        "['/org/freedesktop/secrets/collection/login']"], { encoding: 'utf8' });
      console.log(JSON.stringify({ before, lock: lock.status, write: await s.set('acc-2', 'sk-lockedkey0002'), read: await s.get('acc') }));`;
    const inner = 'eval "$(printf %s pw | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"; exec "$@"';
    const dataHome = mkdtempSync(join(tmpdir(), 'creditray-locked-'));
    try {
      const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', process.execPath, '--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, XDG_DATA_HOME: dataHome, DISPLAY: '' },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, { ok: boolean; error?: { code: string } } | number>;
      expect(out.before).toEqual({ ok: true });
      expect(out.lock).toBe(0);
      expect(out.write).toMatchObject({ ok: false, error: { code: 'keychain-locked' } });
      // libsecret reads a locked item as "missing"; the write probe turns that into the truth.
      expect(out.read).toMatchObject({ ok: false, error: { code: 'keychain-locked' } });
    } finally {
      rmSync(dataHome, { recursive: true, force: true });
    }
  }, 90_000);
});

describe.skipIf(process.platform !== 'linux')('keytar secret store without a Secret Service', () => {
  it('returns keychain-unavailable instead of crashing when D-Bus points at a dead socket', () => {
    const script = `
      const { createKeytarSecretStore } = await import(${JSON.stringify(modUrl)});
      const s = createKeytarSecretStore({ service: 'CreditrayDeadBus', timeoutMs: 5000 });
      console.log(JSON.stringify([await s.get('a'), await s.set('a', 'sk-x'), await s.delete('a')]));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=/tmp/creditray-no-bus-${process.pid}`, DISPLAY: '' },
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout.trim().split('\n').pop() ?? '[]') as { ok: boolean; error?: { code: string; message: string } }[];
    expect(results).toHaveLength(3);
    for (const res of results) {
      expect(res.ok).toBe(false);
      expect(res.error?.code).toBe('keychain-unavailable');
      expect(res.error?.message).toMatch(/keychain is not available/);
    }
  }, 60_000);
});

describe('keytar secret store error mapping (keytar injected)', () => {
  const failing = (message: string): KeytarLike => ({
    getPassword: () => Promise.reject(new Error(message)),
    setPassword: () => Promise.reject(new Error(message)),
    deletePassword: () => Promise.reject(new Error(message)),
  });
  const codeOf = async (message: string) => {
    const r = await createKeytarSecretStore({ load: async () => failing(message) }).set('a', 'sk-x');
    return r.ok ? 'ok' : r.error.code;
  };

  it.each([
    ['The name org.freedesktop.secrets was not provided by any .service files', 'keychain-unavailable'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain-unavailable'],
    ['Could not connect: No such file or directory', 'keychain-unavailable'],
    ['Cannot create an item in a locked collection', 'keychain-locked'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'keychain-locked'],
    ['User canceled the operation.', 'keychain-locked'],
    ['User interaction is not allowed.', 'keychain-locked'],
    ['The user name or passphrase you entered is not correct.', 'keychain-denied'],
    ['Access denied', 'keychain-denied'],
  ])('maps "%s" to %s', async (message, code) => {
    expect(await codeOf(message)).toBe(code);
  });

  it('reports a native module that will not load as keychain-unavailable', async () => {
    const store = createKeytarSecretStore({ load: () => Promise.reject(new Error('Failed to load keytar native addon')) });
    const r = await store.get('a');
    expect(r).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } });
    expect(r.ok ? '' : r.error.message).toMatch(/could not be loaded/);
  });

  it('gives up on a keychain call that never answers with a "timed out" keychain-unavailable', async () => {
    const hanging: KeytarLike = { ...failing('x'), getPassword: () => new Promise(() => {}) };
    const r = await createKeytarSecretStore({ load: async () => hanging, timeoutMs: 20 }).get('a');
    expect(r).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } });
    expect(r.ok ? '' : r.error.message).toMatch(/timed out/);
  });

  it('tells a locked libsecret collection from a missing key by probing with a write', async () => {
    const locked: KeytarLike = { ...failing('Cannot create an item in a locked collection'), getPassword: async () => null };
    const unlocked: KeytarLike = { getPassword: async () => null, setPassword: async () => {}, deletePassword: async () => true };
    const opts = { probeLockedOnMissing: true };
    expect(await createKeytarSecretStore({ ...opts, load: async () => locked }).get('a')).toMatchObject({ ok: false, error: { code: 'keychain-locked' } });
    expect(await createKeytarSecretStore({ ...opts, load: async () => unlocked }).get('a')).toEqual({ ok: true, value: null });
  });

  it('never echoes a key-like string from a raw keychain message', () => {
    expect(classifyKeychainError(new Error('failed for sk-abcdef0123456789')).message).not.toContain('abcdef0123456789');
  });
});
