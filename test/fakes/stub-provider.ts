/**
 * A Provider with scripted answers, for testing services without HTTP.
 *
 *   const p = createStubProvider();                       // id 'deepseek', everything succeeds
 *   p.scriptVerify(providerError('auth', 401));           // next verifyKey() fails with 401
 *   p.scriptFetch(ok(snapshot), providerError('network')); // next two fetchBalance() answers, in order
 *   p.keyShapeWarning = 'does not look like a DeepSeek key';
 *   p.calls.verify  // [{ key, baseUrl }, ...]
 * When a script runs out, `defaultVerify` / `defaultFetch` answer (success by default).
 */
import type { Provider, ProviderRequest } from '../../main/core/providers/provider';
import type { ProviderResult } from '../../main/core/ports';
import type { ErrorKind, ProviderId, Snapshot } from '../../shared/model';
import { PROVIDERS } from '../../shared/providers';
import { err, ok } from '../../shared/result';

export interface StubProvider extends Provider {
  scriptVerify(...results: ProviderResult<void>[]): void;
  scriptFetch(...results: ProviderResult<Snapshot>[]): void;
  defaultVerify: ProviderResult<void>;
  defaultFetch: ProviderResult<Snapshot>;
  keyShapeWarning: string | null;
  /** Requests received, keys included (this is a test double). */
  readonly calls: { verify: ProviderRequest[]; fetch: ProviderRequest[]; keyShape: string[] };
}

/** A plain ProviderError value for scripting failures. */
export function providerError(kind: ErrorKind, status: number | null = null, message = `stub ${kind}`, at = 0): ProviderResult<never> {
  return err({ kind, status, message, retryAfterMs: null, at });
}

/** A one-row CNY snapshot, for scripting successful fetches. */
export function stubSnapshot(total = '10.00', at = 0): Snapshot {
  return { at, available: true, rows: [{ currency: 'CNY', total, granted: '0.00', toppedUp: total }] };
}

/** Builds the stub; `id` picks which PROVIDERS info it reports. */
export function createStubProvider(id: ProviderId = 'deepseek'): StubProvider {
  const verifyQueue: ProviderResult<void>[] = [];
  const fetchQueue: ProviderResult<Snapshot>[] = [];
  const calls = { verify: [] as ProviderRequest[], fetch: [] as ProviderRequest[], keyShape: [] as string[] };
  const stub: StubProvider = {
    id,
    info: PROVIDERS[id],
    calls,
    defaultVerify: ok(undefined),
    defaultFetch: ok(stubSnapshot()),
    keyShapeWarning: null,
    scriptVerify: (...r) => void verifyQueue.push(...r),
    scriptFetch: (...r) => void fetchQueue.push(...r),
    checkKeyShape(key) {
      calls.keyShape.push(key);
      return stub.keyShapeWarning;
    },
    async verifyKey(req) {
      calls.verify.push({ key: req.key, baseUrl: req.baseUrl, ...(req.custom ? { custom: req.custom } : {}) });
      return verifyQueue.shift() ?? stub.defaultVerify;
    },
    async fetchBalance(req) {
      calls.fetch.push({ key: req.key, baseUrl: req.baseUrl, ...(req.custom ? { custom: req.custom } : {}) });
      return fetchQueue.shift() ?? stub.defaultFetch;
    },
  };
  return stub;
}
