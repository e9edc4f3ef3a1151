/**
 * The Http port for plain Node (CLI, tests, the UI harness): undici's fetch through an
 * EnvHttpProxyAgent, so HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their lowercase forms)
 * work for users behind proxies (common in China and in corporate networks). Electron
 * passes net.fetch instead.
 *
 * Two rules on top of undici:
 * - Loopback hosts never go through a proxy (Chromium bypasses them the same way). The key
 *   may travel over plain http to a local relay only because it never leaves the machine;
 *   sent to an HTTP proxy it would cross the network in cleartext.
 * - A proxy that drops the connection while a CONNECT tunnel is being set up fails the
 *   request at once. undici 7 treats that drop as a recoverable socket error and reconnects
 *   in a tight loop (thousands of connections a second) until the agent is destroyed:
 *   nodejs/undici#3897, fixed only in undici 8 (Node 22+) by nodejs/undici#5441.
 */
import { Agent, EnvHttpProxyAgent, Pool, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { Http } from './ports';
import { isLoopbackHost } from './url-policy';

/** The proxy (host:port) the environment routes `url` through, as the Node Http decides it; null for direct. */
export function proxyHostFor(url: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const target = new URL(url);
  if (isLoopbackHost(target.hostname)) return null;
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
  const raw =
    target.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY ?? httpProxy) : httpProxy;
  if (!raw) return null;
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '').split(/[,\s]/).filter(Boolean);
  const host = target.hostname.toLowerCase();
  for (const entry of noProxy) {
    if (entry === '*') return null;
    const name = entry
      .replace(/^\*?\./, '')
      .replace(/:\d+$/, '')
      .toLowerCase();
    if (host === name || host.endsWith(`.${name}`)) return null;
  }
  try {
    return new URL(raw).host;
  } catch {
    return raw;
  }
}

/** Raised when the proxy hangs up during CONNECT; its code is one undici fails the request on (not UND_ERR_SOCKET). */
class ProxyTunnelError extends Error {
  readonly code = 'UND_ERR_PRX_TUNNEL';
}

/** The pool to the proxy itself, with a CONNECT that drops turned into a final error (see the file comment). */
class TunnelPool extends Pool {
  override connect(...args: unknown[]): never {
    const [opts, callback] = args as [
      Dispatcher.ConnectOptions,
      ((err: Error | null, data: unknown) => void) | undefined,
    ];
    const wrap = (e: unknown): Error =>
      e instanceof Error && (e as { code?: unknown }).code === 'UND_ERR_SOCKET'
        ? new ProxyTunnelError(
            `the proxy closed the connection while opening a tunnel: ${e.message}`,
            { cause: e },
          )
        : (e as Error);
    if (typeof callback === 'function') {
      return super.connect(opts, (e, data) => callback(e ? wrap(e) : null, data)) as never;
    }
    return super.connect(opts).catch((e: unknown) => {
      throw wrap(e);
    }) as never;
  }
}

/** Node's Http plus a way to let go of every socket, so a CLI run can end when its work is done. */
export type NodeHttp = Http & {
  /** Destroys the agents: open and half-open connections (to a silent proxy, say) are cut. Idempotent. */
  close(): Promise<void>;
};

/** Creates the Node Http; proxy variables are read when this is called (and NO_PROXY per request). */
export function createNodeHttp(): NodeHttp {
  const viaEnv = new EnvHttpProxyAgent({
    clientFactory: (origin, opts) => new TunnelPool(origin, opts),
  });
  const direct = new Agent();
  let closed: Promise<void> | undefined;
  const http = async (url: string, init: Parameters<Http>[1]): Promise<Response> => {
    const loopback = isLoopbackHost(new URL(url).hostname);
    try {
      const res = await undiciFetch(url, { ...init, dispatcher: loopback ? direct : viaEnv });
      // undici's Response is the WHATWG one the rest of the code expects; only the TS types differ.
      return res as unknown as Response;
    } catch (thrown) {
      const proxyHost = proxyHostFor(url);
      // Tell the error classifier a proxy was in the path, so "refused" names the proxy, not DeepSeek.
      if (proxyHost)
        throw Object.assign(
          new Error(`fetch through proxy ${proxyHost} failed`, { cause: thrown }),
          { proxyHost },
        );
      throw thrown;
    }
  };
  const close = () =>
    (closed ??= Promise.all([viaEnv.destroy(), direct.destroy()]).then(() => undefined));
  return Object.assign(http, { close });
}
