/**
 * Settings and accounts on disk, through `conf` (electron-store in the app is a conf
 * subclass; Node, CLI and tests use conf itself). The file is validated on load: a broken
 * file is backed up next to itself, never deleted, and the app starts from defaults with a
 * notice the user sees; one bad account is dropped rather than losing all of them.
 */
import { constants, copyFileSync, existsSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { budgetSchema, thresholdsSchema } from '../../shared/ipc';
import {
  DEFAULT_NOTIFY, DEFAULT_SETTINGS, HEADLINE_PREFS, LANGUAGES, MIN_POLL_SEC, NOTIFY_KINDS, PROVIDER_IDS, THEMES,
  type AccountConfig, type AppSettings,
} from '../../shared/model';
import { toError } from '../../shared/result';

/** The slice of conf we use; electron-store 11 and conf 15 both fit. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface Notice {
  code: string;
  message: string;
}

/** What the core, CLI and account service need from settings; writes throw SettingsWriteError. */
export interface SettingsStore {
  getSettings(): AppSettings;
  updateSettings(patch: Partial<AppSettings>): AppSettings;
  listAccounts(): AccountConfig[];
  getAccount(id: string): AccountConfig | undefined;
  /** Inserts, or replaces the account with the same id in place. */
  saveAccount(account: AccountConfig): void;
  removeAccount(id: string): void;
  /** Problems found on load (corrupt file backed up, accounts dropped) for AppState.notices. */
  notices(): Notice[];
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
  };
  const words = typeof code === 'string' && plain[code] ? plain[code] : 'the settings file could not be written';
  return typeof code === 'string' ? `${words} (${code})` : words;
}

export interface SettingsStoreOptions {
  store: ConfLike;
  /** Where backups of unreadable files go; next to the file by default. */
  backupDir?: string;
  now?: () => number;
  /** Notices from a guardSettingsFile call made before the store was constructed. */
  notices?: Notice[];
}

/** Loads and validates the file once, then serves reads from memory and writes through conf. */
export function createSettingsStore(opts: SettingsStoreOptions): SettingsStore {
  const conf = opts.store;
  const now = opts.now ?? Date.now;
  const notices: Notice[] = [...(opts.notices ?? []), ...takePending(conf.path)];
  const parsed = parseSettingsFile(readRaw(conf));
  let state: SettingsFile = parsed.file;
  if (parsed.problems.length > 0) {
    const saved = backupFile(conf.path, opts.backupDir, now());
    const where = saved ? ` The original file was saved as ${saved}.` : ' No copy of the original file could be made.';
    for (const p of parsed.problems) {
      const corrupt = saved
        ? `Your settings file was unreadable; it was saved as ${saved} and defaults are in use.`
        : 'Your settings file was unreadable and could not be backed up; defaults are in use.';
      notices.push(p.code === 'settings-corrupt' ? { code: p.code, message: corrupt } : { code: p.code, message: p.message + where });
    }
  }

  const persist = (next: SettingsFile) => {
    try {
      conf.store = structuredClone(next) as unknown as Record<string, unknown>;
    } catch (e) {
      throw new SettingsWriteError(e);
    }
    state = next;
  };

  return {
    getSettings: () => ({ ...state.settings }),
    updateSettings(patch) {
      const settings = settingsSchema.parse({ ...state.settings, ...patch });
      persist({ ...state, settings });
      return { ...settings };
    },
    listAccounts: () => structuredClone(state.accounts),
    getAccount(id) {
      const a = state.accounts.find((x) => x.id === id);
      return a ? structuredClone(a) : undefined;
    },
    saveAccount(account) {
      const copy = structuredClone(account);
      const i = state.accounts.findIndex((x) => x.id === account.id);
      const accounts = i === -1 ? [...state.accounts, copy] : state.accounts.map((x, j) => (j === i ? copy : x));
      persist({ ...state, accounts });
    },
    removeAccount(id) {
      if (!state.accounts.some((x) => x.id === id)) return;
      persist({ ...state, accounts: state.accounts.filter((x) => x.id !== id) });
    },
    notices: () => notices.map((n) => ({ ...n })),
  };
}

/**
 * The CLI's and tests' settings: `<dataDir>/config.json` through plain conf. An unreadable
 * file is moved aside first (conf itself would throw on invalid JSON).
 */
export function openNodeSettings(dataDir: string, opts: { now?: () => number } = {}): SettingsStore {
  const path = join(dataDir, 'config.json');
  guardSettingsFile(path, { now: opts.now });
  let conf: Conf<Record<string, unknown>>;
  try {
    conf = new Conf<Record<string, unknown>>({ cwd: dataDir, projectName: 'creditray' });
  } catch (e) {
    throw new Error(`Your settings file ${path} cannot be opened: ${toError(e).message}`, { cause: e });
  }
  return createSettingsStore({ store: conf, now: opts.now });
}

// ---- validation -------------------------------------------------------------------------

const pollSec = z.number().int().min(MIN_POLL_SEC).max(24 * 3600);
const settingsShape = {
  pollIntervalSec: pollSec,
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  launchAtLogin: z.boolean(),
  notifyCooldownMin: z.number().int().min(0).max(7 * 24 * 60),
};
const settingsSchema = z.object(settingsShape);

