/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Linux Secret Service) behind
 * the SecretStore port, through @github/keytar. Every failure, including a native module
 * that will not load or a keychain prompt nobody answers, comes back as a SecretError value.
 * There is no plaintext fallback: without a keychain, keys are not stored at all.
 */
import { err, ok, toError, type Result } from '../../shared/result';
import type { SecretError, SecretErrorCode, SecretStore } from './ports';

/** The three keytar calls we use; tests inject a scripted one. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarStoreOptions {
  /** Keychain service name; tests use their own so they never touch real entries. */
  service?: string;
  /** A keychain prompt nobody answers must not hang a poll forever. */
  timeoutMs?: number;
  load?: () => Promise<KeytarLike>;
  /**
   * Linux libsecret answers "no such key" for a locked collection it could not unlock, so a
   * missing key is double-checked by writing (and removing) a probe item, which does fail
   * with "locked". Defaults to true on Linux only.
   */
  probeLockedOnMissing?: boolean;
}

export const KEYCHAIN_SERVICE = 'Creditray';
const PROBE_ACCOUNT = 'creditray-lock-probe';

/** Imports the native module lazily so a missing build or library is a value, not a crash at start. */
async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('@github/keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  const api = mod.default ?? mod;
  if (typeof api.getPassword !== 'function') throw new Error('keytar native addon has no getPassword');
  return api;
}

const LOCKED = [/locked/i, /dismiss/i, /cancel/i, /Object does not exist at path/i, /interaction is not allowed/i, /-25308/];
const DENIED = [/denied/i, /not permitted/i, /passphrase you entered is not correct/i, /auth(entication)? ?failed/i, /-25293/];

/** Turns keytar's raw text into one of our three codes with a message a user can act on. */
export function classifyKeychainError(thrown: unknown): SecretError {
  const raw = toError(thrown).message.replace(/sk-[A-Za-z0-9]{4,}/g, 'sk-…').slice(0, 200);
  let code: SecretErrorCode = 'keychain-unavailable';
  if (LOCKED.some((r) => r.test(raw))) code = 'keychain-locked';
  else if (DENIED.some((r) => r.test(raw))) code = 'keychain-denied';
  return { code, message: `${KEYCHAIN_MESSAGES[code]} (${raw})` };
}

const KEYCHAIN_MESSAGES: Record<SecretErrorCode, string> = {
  'keychain-unavailable':
    'The system keychain is not available, so API keys cannot be stored or read safely. On Linux, install and start gnome-keyring or KWallet (a Secret Service) and log in again',
  'keychain-locked': 'The system keychain is locked. Unlock it (or answer its prompt) and try again',
  'keychain-denied': 'Access to the system keychain was denied. Allow Creditray to use its keychain entry and try again',
};

/** Races a keychain call against a timer; the timer never keeps the process alive. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(ms)), ms);
    timer.unref?.();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

class TimedOut extends Error {
  constructor(ms: number) {
    super(`timed out after ${Math.round(ms / 1000)} s`);
  }
}

/** Builds the keychain-backed SecretStore; the account id is the keychain account name. */
export function createKeytarSecretStore(opts: KeytarStoreOptions = {}): SecretStore {
  const service = opts.service ?? KEYCHAIN_SERVICE;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const load = opts.load ?? loadKeytar;
  const probe = opts.probeLockedOnMissing ?? process.platform === 'linux';

  async function call<T>(fn: (k: KeytarLike) => Promise<T>): Promise<Result<T, SecretError>> {
    let keytar: KeytarLike;
    try {
      keytar = await load();
    } catch (e) {
      return err({
        code: 'keychain-unavailable',
        message: `${KEYCHAIN_MESSAGES['keychain-unavailable']} (the keychain module could not be loaded: ${toError(e).message.slice(0, 160)})`,
      });
    }
    try {
      return ok(await withTimeout(fn(keytar), timeoutMs));
    } catch (e) {
      if (e instanceof TimedOut) {
        return err({
          code: 'keychain-unavailable',
          message: `The system keychain did not answer: ${e.message}. A keychain prompt may be waiting for you; answer it and try again`,
        });
      }
      return err(classifyKeychainError(e));
    }
  }

  return {
    async get(accountId) {
      const r = await call((k) => k.getPassword(service, accountId));
      if (!r.ok || r.value !== null || !probe) return r;
      // null may mean "locked and could not unlock" on libsecret: a write tells the two apart.
      const p = await call(async (k) => {
        await k.setPassword(service, PROBE_ACCOUNT, 'probe');
        await k.deletePassword(service, PROBE_ACCOUNT);
      });
      return p.ok ? r : p;
    },
    set: (accountId, secret) => call((k) => k.setPassword(service, accountId, secret)),
    delete: (accountId) => call((k) => k.deletePassword(service, accountId)),
  };
}
