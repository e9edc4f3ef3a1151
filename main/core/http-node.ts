/**
 * The Http port for plain Node (CLI, tests, the UI harness): undici's fetch through an
 * EnvHttpProxyAgent, so HTTPS_PROXY / HTTP_PROXY / NO_PROXY work for users behind proxies
 * (common in China and in corporate networks). Electron passes net.fetch instead.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { Http } from './ports';

/** The proxy (host:port) the environment routes `url` through, as EnvHttpProxyAgent decides it; null for direct. */
export function proxyHostFor(url: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const target = new URL(url);
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
  const raw = target.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY ?? httpProxy) : httpProxy;
  if (!raw) return null;
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '').split(/[,\s]/).filter(Boolean);
  const host = target.hostname.toLowerCase();
  for (const entry of noProxy) {
    if (entry === '*') return null;
    const name = entry.replace(/^\*?\./, '').replace(/:\d+$/, '').toLowerCase();
    if (host === name || host.endsWith(`.${name}`)) return null;
  }
  try {
    return new URL(raw).host;
  } catch {
    return raw;
  }
}

/** Creates the Node Http; proxy variables are read when this is called (and NO_PROXY per request). */
export function createNodeHttp(): Http {
  const dispatcher = new EnvHttpProxyAgent();
  return async (url, init) => {
    try {
      const res = await undiciFetch(url, { ...init, dispatcher });
      // undici's Response is the WHATWG one the rest of the code expects; only the TS types differ.
      return res as unknown as Response;
    } catch (thrown) {
      const proxyHost = proxyHostFor(url);
      // Tell the error classifier a proxy was in the path, so "refused" names the proxy, not DeepSeek.
      if (proxyHost) throw Object.assign(new Error(`fetch through proxy ${proxyHost} failed`, { cause: thrown }), { proxyHost });
      throw thrown;
    }
  };
}
