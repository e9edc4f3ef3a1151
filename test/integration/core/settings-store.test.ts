/** The settings store on real files through real conf, including broken files and failed writes. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AccountConfig } from '../../../shared/model';
import {
  createSettingsStore,
  guardSettingsFile,
  openNodeSettings,
  SettingsWriteError,
  type ConfLike,
} from '../../../main/core/settings-store';
import { testAccount } from '../../fakes/account-fixture';

const NOW = Date.UTC(2026, 10, 27, 3, 4, 5, 6);
const account = (id: string, label = `Acc ${id}`): AccountConfig =>
  testAccount({ id, label, createdAt: 1_700_000_000_000 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'creditray-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const configPath = () => join(dir, 'config.json');
const open = () => openNodeSettings(dir, { now: () => NOW });
const backups = () => readdirSync(dir).filter((f) => f.startsWith('config.corrupt-'));

describe('settings store', () => {
  it('starts from defaults with no notice when there is no file yet', () => {
    const s = open();
    expect(s.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(s.listAccounts()).toEqual([]);
    expect(s.notices()).toEqual([]);
  });

  it('persists settings and accounts across reopening', () => {
    const s = open();
    expect(s.updateSettings({ pollIntervalSec: 120, language: 'zh-CN' })).toMatchObject({
      pollIntervalSec: 120,
      language: 'zh-CN',
    });
    s.saveAccount(account('a1'));
    s.saveAccount(account('a2'));
    s.saveAccount({ ...account('a1'), label: 'Renamed' });
    const again = open();
    expect(again.getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      pollIntervalSec: 120,
      language: 'zh-CN',
    });
    expect(again.listAccounts().map((a) => [a.id, a.label])).toEqual([
      ['a1', 'Renamed'],
      ['a2', 'Acc a2'],
    ]);
    expect(JSON.parse(readFileSync(configPath(), 'utf8'))).toMatchObject({ version: 1 });
    again.removeAccount('a1');
    expect(open().getAccount('a1')).toBeUndefined();
    expect(open().getAccount('a2')?.label).toBe('Acc a2');
  });

  it('hands out copies, so a caller mutating a result cannot change the store', () => {
    const s = open();
    s.saveAccount(account('a1'));
    const got = s.getAccount('a1');
    if (got) got.label = 'mutated';
    s.listAccounts()[0]!.notify.low = false;
    expect(s.getAccount('a1')).toMatchObject({ label: 'Acc a1', notify: { low: true } });
  });

  it('backs up a file of invalid JSON, starts from defaults and says where the copy is', () => {
    writeFileSync(configPath(), '{"version":1, "settings": {oops');
    const s = open();
    expect(s.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(backups()).toEqual(['config.corrupt-2026-11-27T03-04-05-006Z.json']);
    expect(readFileSync(join(dir, backups()[0]!), 'utf8')).toBe('{"version":1, "settings": {oops');
    expect(s.notices()).toEqual([
      {
        code: 'settings-corrupt',
        message: `Your settings file was unreadable; it was saved as ${join(dir, backups()[0]!)} and defaults are in use.`,
      },
    ]);
    s.saveAccount(account('a1'));
    expect(open().listAccounts()).toHaveLength(1);
  });

  it('backs up a file of the wrong shape instead of losing it', () => {
    writeFileSync(configPath(), JSON.stringify({ version: 7, whatever: true }));
    const s = open();
    expect(s.notices().map((n) => n.code)).toEqual(['settings-corrupt']);
    expect(backups()).toHaveLength(1);
    expect(s.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('drops only the unreadable account, keeps the others, and keeps a copy of the original', () => {
    const bad = { ...account('b1', 'Broken'), provider: 'nope' };
    const dup = account('a1', 'Duplicate');
    writeFileSync(
      configPath(),
      JSON.stringify({
        version: 1,
        settings: DEFAULT_SETTINGS,
        accounts: [account('a1'), bad, account('a2'), dup],
      }),
    );
    const s = open();
    expect(s.listAccounts().map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(s.notices().map((n) => n.code)).toEqual([
      'settings-account-dropped',
      'settings-account-dropped',
    ]);
    expect(s.notices()[0]?.message).toContain('"Broken"');
    expect(backups()).toHaveLength(1);
  });

  it('fills fields that an older file lacks and resets a single bad setting with a notice', () => {
    const { notify: _n, headlineCurrency: _h, budget: _b, ...old } = account('a1');
    writeFileSync(
      configPath(),
      JSON.stringify({
        version: 1,
        settings: { pollIntervalSec: 5, theme: 'dark' },
        accounts: [old],
      }),
    );
    const s = open();
    expect(s.getSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(s.getAccount('a1')).toEqual(account('a1'));
    expect(s.notices().map((n) => n.code)).toEqual(['settings-field-reset']);
  });

  it('throws SettingsWriteError and keeps memory unchanged when the folder cannot be written', () => {
    const s = open();
    s.saveAccount(account('a1'));
    const before = readFileSync(configPath(), 'utf8');
    // Root ignores permissions, so make the folder a file instead: a real ENOTDIR/EEXIST from the OS.
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'not a folder');
    let thrown: unknown;
    try {
      s.saveAccount(account('a2'));
    } catch (e) {
      thrown = e;
    }
    rmSync(dir, { force: true });
    mkdirSync(dir);
    writeFileSync(configPath(), before); // the folder is back as it was: a2 must be nowhere
    expect(thrown).toBeInstanceOf(SettingsWriteError);
    expect((thrown as SettingsWriteError).code).toBe('settings-write-failed');
    expect((thrown as Error).message).toMatch(/settings folder is not a folder/);
    expect(s.listAccounts().map((a) => a.id)).toEqual(['a1']);
  });

  it('names a full disk in plain words', () => {
    const full: ConfLike = {
      path: join(dir, 'config.json'),
      get store() {
        return {};
      },
      set store(_v) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      },
    };
    const s = createSettingsStore({ store: full });
    expect(() => s.updateSettings({ theme: 'dark' })).toThrow(/the disk is full \(ENOSPC\)/);
    expect(s.getSettings().theme).toBe('system');
  });

  it('lets a store built on an existing conf (as electron-store is) pick up the guard notice', () => {
    writeFileSync(configPath(), 'garbage');
    expect(guardSettingsFile(configPath(), { now: () => NOW })).toHaveLength(1);
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, projectName: 'creditray' });
    const s = createSettingsStore({ store: conf, now: () => NOW });
    expect(s.notices().map((n) => n.code)).toEqual(['settings-corrupt']);
    expect(backups()).toHaveLength(1);
  });
});
