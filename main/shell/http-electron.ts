/**
 * The core's `Http` port backed by Electron's `net.fetch`: it uses Chromium's network stack,
 * so it follows the system proxy settings (PAC, corporate proxies) the way users expect.
 */
import { net } from 'electron';
import type { Http } from '../core/ports';

/** No session cookies ride along with a balance request: the key is the only credential. */
export const electronHttp: Http = (url, init) =>
  net.fetch(url, {
    method: init.method ?? 'GET',
    headers: init.headers,
    signal: init.signal,
    credentials: 'omit',
  });
