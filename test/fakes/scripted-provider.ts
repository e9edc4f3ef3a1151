/**
 * A Provider whose answers the test scripts, to drive the poller and monitor without HTTP.
 * It counts calls and concurrent calls, and can hold answers open (`hold`) so a test can
 * observe what happens while a poll is in flight.
 */
import type { Provider, ProviderRequest } from '../../main/core/providers/provider';
import type { ProviderResult } from '../../main/core/ports';
import type { ErrorKind, ProviderError, ProviderId, Snapshot } from '../../shared/model';
import { PROVIDERS } from '../../shared/providers';

export type Answer = (call: number, req: ProviderRequest) => ProviderResult<Snapshot>;

export interface ScriptedProvider extends Provider {
  calls: number;
  inFlight: number;
  maxInFlight: number;
  requests: ProviderRequest[];
  /** Replaces the script. */
  answer(fn: Answer): void;
  /** Holds every answer until the returned release function is called. */
  hold(): () => void;
}

/** A successful one-row reading. */
export function snapshotOf(
  total: string,
  opts: { currency?: string; available?: boolean; at?: number } = {},
): Snapshot {
  return {
    at: opts.at ?? 0,
    available: opts.available ?? true,
    rows: [{ currency: opts.currency ?? 'CNY', total, granted: '0', toppedUp: total }],
  };
}

/** A ProviderError value for scripts. */
export function providerError(kind: ErrorKind, extra: Partial<ProviderError> = {}): ProviderError {
  return { kind, status: null, message: `scripted ${kind}`, retryAfterMs: null, at: 0, ...extra };
}

export function scriptedProvider(initial: Answer, id: ProviderId = 'deepseek'): ScriptedProvider {
  let script = initial;
  let gate: Promise<void> | null = null;
  const p: ScriptedProvider = {
    id,
    info: PROVIDERS[id],
    calls: 0,
    inFlight: 0,
    maxInFlight: 0,
    requests: [],
    answer(fn) {
      script = fn;
    },
    hold() {
      let release!: () => void;
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
    checkKeyShape: () => null,
    async fetchBalance(req) {
      const n = p.calls++;
      p.requests.push(req);
      p.inFlight++;
      p.maxInFlight = Math.max(p.maxInFlight, p.inFlight);
      try {
        await Promise.resolve();
        if (gate) await gate;
        return script(n, req);
      } finally {
        p.inFlight--;
      }
    },
    async verifyKey() {
      return { ok: true, value: undefined };
    },
  };
  return p;
}
