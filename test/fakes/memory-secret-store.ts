/**
 * An in-memory SecretStore for tests, with failure injection, so services can be tested
 * against a locked or missing keychain without one.
 *
 *   const secrets = createMemorySecretStore({ acc1: 'sk-…' });
 *   secrets.failNext({ code: 'keychain-locked', message: 'locked' }, 'set'); // next set() fails once
 *   secrets.failAll({ code: 'keychain-unavailable', message: 'gone' });      // every call fails until failAll(null)
 *   secrets.entries.get('acc1');  secrets.calls  // [{ op: 'get', accountId: 'acc1' }, ...]
 */
import type { SecretError, SecretStore } from '../../main/core/ports';
import { err, ok, type Result } from '../../shared/result';

export type SecretOp = 'get' | 'set' | 'delete';

export interface MemorySecretStore extends SecretStore {
  /** The stored keys by account id; tests may read and write it directly. */
  readonly entries: Map<string, string>;
  /** Every call in order (ids only, never the secret). */
  readonly calls: { op: SecretOp; accountId: string }[];
  /** The next call (of `op`, or of any op when omitted) fails with `error`, once. Queues up. */
  failNext(error: SecretError, op?: SecretOp): void;
  /** Every call fails with `error` until called again with null. */
  failAll(error: SecretError | null): void;
}

/** Builds the fake, optionally pre-filled with `{ accountId: key }`. */
export function createMemorySecretStore(initial: Record<string, string> = {}): MemorySecretStore {
  const entries = new Map(Object.entries(initial));
  const calls: { op: SecretOp; accountId: string }[] = [];
  const queued: { error: SecretError; op?: SecretOp }[] = [];
  let always: SecretError | null = null;

  const injected = (op: SecretOp, accountId: string): SecretError | null => {
    calls.push({ op, accountId });
    if (always) return always;
    const i = queued.findIndex((q) => q.op === undefined || q.op === op);
    if (i === -1) return null;
    const [hit] = queued.splice(i, 1);
    return hit?.error ?? null;
  };

  return {
    entries,
    calls,
    failNext: (error, op) => void queued.push({ error, op }),
    failAll: (error) => {
      always = error;
    },
    async get(accountId): Promise<Result<string | null, SecretError>> {
      const e = injected('get', accountId);
      return e ? err(e) : ok(entries.get(accountId) ?? null);
    },
    async set(accountId, secret): Promise<Result<void, SecretError>> {
      const e = injected('set', accountId);
      if (e) return err(e);
      entries.set(accountId, secret);
      return ok(undefined);
    },
    async delete(accountId): Promise<Result<boolean, SecretError>> {
      const e = injected('delete', accountId);
      return e ? err(e) : ok(entries.delete(accountId));
    },
  };
}
