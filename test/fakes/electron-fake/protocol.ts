/**
 * Fake of Electron's `protocol` module, holding the two rules the app relies on
 * (docs/api/protocol.md; lib/browser/api/protocol.ts): privileges must be registered before
 * the app is ready (Electron throws "should be called before app is ready"), and a scheme can
 * be handled only once (a second `handle` throws "Failed to register protocol"). "Ready" here
 * means `app.whenReady()` was called, which in this fake resolves at once.
 */
import type * as Electron from 'electron';
import { callsTo, record } from './record';

type Handler = (request: Request) => Response | Promise<Response>;
const handlers = new Map<string, Handler>();
/** Test view: what was registered. */
export const protocolFake = { privileged: [] as Electron.CustomScheme[] };

export const protocol = {
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    record('protocol', 'registerSchemesAsPrivileged', [customSchemes]);
    if (callsTo('app', 'whenReady').length > 0)
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    protocolFake.privileged.push(...customSchemes);
  },
  handle(scheme: string, handler: Handler): void {
    record('protocol', 'handle', [scheme]);
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    record('protocol', 'unhandle', [scheme]);
    handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  },
};

/** Test driver: a request to a handled scheme, as the window (or net.fetch) would make it. */
export async function fetchFromProtocol(url: string, init?: RequestInit): Promise<Response> {
  const scheme = url.slice(0, url.indexOf(':'));
  const handler = handlers.get(scheme);
  if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme} is not handled)`);
  return handler(new Request(url, init));
}

export function resetProtocol(): void {
  handlers.clear();
  protocolFake.privileged.length = 0;
}
