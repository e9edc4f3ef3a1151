/**
 * The Http port for plain Node (CLI, tests, the UI harness): undici's fetch through an
 * EnvHttpProxyAgent, so HTTPS_PROXY / HTTP_PROXY / NO_PROXY work for users behind proxies
 * (common in China and in corporate networks). Electron passes net.fetch instead.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { Http } from './ports';

/** Creates the Node Http; proxy variables are read when this is called (and NO_PROXY per request). */
export function createNodeHttp(): Http {
  const dispatcher = new EnvHttpProxyAgent();
  return async (url, init) => {
    const res = await undiciFetch(url, { ...init, dispatcher });
    // undici's Response is the WHATWG one the rest of the code expects; only the TS types differ.
    return res as unknown as Response;
  };
}
