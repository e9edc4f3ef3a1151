/**
 * A scriptable fake of any balance provider's API on a real 127.0.0.1 port: each path
 * answers with a scripted reply (the real bodies live in provider-bodies.ts), plus what
 * proxies do (HTML, empty bodies, hangs, resets, redirects). Requests are recorded with the
 * Authorization header so tests can check where the key went.
 *
 *     const fake = await startFakeProvider({ '/v1/users/me/balance': json(MOONSHOT.healthy) });
 *     fake.route('/v1/users/me/balance', { kind: 'status', status: 401, body: MOONSHOT.auth });
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer. */
export type Reply =
  | { kind: 'json'; body: unknown; status?: number; headers?: Record<string, string> }
  | { kind: 'status'; status: number; body?: unknown; retryAfter?: string }
  | { kind: 'html'; status?: number }
  | { kind: 'empty'; status?: number }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'redirect'; location: string; status?: number };

/** A 200 with this JSON body, byte for byte as given. */
export const json = (body: unknown, status = 200): Reply => ({ kind: 'json', body, status });

export interface RecordedRequest {
  path: string;
  query: string;
  authorization: string | null;
  /** Every header as Node received it (names lower-case), for keys sent in a header of their own. */
  headers: IncomingHttpHeaders;
}

export interface FakeProvider {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Sets the reply for a path (query ignored); paths not routed answer 404 with a JSON error. */
  route(path: string, reply: Reply): void;
  /** Clears routes and the request log. */
  reset(routes?: Record<string, Reply>): void;
  close(): Promise<void>;
}

const HTML =
  '<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body>Please log in</body></html>';

/** Writes a JSON body as given; a string body is sent raw (for numbers with exact digits). */
function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

function play(reply: Reply, res: ServerResponse): void {
  switch (reply.kind) {
    case 'json':
      return send(res, reply.status ?? 200, reply.body, reply.headers);
    case 'status':
      return send(
        res,
        reply.status,
        reply.body ?? { error: { message: `status ${reply.status}` } },
        reply.retryAfter ? { 'retry-after': reply.retryAfter } : {},
      );
    case 'html':
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/html' });
      return void res.end(HTML);
    case 'empty':
      res.writeHead(reply.status ?? 200);
      return void res.end();
    case 'hang':
      return;
    case 'reset':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"code":0,"da');
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    case 'redirect':
      res.writeHead(reply.status ?? 302, { location: reply.location });
      return void res.end();
  }
}

/** Starts a fake on 127.0.0.1 with a random free port. */
export async function startFakeProvider(
  initial: Record<string, Reply> = {},
): Promise<FakeProvider> {
  let routes = new Map(Object.entries(initial));
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    requests.push({ path, query, authorization: req.headers.authorization ?? null, headers: req.headers });
    const reply = routes.get(path);
    if (reply) play(reply, res);
    else
      send(res, 404, {
        error: { message: 'Invalid URL (GET ' + path + ')', type: 'invalid_request_error' },
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, reply) => void routes.set(path, reply),
    reset: (next = {}) => {
      routes = new Map(Object.entries(next));
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
