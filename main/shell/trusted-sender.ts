/**
 * Decides whether an IPC message comes from our own renderer. Any frame that ends up in a
 * window (an iframe, a page reached by a navigation we failed to block) can call
 * `ipcRenderer.invoke`, so the handlers check the sending frame's URL, as GitHub Desktop does.
 * The check compares origins, never a re-encoded file path (a path with `[`, `]` or `%`
 * encodes differently in Chromium and in Node, which once refused every call).
 */
import { isAppUrl } from './app-scheme';

export interface RendererLocation {
  /** The built renderer folder (out/renderer), served on creditray://app. */
  root: string;
  /** electron-vite's dev server URL; only passed when the app is not packaged. */
  devUrl?: string;
}

/** Builds the check: our app origin, or the dev server's origin when one is configured. */
export function createTrustedSenderCheck(
  loc: Pick<RendererLocation, 'devUrl'>,
): (frameUrl: string | undefined) => boolean {
  const devOrigin = loc.devUrl ? safeOrigin(loc.devUrl) : null;
  return (frameUrl) => {
    if (!frameUrl) return false;
    if (isAppUrl(frameUrl)) return true;
    const origin = safeOrigin(frameUrl);
    return devOrigin !== null && devOrigin !== 'null' && origin === devOrigin;
  };
}

function safeOrigin(u: string): string | null {
  try {
    return new URL(u).origin;
  } catch {
    return null;
  }
}

/** Just the origin of a URL, for logs: a full URL could carry a query with something private. */
export function originForLog(url: string | undefined): string {
  if (!url) return '(none)';
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return 'file://';
    // Node reports "null" as the origin of custom schemes: name scheme and host instead.
    return u.origin === 'null' ? `${u.protocol}//${u.host}` : u.origin;
  } catch {
    return '(unparseable)';
  }
}
