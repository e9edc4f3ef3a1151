/**
 * Settings and accounts on disk, through `conf` (electron-store in the app is a conf
 * subclass; Node, CLI and tests use conf itself). The file is validated on load: a broken
 * file is backed up next to itself, never deleted, and the app starts from defaults with a
 * notice the user sees; one bad account is dropped rather than losing all of them.
 *
 * The app and any number of CLI commands share the file. Every change is a read-merge-write
 * under the settings lock (data-lock.ts): the file is re-read, the one change applied to what
 * is there now, and written back, so no process ever writes back a stale copy of the whole
 * state. Reads notice a file another process replaced (its stat changed) and re-read it;
 * `watch` tells the app, which pushes the new state to the window and tray.
 */
import { chmodSync, statSync, unwatchFile, watchFile } from 'node:fs';
import { dirname, join } from 'node:path';
import Conf from 'conf';
import type { AccountConfig, AppSettings } from '../../shared/model';
import { toError } from '../../shared/result';
import { lockPaths, withLockSync } from './data-lock';
import { ensurePrivateDir } from './data-dir';
import {
  type ConfLike,
  type Notice,
  type PendingKey,
  type SettingsFile,
  parseSettingsFile,
  readRaw,
  settingsSchema,
} from './settings-file';

import { backupFile, guardSettingsFile, takePending } from './settings-guard';

export type { ConfLike, Notice, PendingKey } from './settings-file';
export { guardSettingsFile } from './settings-guard';

/** What the core, CLI and account service need from settings; writes throw SettingsWriteError. */
export interface SettingsStore {
  getSettings(): AppSettings;
  /** Applies `patch` to the settings as they are on disk now. */
  updateSettings(patch: Partial<AppSettings>): AppSettings;
  listAccounts(): AccountConfig[];
  getAccount(id: string): AccountConfig | undefined;
  /** Inserts, or replaces the account with the same id in place. */
  saveAccount(account: AccountConfig): void;
  /**
   * Inserts the account `make` builds from the labels taken at the moment of writing (so two
   * processes adding "DeepSeek" get "DeepSeek" and "DeepSeek 2"); settles its pending key.
   */
  addAccount(make: (takenLabels: string[]) => AccountConfig): AccountConfig;
  /** Changes an account as it is now on disk; undefined when it no longer exists (never re-created). */
  updateAccount(
    id: string,
    change: (current: AccountConfig, otherLabels: string[]) => AccountConfig,
  ): AccountConfig | undefined;
  /** Removes the account and settles its pending key in the same write. */
  removeAccount(id: string): void;
  /** Journal of keychain writes whose account write is not done yet (see PendingKey). */
  pendingKeys(): PendingKey[];
  notePendingKey(entry: PendingKey): void;
  settlePendingKey(id: string): void;
  /** Problems found on load (corrupt file backed up, accounts dropped) for AppState.notices. */
  notices(): Notice[];
  /**
   * Calls `onChange` after another process changed the file (polled about every second, as
   * file watchers miss renames on some systems); returns the function that stops watching.
   */
  watch(onChange: () => void): () => void;
}

/**
 * Thrown when the settings file cannot be written (read-only folder, disk full...). Callers
 * turn it into `err({ code: 'settings-write-failed', message: e.message })`; the in-memory
 * state is left as it was before the failed write, so memory and disk agree.
 */
export class SettingsWriteError extends Error {
  readonly code = 'settings-write-failed';
  constructor(readonly reason: unknown) {
    super(describeWriteFailure(reason));
    this.name = 'SettingsWriteError';
  }
}

function describeWriteFailure(reason: unknown): string {
  const code = (reason as { code?: unknown } | null)?.code;
  const plain: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the settings folder is on a read-only disk',
    EACCES: 'Creditray may not write to the settings folder',
    EPERM: 'Creditray may not write to the settings folder',
    ENOTDIR: 'the settings folder is not a folder',
    EEXIST: 'the settings folder is not a folder',
    ELOCKED: 'another Creditray process kept the settings locked',
  };
  const words =
    typeof code === 'string' && plain[code]
      ? plain[code]
      : 'the settings file could not be written';
  return typeof code === 'string' ? `${words} (${code})` : words;
}

