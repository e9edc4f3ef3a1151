/**
 * The settings file's shape and its validation, apart from the store that reads and writes
 * it. Validation never throws: a bad field is reset, a bad account left out, each with a
 * notice, so one damaged entry never costs the user everything else.
 */
import { z } from 'zod';
import { customEndpointSchema } from '../../shared/custom-endpoint';
import { budgetSchema, settingsFields, thresholdsSchema } from '../../shared/ipc';
import {
  DEFAULT_NOTIFY,
  DEFAULT_SETTINGS,
  HEADLINE_PREFS,
  NOTIFY_KINDS,
  PROVIDER_IDS,
  type AccountConfig,
  type AppSettings,
} from '../../shared/model';

/** The slice of conf we use; electron-store 11 and conf 15 both fit. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface Notice {
  code: string;
  message: string;
}

const pollSec = settingsFields.pollIntervalSec;
const settingsShape = settingsFields;
/** Every setting, each field validated; updateSettings parses patches with it. */
export const settingsSchema = z.object(settingsShape);

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
  custom: customEndpointSchema.optional(),
});

/**
 * A key written to the keychain (op `add`) or about to be deleted from it (op `remove`) whose
 * account write has not happened yet. Kept in the settings file so that a crash between the
 * two is finished by the next repair: a journal that belongs to this data dir, so repair
 * never touches keys of another data dir that shares the keychain.
 */
export interface PendingKey {
  id: string;
  op: 'add' | 'remove';
  at: number;
}

const pendingKeySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  op: z.enum(['add', 'remove']),
  at: z.number().int().nonnegative(),
});

/** The whole settings file as the store keeps it. */
export interface SettingsFile {
  version: 1;
  settings: AppSettings;
  accounts: AccountConfig[];
  pendingKeys: PendingKey[];
}

/** conf throws when the file turned into invalid JSON after it was constructed: that is corrupt too. */
export function readRaw(conf: ConfLike): unknown {
  try {
    return conf.store;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates what conf read; never throws. `corrupt` means the whole file was unusable. */
export function parseSettingsFile(raw: unknown): {
  file: SettingsFile;
  corrupt: boolean;
  problems: Notice[];
} {
  const fresh = (): SettingsFile => ({
    version: 1,
    settings: { ...DEFAULT_SETTINGS },
    accounts: [],
    pendingKeys: [],
  });
  if (isRecord(raw) && Object.keys(raw).length === 0)
    return { file: fresh(), corrupt: false, problems: [] };
  const wrongShape =
    !isRecord(raw) ||
    raw.version !== 1 ||
    (raw.settings !== undefined && !isRecord(raw.settings)) ||
    (raw.accounts !== undefined && !Array.isArray(raw.accounts));
  if (wrongShape)
    return { file: fresh(), corrupt: true, problems: [{ code: 'settings-corrupt', message: '' }] };

  const problems: Notice[] = [];
  const rawSettings = (raw.settings ?? {}) as Record<string, unknown>;
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof AppSettings, unknown>;
  for (const key of Object.keys(settingsShape) as (keyof AppSettings)[]) {
    if (rawSettings[key] === undefined) continue;
    const r = settingsShape[key].safeParse(rawSettings[key]);
    if (r.success) settings[key] = r.data;
    else
      problems.push({
        code: 'settings-field-reset',
        message: `The setting "${key}" was unreadable and is back to its default.`,
      });
  }

  const accounts: AccountConfig[] = [];
  for (const [i, item] of ((raw.accounts ?? []) as unknown[]).entries()) {
    const r = accountSchema.safeParse(item);
    const label =
      isRecord(item) && typeof item.label === 'string'
        ? `"${item.label.slice(0, 60)}"`
        : `number ${i + 1}`;
    if (!r.success) {
      problems.push({
        code: 'settings-account-dropped',
        message: `Account ${label} in your settings was unreadable and was left out.`,
      });
    } else if (accounts.some((a) => a.id === r.data.id)) {
      problems.push({
        code: 'settings-account-dropped',
        message: `Account ${label} repeated another account's id and was left out.`,
      });
    } else {
      accounts.push(r.data satisfies AccountConfig);
    }
  }
  const pendingKeys = Array.isArray(raw.pendingKeys)
    ? raw.pendingKeys.flatMap((p) => {
        const r = pendingKeySchema.safeParse(p);
        return r.success ? [r.data] : [];
      })
    : [];
  return {
    file: { version: 1, settings: settings as AppSettings, accounts, pendingKeys },
    corrupt: false,
    problems,
  };
}
