/**
 * Plays the fake `net.request` against a real server with node:http, reporting what
 * Chromium's URLLoader reports: a 3xx as a 'redirect' event (followed only if the code under
 * test calls followRedirect synchronously), other answers as a streamed response, and
 * connection failures as "net::ERR_…" strings. Lets one fake DeepSeek server on 127.0.0.1
 * answer both the CLI's undici path and the app's net.request path.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { FakeClientRequest } from './net';

const CHROMIUM_CODES: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_TIMED_OUT',
};

/** Use as `netFake.server = serveOverNodeHttp`. Plain http only (the fakes listen on loopback). */
export function serveOverNodeHttp(req: FakeClientRequest): void {
  hop(req, req.url);
}

function hop(req: FakeClientRequest, url: string): void {
  const headers: Record<string, string> = {};
  for (const { name, value } of req.headers.values()) headers[name] = value;
  const out = httpRequest(url, { method: req.options.method ?? 'GET', headers }, (res) => {
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location) {
      res.resume();
      const next = new URL(location, url).href;
      if (req.serverRedirect(status, next, arrays(res))) hop(req, next);
      return;
    }
    if (req.aborted) return void res.destroy();
    const msg = req.serverRespond(status, flat(res));
    res.on('data', (chunk: Buffer) => msg.push(chunk));
    res.on('end', () => msg.push(null));
    req.once('abort', () => res.destroy());
  });
  out.on('error', (e: NodeJS.ErrnoException) => {
    if (!req.aborted) req.serverFail(CHROMIUM_CODES[e.code ?? ''] ?? 'net::ERR_FAILED');
  });
  req.once('abort', () => out.destroy());
  out.end();
}

function arrays(res: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(res.headers))
    if (v !== undefined) out[k] = ([] as string[]).concat(v);
  return out;
}
function flat(res: IncomingMessage): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = v;
  return out;
}
