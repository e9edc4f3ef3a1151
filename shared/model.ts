/**
 * The domain vocabulary shared by main, renderer and CLI. Plain data only (it crosses IPC
 * and is written to disk), so no classes, no Dates (epoch milliseconds instead).
 */
import type { HistoryInsights } from './analytics/insights';
import type { CustomEndpoint } from './custom-endpoint';

export const PROVIDER_IDS = [
  'deepseek',
  'demo',
  'moonshot',
  'openrouter',
  'siliconflow',
  'stepfun',
  'novita',
  'relay',
  'custom',
] as const;
/** `demo` is the built-in simulated DeepSeek account: it needs no key and no network. */
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const CURRENCIES = ['CNY', 'USD'] as const;
export type KnownCurrency = (typeof CURRENCIES)[number];

/** One currency row exactly as the provider meant it: decimal strings, never floats. */
export interface BalanceRow {
  currency: string;
  total: string;
  granted: string;
  toppedUp: string;
}

/** One successful balance reading. */
export interface Snapshot {
  /** Epoch ms when the answer arrived. */
  at: number;
  /** DeepSeek's `is_available`: whether calls can be paid for right now (false can coexist with money). */
  available: boolean;
  /** Every row the provider sent, zero rows included, sorted by currency for stable output. */
  rows: BalanceRow[];
  /**
   * The key has no spending cap (a relay's unlimited token): healthy, with no headline amount.
   * Absent for ordinary readings, where `rows` are the money.
   */
  unlimited?: true;
  /** Labelled amounts beside the balance (usage, limits, lifetime totals): shown, never used as the balance. */
  facts?: SnapshotFact[];
  /** Why the reading looks the way it does when the rows alone would mislead (e.g. a relay key used up). */
  notice?: { code: string; message: string };
}

/** One labelled amount a provider reports next to the balance; `id` is stable (e.g. `usage-daily`). */
export interface SnapshotFact {
  id: string;
  currency: string;
  amount: string;
}

export const ERROR_KINDS = [
  'auth', // 401: wrong, deleted or malformed key
  'insufficient-balance', // 402
  'rate-limit', // 429
  'server', // 5xx
  'request', // 400, 422 and other 4xx: the request itself is wrong
  'bad-response', // HTML, empty, wrong JSON shape, absurd numbers
  'network', // DNS, refused, reset, TLS, proxy
  'timeout',
  'keychain', // the key could not be read: keychain locked, missing or denied, or key deleted
  'config', // the account's settings are unusable (e.g. base URL refused)
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Why a poll or a check failed, as a value the UI, tray, CLI and diagnosis all understand. */
export interface ProviderError {
  kind: ErrorKind;
  /** HTTP status when there was one. */
  status: number | null;
  /** Plain words, never containing the key. */
  message: string;
  /** From Retry-After on 429/503, when the server said. */
  retryAfterMs: number | null;
  /** Epoch ms when it happened. */
  at: number;
}

export const LEVELS = [
  'healthy',
  'low',
  'critical',
  'depleted',
  'unavailable',
  'error',
  'stale',
] as const;
/** An account's state as the tray colour, notifications and CLI exit code see it. */
export type Level = (typeof LEVELS)[number];

/** Thresholds as decimal strings in the headline currency. */
export interface Thresholds {
  low: string;
  critical: string;
}
export const DEFAULT_THRESHOLDS: Record<KnownCurrency, Thresholds> = {
  CNY: { low: '20', critical: '5' },
  USD: { low: '3', critical: '1' },
};

export const HEADLINE_PREFS = ['auto', 'CNY', 'USD'] as const;
export type HeadlinePref = (typeof HEADLINE_PREFS)[number];

/** What the gauge measures against: users asked for a baseline (provider-facts, item 10). */
export type Budget =
  { kind: 'none' } | { kind: 'fixed'; amount: string } | { kind: 'since-top-up' };

export const NOTIFY_KINDS = [
  'low',
  'critical',
  'depleted',
  'unavailable',
  'auth',
  'recovered',
  // Foresight: the forecast says zero within `AppSettings.runOutDays`; spend far above usual.
  'runs-out',
  'spike',
] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];
export type NotifyPrefs = Record<NotifyKind, boolean>;
export const DEFAULT_NOTIFY: NotifyPrefs = {
  low: true,
  critical: true,
  depleted: true,
  unavailable: true,
  auth: true,
  recovered: true,
  'runs-out': true,
  spike: true,
};

/** An account as stored in settings. The key itself is never here: only its mask. */
export interface AccountConfig {
  id: string;
  label: string;
  provider: ProviderId;
  baseUrl: string;
  headlineCurrency: HeadlinePref;
  /** null = defaults for the headline currency. */
  thresholds: Thresholds | null;
  budget: Budget;
  /** null = the app-wide interval. */
  pollIntervalSec: number | null;
  notify: NotifyPrefs;
  /** e.g. `sk-…a1b2`; what the renderer and logs may show. */
  keyMask: string;
  createdAt: number;
  /** Provider `custom` only: the GET and JSON mapping the user described (the origin is baseUrl). */
  custom?: CustomEndpoint;
}

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export type LanguagePref = (typeof LANGUAGES)[number];
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePref = (typeof THEMES)[number];

export const MIN_POLL_SEC = 30;
export const DEFAULT_POLL_SEC = 300;

export interface AppSettings {
  pollIntervalSec: number;
  language: LanguagePref;
  theme: ThemePref;
  launchAtLogin: boolean;
  /** Same notification kind for the same account is not repeated within this many minutes. */
  notifyCooldownMin: number;
  /** Warn when a confident forecast says the money runs out within this many days. */
  runOutDays: number;
}
export const DEFAULT_SETTINGS: AppSettings = {
  pollIntervalSec: DEFAULT_POLL_SEC,
  language: 'system',
  theme: 'system',
  launchAtLogin: false,
  notifyCooldownMin: 60,
  runOutDays: 3,
};
/** The range the run-out warning accepts, in days. */
export const RUN_OUT_DAYS_RANGE = { min: 1, max: 30 } as const;

export interface Headline {
  currency: string;
  total: string;
}

/** Everything the tray, window and CLI need to show one account. */
export interface AccountStatus {
  account: AccountConfig;
  level: Level;
  /** The last good reading, kept through failures (never replaced by zero). */
  snapshot: Snapshot | null;
  headline: Headline | null;
  /** The last poll's failure; null once a poll succeeds. */
  error: ProviderError | null;
  /** True when `snapshot` is older than the last attempt because that attempt failed. */
  stale: boolean;
  /** Epoch ms of the last attempt, successful or not. */
  checkedAt: number | null;
  nextCheckAt: number | null;
  /** 0..1 share of the budget left, for the gauge; null when there is no baseline yet. */
  gaugeFill: number | null;
  /** Burn rate, forecast, budget and recent top-ups in the headline currency; null before a reading. */
  insights: HistoryInsights | null;
}

/** The whole picture pushed to the renderer on every change. */
export interface AppState {
  accounts: AccountStatus[];
  settings: AppSettings;
  /** The OS locale, so the renderer can pick a language when the setting is `system`. */
  systemLocale: string;
  /** Problems the user must know about that are not one account's (corrupt settings backed up...). */
  notices: { code: string; message: string }[];
}
