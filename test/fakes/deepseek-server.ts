/**
 * A scriptable fake of DeepSeek's API on a real 127.0.0.1 port, behaving like the real
 * service as recorded in provider-facts.md: string amounts, both currency rows in changing
 * order, DeepSeek's real error bodies, plus the things proxies do (HTML, empty bodies, hangs,
 * resets). Used by the provider, poller, CLI, diagnosis and UI tests.
 *
 *     const ds = await startFakeDeepSeek();          // accepts FAKE_DEEPSEEK_KEY only
 *     provider.fetchBalance({ key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url });
 *     ds.setBalance({ rows: [cnyRow('3.50')], available: true });
 *     ds.enqueue({ kind: 'status', status: 429, retryAfter: '7' });   // next request only
 *     ds.requests;                                   // what the client sent
 *     await ds.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answer, type FakeState } from './deepseek-server-replies';

export { DEEPSEEK_ERROR_BODIES, PROXY_HTML_PAGE } from './deepseek-server-replies';

/** A key the fake accepts by default (`sk-` + 32 hex, like a real one). */
export const FAKE_DEEPSEEK_KEY = 'sk-0123456789abcdef0123456789abc18b';

/** One balance_infos row as DeepSeek sends it; amounts may be strings (today) or numbers (old docs). */
export interface FakeBalanceRow {
  currency: string;
  total_balance: string | number;
  granted_balance: string | number;
  topped_up_balance: string | number;
}

/** Convenience row builder: `cnyRow('110.00', '10.00')` -> total 110.00 of which 10.00 granted. */
export function cnyRow(total: string, granted = '0.00'): FakeBalanceRow {
  return { currency: 'CNY', total_balance: total, granted_balance: granted, topped_up_balance: subtract(total, granted) };
}
/** Same for USD: `usdRow('3.00')`. */
export function usdRow(total: string, granted = '0.00'): FakeBalanceRow {
  return { ...cnyRow(total, granted), currency: 'USD' };
}
/** The all-zero USD row real accounts often send next to a funded CNY row. */
export const ZERO_USD_ROW: FakeBalanceRow = { currency: 'USD', total_balance: '0.00', granted_balance: '0.00', topped_up_balance: '0.00' };

function subtract(a: string, b: string): string {
  const cents = (s: string) => Math.round(Number(s) * 100); // test data only: two decimals
  const d = cents(a) - cents(b);
  return `${d < 0 ? '-' : ''}${Math.floor(Math.abs(d) / 100)}.${String(Math.abs(d) % 100).padStart(2, '0')}`;
}

/**
 * A scripted answer. Queue with `enqueue` (used once, in order) or `setPersistent` (every request).
 * - `status`: that HTTP status with DeepSeek's real body for it (or `body`), optional Retry-After.
 * - `html`: an HTML page (default status 200). `empty`: no body. `json`: any JSON (wrong shapes).
 * - `hang`: accepts the request and never answers. `reset`: sends headers and half a body, then cuts the socket.
 * - `stall`: sends headers and half a body, then goes silent (a timeout during the body read).
 * - `delay`: waits `ms`, then plays `then` (for "checking…" states in UI tests).
 * - `redirect`: a 3xx to `location`. `raw`: full control.
 */
export type FakeReply =
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
  | { kind: 'html'; status?: number }
  | { kind: 'empty'; status?: number }
  | { kind: 'json'; body: unknown; status?: number }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'stall' }
  | { kind: 'delay'; ms: number; then: FakeReply }
  | { kind: 'redirect'; location: string; status?: number }
  | { kind: 'raw'; status: number; headers?: Record<string, string>; body: string };

/** Which endpoint a scripted reply applies to; `any` matches both. */
export type FakePath = '/user/balance' | '/models' | 'any';
/** Row order of balance_infos: as set, reversed, or shuffled on every call (like the real service). */
export type RowOrder = 'fixed' | 'reversed' | 'random';

/** One request the fake received (the raw Authorization value is kept so tests can assert which key arrived). */
export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | null;
  hasAuth: boolean;
  at: number;
}

export interface FakeDeepSeekOptions {
  /** Keys that authenticate; 'any' accepts every Bearer key. Default: [FAKE_DEEPSEEK_KEY]. */
  keys?: string[] | 'any';
  rows?: FakeBalanceRow[];
  available?: boolean;
  rowOrder?: RowOrder;
}

/** The running fake. Every setter takes effect from the next request. */
export interface FakeDeepSeek {
  /** Base URL to give the provider, e.g. http://127.0.0.1:39123 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Every request received, oldest first. */
  readonly requests: FakeRequest[];
  /** Sets the balance served by /user/balance. Defaults: CNY 110.00 (10.00 granted) + zero USD, available. */
  setBalance(b: { rows?: FakeBalanceRow[]; available?: boolean }): void;
  setRowOrder(order: RowOrder): void;
  /** Sends the exact body for /user/balance (strings and numbers as given); null returns to rows. */
  setBalanceBody(body: unknown): void;
  setValidKeys(keys: string[] | 'any'): void;
  setModels(ids: string[]): void;
  /** Queues one-off replies used by the next matching requests, in order. */
  enqueue(reply: FakeReply, path?: FakePath): void;
  /** A reply for every matching request until cleared with null (queued one-offs go first). */
  setPersistent(reply: FakeReply | null, path?: FakePath): void;
  /** Requests for a path (default /user/balance). */
  count(path?: string): number;
  /** Clears script and log and restores the default balance and keys. */
  reset(): void;
  /** Stops the server and destroys open (even hanging) connections. */
  close(): Promise<void>;
}

const defaultRows = (): FakeBalanceRow[] => [cnyRow('110.00', '10.00'), ZERO_USD_ROW];

/** Starts the fake on 127.0.0.1 with a random free port. */
export async function startFakeDeepSeek(opts: FakeDeepSeekOptions = {}): Promise<FakeDeepSeek> {
  const initial = (): FakeState => ({
    rows: opts.rows ?? defaultRows(),
    available: opts.available ?? true,
    order: opts.rowOrder ?? 'fixed',
    body: null,
    keys: opts.keys ?? [FAKE_DEEPSEEK_KEY],
    models: ['deepseek-chat', 'deepseek-reasoner'],
    queue: [],
    persistent: [],
  });
  let state = initial();
  const requests: FakeRequest[] = [];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const authorization = req.headers.authorization ?? null;
    requests.push({ method: req.method ?? 'GET', path, authorization, hasAuth: authorization !== null, at: Date.now() });
    answer(state, path, authorization, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setBalance: (b) => {
      if (b.rows) state.rows = b.rows;
      if (b.available !== undefined) state.available = b.available;
      state.body = null;
    },
    setRowOrder: (order) => void (state.order = order),
    setBalanceBody: (body) => void (state.body = body === null ? null : { value: body }),
    setValidKeys: (keys) => void (state.keys = keys),
    setModels: (ids) => void (state.models = ids),
    enqueue: (reply, path = '/user/balance') => void state.queue.push({ reply, path }),
    setPersistent: (reply, path = '/user/balance') => {
      state.persistent = state.persistent.filter((p) => p.path !== path);
      if (reply) state.persistent.push({ reply, path });
    },
    count: (p = '/user/balance') => requests.filter((r) => r.path === p).length,
    reset: () => {
      state = initial();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