/** Missing optional fields get defaults, so files written by older versions still load. */
const accountSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  label: z.string().trim().min(1).max(60),
  provider: z.enum(PROVIDER_IDS),
  baseUrl: z.string().min(1).max(2048),
  headlineCurrency: z.enum(HEADLINE_PREFS).default('auto'),
  thresholds: thresholdsSchema.nullable().default(null),
  budget: budgetSchema.default({ kind: 'none' }),
  pollIntervalSec: pollSec.nullable().default(null),
  notify: z
    .partialRecord(z.enum(NOTIFY_KINDS), z.boolean())
    .default({})
    .transform((n) => ({ ...DEFAULT_NOTIFY, ...n })),
  keyMask: z.string().max(64).default(''),
  createdAt: z.number().int().nonnegative(),
});

interface SettingsFile {
  version: 1;
  settings: AppSettings;
  accounts: AccountConfig[];
}

/** conf throws when the file turned into invalid JSON after it was constructed: that is corrupt too. */
function readRaw(conf: ConfLike): unknown {
  try {
    return conf.store;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates what conf read; never throws. `corrupt` means the whole file was unusable. */
function parseSettingsFile(raw: unknown): { file: SettingsFile; corrupt: boolean; problems: Notice[] } {
  const fresh = (): SettingsFile => ({ version: 1, settings: { ...DEFAULT_SETTINGS }, accounts: [] });
  if (isRecord(raw) && Object.keys(raw).length === 0) return { file: fresh(), corrupt: false, problems: [] };
  const wrongShape =
    !isRecord(raw) || raw.version !== 1 || (raw.settings !== undefined && !isRecord(raw.settings)) || (raw.accounts !== undefined && !Array.isArray(raw.accounts));
  if (wrongShape) return { file: fresh(), corrupt: true, problems: [{ code: 'settings-corrupt', message: '' }] };

  const problems: Notice[] = [];
  const rawSettings = (raw.settings ?? {}) as Record<string, unknown>;
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof AppSettings, unknown>;
  for (const key of Object.keys(settingsShape) as (keyof AppSettings)[]) {
    if (rawSettings[key] === undefined) continue;
    const r = settingsShape[key].safeParse(rawSettings[key]);
    if (r.success) settings[key] = r.data;
    else problems.push({ code: 'settings-field-reset', message: `The setting "${key}" was unreadable and is back to its default.` });
  }

  const accounts: AccountConfig[] = [];
  for (const [i, item] of ((raw.accounts ?? []) as unknown[]).entries()) {
    const r = accountSchema.safeParse(item);
    const label = isRecord(item) && typeof item.label === 'string' ? `"${item.label.slice(0, 60)}"` : `number ${i + 1}`;
    if (!r.success) {
      problems.push({ code: 'settings-account-dropped', message: `Account ${label} in your settings was unreadable and was left out.` });
    } else if (accounts.some((a) => a.id === r.data.id)) {
      problems.push({ code: 'settings-account-dropped', message: `Account ${label} repeated another account's id and was left out.` });
    } else {
      accounts.push(r.data satisfies AccountConfig);
    }
  }
  return { file: { version: 1, settings: settings as AppSettings, accounts }, corrupt: false, problems };
}

// ---- the file itself --------------------------------------------------------------------

const pending = new Map<string, Notice[]>();
const takePending = (path: string): Notice[] => {
  const key = resolve(path);
  const found = pending.get(key) ?? [];
  pending.delete(key);
  return found;
};

/** Copies (or moves) an unreadable file to `<name>.corrupt-<timestamp><ext>`; null when that failed. */
function backupFile(path: string, backupDir: string | undefined, at: number, move = false): string | null {
  if (!existsSync(path)) return null;
  const ext = extname(path);
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const dir = backupDir ?? dirname(path);
  let target = join(dir, `${basename(path, ext)}.corrupt-${stamp}${ext}`);
  for (let n = 2; existsSync(target); n++) target = join(dir, `${basename(path, ext)}.corrupt-${stamp}-${n}${ext}`);
  try {
    copyFileSync(path, target, constants.COPYFILE_EXCL);
    // Only once the copy exists may the original leave its place (conf cannot start on it).
    if (move) unlinkSync(path);
    return target;
  } catch {
    return null;
  }
}

/**
 * Call BEFORE constructing conf or electron-store on `filePath`: they throw on invalid JSON.
 * An unparsable file is moved aside (never deleted) so the store starts empty; the notice is
 * returned and also handed to the next createSettingsStore on the same path.
 */
export function guardSettingsFile(filePath: string, opts: { backupDir?: string; now?: () => number } = {}): Notice[] {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return []; // missing or unreadable: conf reports real I/O problems itself
  }
  try {
    JSON.parse(text);
    return [];
  } catch (e) {
    const saved = backupFile(filePath, opts.backupDir, (opts.now ?? Date.now)(), true);
    const notice: Notice = saved
      ? { code: 'settings-corrupt', message: `Your settings file was unreadable; it was saved as ${saved} and defaults are in use.` }
      : { code: 'settings-corrupt', message: `Your settings file is unreadable (${toError(e).message.slice(0, 80)}) and could not be backed up.` };
    pending.set(resolve(filePath), [...(pending.get(resolve(filePath)) ?? []), notice]);
    return [notice];
  }
}
