/**
 * Decides whether an IPC message comes from our own renderer. Any frame that ends up in a
 * window (an iframe, a page reached by a navigation we failed to block) can call
 * `ipcRenderer.invoke`, so the handlers check the sending frame's URL, as GitHub Desktop does.
 */
import { pathToFileURL } from 'node:url';

export interface RendererLocation {
  /** The built renderer's index.html (loaded with loadFile). */
  file: string;
  /** electron-vite's dev server URL; only passed when the app is not packaged. */
  devUrl?: string;
}

/** Builds the check for one renderer location: the exact file, or the dev server's origin. */
export function createTrustedSenderCheck(
  loc: RendererLocation,
): (frameUrl: string | undefined) => boolean {
  const fileHref = pathToFileURL(loc.file).href;
  const devOrigin = loc.devUrl ? safeOrigin(loc.devUrl) : null;
  return (frameUrl) => {
    if (!frameUrl) return false;
    let url: URL;
    try {
      url = new URL(frameUrl);
    } catch {
      return false;
    }
    if (url.protocol === 'file:') {
      url.hash = '';
      url.search = '';
      return url.href === fileHref;
    }
    return devOrigin !== null && devOrigin !== 'null' && url.origin === devOrigin;
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
    return u.protocol === 'file:' ? 'file://' : u.origin;
  } catch {
    return '(unparseable)';
  }
}
