/**
 * Settings storage faults through the whole core: a corrupt or wrongly shaped settings file
 * at launch, and writes failing later (read-only folder, full disk, no permission). The core
 * must keep running and polling, tell the user in plain words (AppState.notices or a Result
 * error), back an unreadable file up instead of deleting it, and lose nothing already saved:
 * not the settings on disk, not an account, not a key in the keychain.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardSettingsFile } from '../../../main/core/settings-store';
import { FAKE_DEEPSEEK_KEY, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';
import { startFaultCore, type FaultCore } from '../../fakes/fault-core';
import { createFaultConf, mountTinyTmpfs, type FaultConf, type TinyMount } from '../../fakes/fault-conf';
import { createMemorySecretStore, type MemorySecretStore } from '../../fakes/memory-secret-store';

let ds: FakeDeepSeek;
const count = { faults: 0 };
beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  console.log(`[faults/storage] ${count.faults} storage faults injected`);
  await ds.close();
});

const openConf = (dir: string) => new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config', projectName: 'creditray' });
/** The launch recipe for a conf-backed store: guard the file first (conf throws on invalid JSON). */
const launchConf = (dir: string) => {
  guardSettingsFile(join(dir, 'config.json'));
  return openConf(dir);
};
const account = (id: string, label: string) => ({
  id, label, provider: 'deepseek', baseUrl: ds.url, headlineCurrency: 'auto', thresholds: null, budget: { kind: 'none' },
  pollIntervalSec: null, notify: {}, keyMask: 'sk-…c18b', createdAt: 1,
});
const backups = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('config.corrupt-'));

describe('a bad settings file at launch', () => {
  it('invalid JSON: starts with defaults, says where the backup is, keeps the original bytes and the keys, and keeps working', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditray-st-'));
    const original = '{"version":1,"settings":{"pollIntervalSec":600},"accounts":[{"id":"a1","lab';
    writeFileSync(join(dir, 'config.json'), original);
    const secrets = createMemorySecretStore({ a1: FAKE_DEEPSEEK_KEY });
    const rig = await startFaultCore({ ds, secrets, conf: launchConf(dir), dataDir: dir });
    count.faults++;
    try {
      const state = rig.core.getState();
      expect(state.notices).toHaveLength(1);
      expect(state.notices[0]!.code).toBe('settings-corrupt');
      const [backup] = backups(dir);
      expect(backup).toBeDefined();
      expect(state.notices[0]!.message).toContain(backup);
      expect(state.notices[0]!.message).toMatch(/unreadable; it was saved as .* and defaults are in use/);
      expect(readFileSync(join(dir, backup!), 'utf8')).toBe(original);
      expect(secrets.entries.get('a1'), 'the keychain is not touched').toBe(FAKE_DEEPSEEK_KEY);
      const added = await rig.core.addAccount({ provider: 'deepseek', label: 'Again', key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url });
      expect(added.ok).toBe(true);
      await rig.idle();
      expect(rig.account()).toMatchObject({ level: 'healthy' });
      expect(readFileSync(join(dir, backup!), 'utf8'), 'later writes leave the backup alone').toBe(original);
    } finally {
      await rig.core.stop();
    }
  });

  it.each([
    ['a JSON array', '[1,2,3]'],
    ['another version', '{"version":2,"accounts":[]}'],
    ['accounts as an object', '{"version":1,"accounts":{"a":1}}'],
  ])('wrong shape (%s): starts with defaults, copies the file aside, and tells the user', async (_name, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'creditray-st-'));
    writeFileSync(join(dir, 'config.json'), text);
    const rig = await startFaultCore({ ds, secrets: createMemorySecretStore(), conf: launchConf(dir), dataDir: dir });
    count.faults++;
    try {
      expect(rig.core.getState().notices.map((n) => n.code)).toEqual(['settings-corrupt']);
      expect(backups(dir).map((b) => readFileSync(join(dir, b), 'utf8'))).toEqual([text]);
      expect(rig.core.getState().settings.pollIntervalSec).toBe(300);
      expect((await rig.core.updateSettings({ theme: 'dark' })).ok).toBe(true);
    } finally {
      await rig.core.stop();
    }
  });

  it('one unreadable account: keeps and polls the good one, names the dropped one, and keeps a copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditray-st-'));
    const text = JSON.stringify({ version: 1, settings: {}, accounts: [account('good', 'Good'), { ...account('bad', 'Broken'), provider: 'nope' }] });
    writeFileSync(join(dir, 'config.json'), text);
    const rig = await startFaultCore({ ds, secrets: createMemorySecretStore({ good: FAKE_DEEPSEEK_KEY, bad: FAKE_DEEPSEEK_KEY }), conf: launchConf(dir), dataDir: dir });
    count.faults++;
    try {
      await rig.idle();
      const state = rig.core.getState();
      expect(state.accounts.map((a) => [a.account.label, a.level])).toEqual([['Good', 'healthy']]);
      expect(state.notices).toEqual([expect.objectContaining({ code: 'settings-account-dropped', message: expect.stringMatching(/Account "Broken" .* unreadable .* saved as/) })]);
      expect(backups(dir).map((b) => readFileSync(join(dir, b), 'utf8'))).toEqual([text]);
    } finally {
      await rig.core.stop();
    }
  });
});

