/**
 * An Http port that can be switched, mid-run, to send every request somewhere that fails
 * for real (a closed port, a name that does not resolve, an https handshake with a plain
 * http server), so the real undici stack produces the real error objects the classifier
 * must handle. It also counts requests in flight, for concurrency limits.
 *
 *   const http = createFaultHttp(createNodeHttp());
 *   http.divert('http://127.0.0.1:1');      // connection refused from now on
 *   http.divert(null);                      // back to the real target
 */
import type { Http } from '../../main/core/ports';

export interface FaultHttp extends Http {
  /** Replaces the origin of every request with `origin` (null: no diversion). */
  divert(origin: string | null): void;
  /** Every request fails with this thrown value instead of going out (null: off). */
  throwing(thrown: unknown): void;
  readonly stats: { calls: number; inFlight: number; maxInFlight: number };
}

/** Wraps a real Http; the path and query of each request are kept, only the origin moves. */
export function createFaultHttp(real: Http): FaultHttp {
  let origin: string | null = null;
  let thrown: unknown = null;
  const stats = { calls: 0, inFlight: 0, maxInFlight: 0 };
  const http = (async (url, init) => {
    stats.calls++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      if (thrown !== null) throw thrown;
      const target = origin === null ? url : origin + new URL(url).pathname;
      return await real(target, init);
    } finally {
      stats.inFlight--;
    }
  }) as FaultHttp;
  http.divert = (o) => void (origin = o);
  http.throwing = (t) => void (thrown = t);
  Object.defineProperty(http, 'stats', { value: stats });
  return http;
}

/**
 * What undici's fetch throws when a name does not resolve: a TypeError('fetch failed')
 * whose cause is the getaddrinfo error. Used only where this machine's resolver hangs
 * instead of failing (the test says so in its name).
 */
export function undiciDnsError(hostname: string): Error {
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });
  return new TypeError('fetch failed', { cause });
}
