/**
 * The fake of Electron's `net` module: `net.request` returns a ClientRequest that behaves
 * like Electron's own (lib/common/api/net-client-request.ts in electron/electron): a
 * Writable that starts on `end()`, a 'redirect' event that is *cancelled* unless
 * `followRedirect()` is called synchronously inside it (redirect: 'manual'), `abort()` that
 * emits 'abort' on the next tick, and failures as Chromium strings ("net::ERR_…") on
 * 'error'. Tests play the network with the `server*` drivers or `netFake.server`.
 */
import { Readable, Writable } from 'node:stream';
import type * as Electron from 'electron';
import { record } from './record';

/** The response object: like Electron's IncomingMessage, a Readable with status and headers. */
export class FakeIncomingMessage extends Readable {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string | string[]>,
    readonly statusMessage = '',
  ) {
    super();
  }
  override _read(): void {}
}

type RedirectPolicy = 'follow' | 'error' | 'manual';
const HTTP_PROTOCOLS = new Set(['http:', 'https:']);

/** One request; `hops` lists every URL the request actually went to (redirects followed). */
export class FakeClientRequest extends Writable {
  readonly options: Electron.ClientRequestConstructorOptions;
  readonly url: string;
  readonly redirectPolicy: RedirectPolicy;
  readonly headers = new Map<string, { name: string; value: string }>();
  readonly hops: string[] = [];
  readonly body: Buffer[] = [];
  started = false;
  aborted = false;
  private followCb: (() => void) | undefined;
  private response: FakeIncomingMessage | undefined;

  constructor(options: Electron.ClientRequestConstructorOptions | string) {
    super({ autoDestroy: true });
    const opts = typeof options === 'string' ? { url: options } : { ...options };
    if (!opts.url) throw new Error('the fake net.request needs options.url');
    // Same checks, same words as Electron's parseOptions / constructor.
    const redirect = opts.redirect ?? 'follow';
    if (!['follow', 'error', 'manual'].includes(redirect))
      throw new Error('redirect mode should be one of follow, error or manual');
    if (!HTTP_PROTOCOLS.has(new URL(opts.url).protocol))
      throw new Error('ClientRequest only supports http: and https: protocols');
    if (opts.credentials === 'same-origin' && !opts.origin)
      throw new Error('credentials: same-origin requires origin to be set');
    for (const [name, value] of Object.entries(opts.headers ?? {})) this.setHeader(name, value);
    this.options = opts;
    this.url = opts.url;
    this.redirectPolicy = redirect;
  }

  setHeader(name: string, value: string | string[]): void {
    if (this.started) throw new Error("Can't set headers after they are sent");
    if (value == null) throw new Error('`value` required in setHeader("' + name + '", value)');
    this.headers.set(name.toLowerCase(), { name, value: value.toString() });
  }
  getHeader(name: string): string {
    return this.headers.get(name.toLowerCase())?.value as string;
  }
  removeHeader(name: string): void {
    if (this.started) throw new Error("Can't remove headers after they are sent");
    this.headers.delete(name.toLowerCase());
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, callback: () => void): void {
    this.body.push(chunk);
    callback();
  }
  override _final(callback: () => void): void {
    this.started = true;
    this.hops.push(this.url);
    record('net', 'request:start', [this.url]);
    const server = netFake.server;
    // The network answers later, never inside end().
    if (server) setImmediate(() => !this.aborted && server(this));
    callback();
  }
  followRedirect(): void {
    if (this.followCb) this.followCb();
    else throw new Error('followRedirect() called, but was not waiting for a redirect');
  }
  abort(): void {
    record('net', 'request:abort', [this.url]);
    if (!this.aborted) process.nextTick(() => this.emit('abort'));
    this.aborted = true;
    this.die();
  }

  /** Electron's _die: after end() the Writable is already auto-destroyed, so errors are emitted by hand. */
  private die(err?: Error): void {
    if (this.destroyed && err) this.emit('error', err);
    this.destroy(err);
    this.response?.destroy(err);
  }
  private assertLive(what: string): void {
    if (!this.started) throw new Error(`${what}: the request was never started (end() not called)`);
  }

  // ---------- drivers: what Chromium's URLLoader would report ----------
  /** The server answered a 3xx. Returns true when the code under test followed it. */
  serverRedirect(
    statusCode: number,
    newUrl: string,
    headers: Record<string, string[]> = {},
  ): boolean {
    this.assertLive('serverRedirect');
    if (this.aborted) return false;
    const method = this.options.method ?? 'GET';
    const all = { location: [newUrl], ...headers };
    if (this.redirectPolicy === 'error') {
      this.die(new Error("Attempted to redirect, but redirect policy was 'error'"));
      return false;
    }
    let followed = this.redirectPolicy === 'follow';
    this.followCb = () => {
      followed = true;
    };
    try {
      this.emit('redirect', statusCode, method, newUrl, all);
    } finally {
      this.followCb = undefined;
      // Electron: "the redirection will be cancelled unless request.followRedirect is invoked
      // synchronously during the redirect event" (ClientRequestConstructorOptions.redirect).
      if (!followed && !this.aborted) this.die(new Error('Redirect was cancelled'));
    }
    if (followed && !this.aborted) this.hops.push(newUrl);
    return followed && !this.aborted;
  }
  /** The server answered; push body chunks on the returned message, then `push(null)`. */
  serverRespond(
    statusCode: number,
    headers: Record<string, string | string[]> = {},
    body?: string | Buffer,
  ): FakeIncomingMessage {
    this.assertLive('serverRespond');
    const res = new FakeIncomingMessage(statusCode, headers);
    this.response = res;
    if (!this.aborted) this.emit('response', res);
    if (body !== undefined) {
      res.push(typeof body === 'string' ? Buffer.from(body) : body);
      res.push(null);
    }
    return res;
  }
  /** The network failed: Chromium's error string, e.g. 'net::ERR_CONNECTION_REFUSED'. */
  serverFail(netError: string): void {
    this.assertLive('serverFail');
    if (!this.aborted) this.die(new Error(netError));
  }
}

/** Knobs and what the code under test did; reset by resetNet(). */
export const netFake = {
  online: true,
  fetchImpl: (_url: string, _init?: RequestInit): Promise<Response> =>
    Promise.reject(new Error('net.fetch: no fetchImpl set in this test')),
  requests: [] as FakeClientRequest[],
  /** Plays the server for every started request (called on a later tick, like the network). */
  server: null as ((req: FakeClientRequest) => void) | null,
};

export const net = {
  fetch(input: string, init?: RequestInit): Promise<Response> {
    record('net', 'fetch', [input, init]);
    return netFake.fetchImpl(input, init);
  },
  request(options: Electron.ClientRequestConstructorOptions | string): FakeClientRequest {
    record('net', 'request', [options]);
    const req = new FakeClientRequest(options);
    netFake.requests.push(req);
    return req;
  },
  isOnline(): boolean {
    return netFake.online;
  },
  get online(): boolean {
    return netFake.online;
  },
};

export function resetNet(): void {
  netFake.online = true;
  netFake.fetchImpl = () => Promise.reject(new Error('net.fetch: no fetchImpl set in this test'));
  netFake.requests.length = 0;
  netFake.server = null;
}