export interface SettingsStoreOptions {
  store: ConfLike;
  /** Where backups of unreadable files go; next to the file by default. */
  backupDir?: string;
  now?: () => number;
  /** Notices from a guardSettingsFile call made before the store was constructed. */
  notices?: Notice[];
  /** The cross-process lock for this file; `<folder of the file>/config.json.lock` by default. */
  lockPath?: string;
  /** How often `watch` looks at the file (default 1 s). */
  watchIntervalMs?: number;
  /** How long a write waits for the settings lock (default data-lock's WAIT_MS). */
  lockWaitMs?: number;
}

type Signature = string | null;
/** Identity of the file on disk: a rename over it (every conf write) changes ino and ctime. */
function signature(path: string): Signature {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return null;
  }
}

/** Loads and validates the file, then serves reads from memory (re-read when it changed) and writes under the lock. */
export function createSettingsStore(opts: SettingsStoreOptions): SettingsStore {
  const conf = opts.store;
  const now = opts.now ?? Date.now;
  const lockPath = opts.lockPath ?? lockPaths(dirname(conf.path)).settings;
  const notices: Notice[] = [...(opts.notices ?? []), ...takePending(conf.path)];
  let state: SettingsFile;
  let seen: Signature = null;

  /** Reads the file as it is now; problems are backed up and reported as on first load. */
  const load = (): SettingsFile => {
    const sig = signature(conf.path);
    const parsed = parseSettingsFile(readRaw(conf));
    if (parsed.problems.length > 0) {
      const saved = backupFile(conf.path, opts.backupDir, now());
      const where = saved
        ? ` The original file was saved as ${saved}.`
        : ' No copy of the original file could be made.';
      for (const p of parsed.problems) {
        const corrupt = saved
          ? `Your settings file was unreadable; it was saved as ${saved} and defaults are in use.`
          : 'Your settings file was unreadable and could not be backed up; defaults are in use.';
        notices.push(
          p.code === 'settings-corrupt'
            ? { code: p.code, message: corrupt }
            : { code: p.code, message: p.message + where },
        );
      }
    }
    seen = sig;
    // A file another process damaged after we loaded it: keep working from the last good state.
    return parsed.corrupt && state !== undefined ? state : parsed.file;
  };
  state = load();

  const watchers = new Set<() => void>();
  /**
   * Re-reads the file when it changed since we last read or wrote it. Whoever notices first
   * (a read or the watch timer), watchers hear of it once, after the current call returns.
   */
  const refresh = (): void => {
    if (signature(conf.path) === seen) return;
    state = load();
    for (const w of watchers) queueMicrotask(w);
  };
  const current = () => (refresh(), state);

  const write = (next: SettingsFile) => {
    try {
      conf.store = structuredClone(next) as unknown as Record<string, unknown>;
    } catch (e) {
      throw new SettingsWriteError(e);
    }
    // electron-store creates the file with its default mode: settings are the user's alone.
    if (process.platform !== 'win32') {
      try {
        chmodSync(conf.path, 0o600);
      } catch {
        // an in-memory conf in tests, or a file system without modes
      }
    }
    state = next;
    seen = signature(conf.path);
  };

  /** One read-merge-write: `change` sees the file as it is now, under the lock. */
  function mutate<T>(change: (fresh: SettingsFile) => { next: SettingsFile | null; result: T }): T {
    let inside = false;
    try {
      ensurePrivateDir(dirname(lockPath)); // conf would create it on write anyway
      return withLockSync(
        lockPath,
        () => {
          inside = true;
          refresh();
          const { next, result } = change(state);
          if (next) write(next);
          return result;
        },
        { waitMs: opts.lockWaitMs },
      );
    } catch (e) {
      if (inside) throw e;
      throw new SettingsWriteError(e);
    }
  }
  const labelsExcept = (f: SettingsFile, id?: string) =>
    f.accounts.filter((a) => a.id !== id).map((a) => a.label);
  const withoutPending = (f: SettingsFile, id: string) => f.pendingKeys.filter((p) => p.id !== id);

  return {
    getSettings: () => ({ ...current().settings }),
    updateSettings(patch) {
      return mutate((f) => {
        const settings = settingsSchema.parse({ ...f.settings, ...patch });
        return { next: { ...f, settings }, result: { ...settings } };
      });
    },
    listAccounts: () => structuredClone(current().accounts),
    getAccount(id) {
      const a = current().accounts.find((x) => x.id === id);
      return a ? structuredClone(a) : undefined;
    },
    saveAccount(account) {
      mutate((f) => {
        const copy = structuredClone(account);
        const i = f.accounts.findIndex((x) => x.id === account.id);
        const accounts =
          i === -1 ? [...f.accounts, copy] : f.accounts.map((x, j) => (j === i ? copy : x));
        return { next: { ...f, accounts }, result: undefined };
      });
    },
    addAccount(make) {
      return mutate((f) => {
        const account = structuredClone(make(labelsExcept(f)));
        const accounts = [...f.accounts.filter((a) => a.id !== account.id), account];
        return {
          next: { ...f, accounts, pendingKeys: withoutPending(f, account.id) },
          result: structuredClone(account),
        };
      });
    },
    updateAccount(id, change) {
      return mutate((f) => {
        const found = f.accounts.find((a) => a.id === id);
        if (!found) return { next: null, result: undefined };
        const next = {
          ...structuredClone(change(structuredClone(found), labelsExcept(f, id))),
          id,
        };
        return {
          next: { ...f, accounts: f.accounts.map((a) => (a.id === id ? next : a)) },
          result: structuredClone(next),
        };
      });
    },
    removeAccount(id) {
      mutate((f) => {
        if (!f.accounts.some((x) => x.id === id) && !f.pendingKeys.some((p) => p.id === id))
          return { next: null, result: undefined };
        return {
          next: {
            ...f,
            accounts: f.accounts.filter((x) => x.id !== id),
            pendingKeys: withoutPending(f, id),
          },
          result: undefined,
        };
      });
    },
    pendingKeys: () => structuredClone(current().pendingKeys),
    notePendingKey(entry) {
      mutate((f) => ({
        next: { ...f, pendingKeys: [...withoutPending(f, entry.id), { ...entry }] },
        result: undefined,
      }));
    },
    settlePendingKey(id) {
      mutate((f) =>
        f.pendingKeys.some((p) => p.id === id)
          ? { next: { ...f, pendingKeys: withoutPending(f, id) }, result: undefined }
          : { next: null, result: undefined },
      );
    },
    notices: () => notices.map((n) => ({ ...n })),
    watch(onChange) {
      watchers.add(onChange);
      const listener = () => refresh();
      watchFile(conf.path, { interval: opts.watchIntervalMs ?? 1000, persistent: false }, listener);
      return () => {
        watchers.delete(onChange);
        unwatchFile(conf.path, listener);
      };
    },
  };
}

const CLI_LOCK_WAIT_MS = 120_000;

/**
 * The CLI's and tests' settings: `<dataDir>/config.json` through plain conf, created 0600 in
 * a 0700 folder. An unreadable file is moved aside first (conf itself would throw on invalid JSON).
 */
export function openNodeSettings(
  dataDir: string,
  opts: { now?: () => number } = {},
): SettingsStore {
  const path = join(dataDir, 'config.json');
  guardSettingsFile(path, { now: opts.now });
  let conf: Conf<Record<string, unknown>>;
  try {
    conf = new Conf<Record<string, unknown>>({
      cwd: dataDir,
      projectName: 'creditray',
      configFileMode: 0o600,
    });
  } catch (e) {
    throw new Error(`Your settings file ${path} cannot be opened: ${toError(e).message}`, {
      cause: e,
    });
  }
  // A command may queue behind many others (a script adding accounts in parallel): it waits longer than the app.
  return createSettingsStore({
    store: conf,
    now: opts.now,
    lockPath: lockPaths(dataDir).settings,
    lockWaitMs: CLI_LOCK_WAIT_MS,
  });
}