interface WriteFault {
  name: string;
  words: RegExp;
  /** Sets up a data dir whose writes can be broken; returns the conf and the break/mend switches. */
  make(): { dir: string; conf: FaultConf | Conf<Record<string, unknown>>; breakIt(): void; mendIt(): void; done(): void } | null;
}

const simulated = (code: string): WriteFault['make'] => () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditray-st-'));
  const conf = createFaultConf(openConf(dir));
  return { dir, conf, breakIt: () => conf.failWith(code), mendIt: () => conf.failWith(null), done: () => {} };
};
let mount: TinyMount | null | undefined;
const real = (how: 'ro' | 'full'): WriteFault['make'] => () => {
  mount ??= mountTinyTmpfs();
  if (!mount) return null;
  const m = mount;
  const dir = mkdtempSync(join(m.dir, 'd-'));
  return {
    dir,
    conf: openConf(dir),
    breakIt: () => (how === 'ro' ? m.readOnly(true) : m.fill()),
    mendIt: () => (how === 'ro' ? m.readOnly(false) : m.unfill()),
    done: () => {},
  };
};
afterAll(() => mount?.unmount());

const canMount = process.platform === 'linux' && process.getuid?.() === 0;
const runningAsRoot = process.getuid?.() === 0;
const writeFaults: WriteFault[] = [
  { name: `read-only data folder, simulated with a conf whose writes throw EROFS${runningAsRoot ? ' (running as root: chmod 0555 would not stop writes)' : ''}`, words: /Could not save your settings: the settings folder is on a read-only disk \(EROFS\)/, make: simulated('EROFS') },
  { name: 'disk full, simulated with a conf whose writes throw ENOSPC', words: /Could not save your settings: the disk is full \(ENOSPC\)/, make: simulated('ENOSPC') },
  { name: 'no permission, simulated with a conf whose writes throw EACCES', words: /Could not save your settings: Creditray may not write to the settings folder \(EACCES\)/, make: simulated('EACCES') },
  { name: 'read-only data folder for real (a tmpfs remounted read-only)', words: /Could not save your settings: the settings folder is on a read-only disk \(EROFS\)/, make: real('ro') },
  { name: 'disk full for real (a 256 KiB tmpfs filled up)', words: /Could not save your settings: the disk is full \(ENOSPC\)/, make: real('full') },
];

