/**
 * The ports core services receive instead of reaching for globals (menubar's
 * `new Menubar(app, options)` is the model). Electron supplies one set, Node/CLI another,
 * tests a third; the core never knows which.
 */
import type { NotifyKind, ProviderError, Snapshot } from '../../shared/model';
import type { Result } from '../../shared/result';

/** Time and timers, so pollers and cooldowns run on a fake clock in tests. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending poll must never keep the CLI or a test process alive.
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The slice of fetch we use. Electron passes `net.fetch` (system proxy); Node passes undici. */
export type Http = (
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    signal?: AbortSignal;
    /** Providers pass 'manual' so a key is never carried to wherever a 3xx points. */
    redirect?: 'manual' | 'follow' | 'error';
  },
) => Promise<Response>;

export type SecretErrorCode = 'keychain-unavailable' | 'keychain-locked' | 'keychain-denied';
export interface SecretError {
  code: SecretErrorCode;
  message: string;
}

/** The OS keychain. Keys go in and out only here; a failure is a value, never a plaintext fallback. */
export interface SecretStore {
  get(accountId: string): Promise<Result<string | null, SecretError>>;
  set(accountId: string, secret: string): Promise<Result<void, SecretError>>;
  delete(accountId: string): Promise<Result<boolean, SecretError>>;
}

/** Per-account balance history. The history issue makes it durable; the poller only appends. */
export interface HistoryStore {
  append(accountId: string, snapshot: Snapshot): Promise<void>;
  read(accountId: string, range?: { from?: number; to?: number }): Promise<Snapshot[]>;
  remove(accountId: string): Promise<void>;
}

export interface NotificationRequest {
  accountId: string;
  kind: NotifyKind;
  title: string;
  body: string;
}

/** Native notifications (Electron) or nothing (CLI). */
export interface Notifier {
  show(n: NotificationRequest): void;
}

export type LogFields = Record<string, string | number | boolean | null | undefined>;
/** Never pass a key to a logger: the redacting logger masks anything that looks like one anyway. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A provider's failure, carried through the core as a value. */
export type ProviderResult<T> = Result<T, ProviderError>;
