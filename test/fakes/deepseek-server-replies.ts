/**
 * How the fake DeepSeek answers one request: scripted replies first, then authentication
 * like the real service (401 with its real body), then the balance or model list.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeBalanceRow, FakePath, FakeReply, RowOrder } from './deepseek-server';

/** DeepSeek's real error bodies (401 and 402 seen in the wild; others follow the same shape). */
export const DEEPSEEK_ERROR_BODIES = {
  400: { error: { message: 'Invalid Format', type: 'invalid_request_error', param: null, code: 'invalid_request_error' } },
  401: { error: { message: 'Authentication Fails, Your api key: ****18b is invalid', type: 'authentication_error', param: null, code: 'invalid_request_error' } },
  402: { error: { message: 'Insufficient Balance', type: 'unknown_error', param: null, code: 'invalid_request_error' } },
  422: { error: { message: 'Invalid Parameters', type: 'invalid_request_error', param: null, code: 'invalid_request_error' } },
  429: { error: { message: 'Rate Limit Reached', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' } },
  500: { error: { message: 'Server Error', type: 'server_error', param: null, code: 'server_error' } },
  503: { error: { message: 'Server Overloaded', type: 'server_error', param: null, code: 'server_overloaded' } },
} as const;

/** An HTML page like a captive portal or corporate proxy serves. */
export const PROXY_HTML_PAGE = '<!DOCTYPE html><html><head><title>Access denied</title></head><body><h1>Proxy login required</h1></body></html>';

/** The fake's mutable script; owned by startFakeDeepSeek. */
export interface FakeState {
  rows: FakeBalanceRow[];
  available: boolean;
  order: RowOrder;
  body: { value: unknown } | null;
  keys: string[] | 'any';
  models: string[];
  queue: { reply: FakeReply; path: FakePath }[];
  persistent: { reply: FakeReply; path: FakePath }[];
}

const matches = (p: FakePath, path: string) => p === 'any' || p === path;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function ordered(rows: FakeBalanceRow[], order: RowOrder): FakeBalanceRow[] {
  if (order === 'reversed') return [...rows].reverse();
  if (order === 'random') {
    const copy = [...rows];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
  return rows;
}

/** Plays one scripted reply. */
export function play(reply: FakeReply, res: ServerResponse, req: IncomingMessage): void {
  switch (reply.kind) {
    case 'status': {
      const known = (DEEPSEEK_ERROR_BODIES as Record<number, unknown>)[reply.status];
      const body = reply.body ?? known ?? { error: { message: `HTTP ${reply.status}`, type: 'unknown_error', param: null, code: null } };
      sendJson(res, reply.status, body, reply.retryAfter !== undefined ? { 'retry-after': reply.retryAfter } : {});
      return;
    }
    case 'html':
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PROXY_HTML_PAGE);
      return;
    case 'empty':
      res.writeHead(reply.status ?? 200, { 'content-length': '0' });
      res.end();
      return;
    case 'json':
      sendJson(res, reply.status ?? 200, reply.body);
      return;
    case 'hang':
      // Never answer; close() destroys the socket.
      req.resume();
      return;
    case 'reset':
    case 'stall':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
      res.write('{"is_available":true,"balance_infos":[{"currency":"CNY","total_bal');
      if (reply.kind === 'reset') setTimeout(() => req.socket.destroy(), 20);
      return;
    case 'delay': {
      const timer = setTimeout(() => play(reply.then, res, req), reply.ms);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case 'redirect':
      res.writeHead(reply.status ?? 302, { location: reply.location, 'content-length': '0' });
      res.end();
      return;
    case 'raw':
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body);
      return;
  }
}

/** DeepSeek's 401 message shows the last three characters of the key it refused. */
function authFailure(authorization: string | null): unknown | null {
  const m = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!m?.[1]) {
    return { error: { message: 'Authentication Fails (auth header format should be Bearer sk-...)', type: 'authentication_error', param: null, code: 'invalid_request_error' } };
  }
  return { error: { message: `Authentication Fails, Your api key: ****${m[1].slice(-3)} is invalid`, type: 'authentication_error', param: null, code: 'invalid_request_error' } };
}

/** Answers one request from the current state. */
export function answer(state: FakeState, path: string, authorization: string | null, req: IncomingMessage, res: ServerResponse): void {
  const qi = state.queue.findIndex((q) => matches(q.path, path));
  if (qi >= 0) {
    const [q] = state.queue.splice(qi, 1);
    play(q!.reply, res, req);
    return;
  }
  const persistent = state.persistent.find((p) => matches(p.path, path));
  if (persistent) {
    play(persistent.reply, res, req);
    return;
  }
  if (path !== '/user/balance' && path !== '/models') {
    sendJson(res, 404, { error: { message: 'Not Found', type: 'invalid_request_error', param: null, code: 'not_found' } });
    return;
  }
  const key = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!key || (state.keys !== 'any' && !state.keys.includes(key))) {
    sendJson(res, 401, authFailure(authorization));
    return;
  }
  if (path === '/models') {
    sendJson(res, 200, { object: 'list', data: state.models.map((id) => ({ id, object: 'model', owned_by: 'deepseek' })) });
    return;
  }
  if (state.body) {
    sendJson(res, 200, state.body.value);
    return;
  }
  sendJson(res, 200, { is_available: state.available, balance_infos: ordered(state.rows, state.order) });
}