describe('settings writes failing while the app runs', () => {
  it.each(writeFaults)('$name: refuses each change in plain words, keeps polling, loses nothing, and saves again once mended', async (wf) => {
    const setup = wf.make();
    if (!setup) {
      expect(canMount, 'only skipped where mounting is impossible').toBe(false);
      return;
    }
    const { dir, conf } = setup;
    const secrets: MemorySecretStore = createMemorySecretStore();
    let rig: FaultCore | null = null;
    try {
      rig = await startFaultCore({ ds, secrets, conf, dataDir: dir });
      const added = await rig.core.addAccount({ provider: 'deepseek', label: 'Work', key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url });
      if (!added.ok) throw new Error(added.error.message);
      const id = added.value.id;
      await rig.idle();
      const onDisk = readFileSync(join(dir, 'config.json'), 'utf8');

      setup.breakIt();
      count.faults++;
      const s = await rig.core.updateSettings({ pollIntervalSec: 600 });
      expect(s.ok).toBe(false);
      if (!s.ok) expect(s.error).toMatchObject({ code: 'settings-write-failed', message: expect.stringMatching(wf.words) });
      expect(rig.core.getState().settings.pollIntervalSec, 'memory agrees with the disk').toBe(300);

      // Another key: the same key twice is refused as a duplicate before any write is tried.
      const second = 'sk-0123456789abcdef0123456789abe42';
      ds.setValidKeys([FAKE_DEEPSEEK_KEY, second]);
      const a = await rig.core.addAccount({ provider: 'deepseek', label: 'Second', key: second, baseUrl: ds.url });
      expect(a.ok).toBe(false);
      if (!a.ok) expect(a.error.message).toMatch(wf.words);
      expect([...secrets.entries.keys()], 'no key is left behind for an account that was not saved').toEqual([id]);

      const u = await rig.core.updateAccount({ id, patch: { label: 'Renamed' } });
      expect(u.ok).toBe(false);

      const r = await rig.core.removeAccount(id);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(wf.words);
      expect(rig.core.getState().accounts.map((x) => x.account.label)).toEqual(['Work']);
      expect(secrets.entries.get(id), 'a failed removal keeps the key of the account it kept').toBe(FAKE_DEEPSEEK_KEY);
      expect((await rig.history.read(id)).length, '...and its history').toBeGreaterThan(0);

      for (let i = 0; i < 3; i++) expect(await rig.nextPoll(), 'polling goes on').toMatchObject({ level: 'healthy', error: null });
      expect(readFileSync(join(dir, 'config.json'), 'utf8'), 'what was saved is still there').toBe(onDisk);
      expect(rig.log.filter((l) => /a bug/.test(l))).toEqual([]);

      setup.mendIt();
      expect((await rig.core.updateSettings({ pollIntervalSec: 600 })).ok).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).settings.pollIntervalSec).toBe(600);
      expect(existsSync(join(dir, 'config.json'))).toBe(true);
    } finally {
      await rig?.core.stop();
      setup.mendIt();
      setup.done();
    }
  });
});

describe('launching on a read-only data folder', () => {
  it.skipIf(!canMount)('for real (a tmpfs mounted read-only before launch): loads the saved accounts and settings, polls, and refuses changes in words (needs root to mount)', async () => {
    mount ??= mountTinyTmpfs();
    const m = mount!;
    const dir = mkdtempSync(join(m.dir, 'ro-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 1, settings: { pollIntervalSec: 600 }, accounts: [account('keep', 'Kept')] }));
    m.readOnly(true);
    count.faults++;
    let rig: FaultCore | null = null;
    try {
      rig = await startFaultCore({ ds, secrets: createMemorySecretStore({ keep: FAKE_DEEPSEEK_KEY }), conf: launchConf(dir), dataDir: dir });
      await rig.idle();
      expect(rig.account()).toMatchObject({ level: 'healthy', account: { label: 'Kept' } });
      expect(rig.core.getState().settings.pollIntervalSec).toBe(600);
      expect(rig.core.getState().notices).toEqual([]);
      const r = await rig.core.updateSettings({ theme: 'dark' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/read-only disk \(EROFS\)/);
      expect(await rig.nextPoll()).toMatchObject({ level: 'healthy' });
    } finally {
      await rig?.core.stop();
      m.readOnly(false);
    }
  });
});
