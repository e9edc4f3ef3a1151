/**
 * The window's own origin, `creditray://app`, and the handler that serves the built renderer
 * on it. Why not `file://`: with the GrantFileProtocolExtraPrivileges fuse off (the fuses stay
 * strict), `file://` pages lose file-to-file access, so the bundle's
 * `<script type="module" crossorigin>` is blocked and the window stays blank. Electron's
 * security checklist ("Use a custom protocol instead of file://") recommends this instead.
 *
 * No 'electron' import here: the UI harness serves the real renderer to Chromium through this
 * same handler, so what the tests load is what the app loads. app-protocol.ts registers it.
 */
import { extname, isAbsolute, join, posix, relative, resolve } from 'node:path';

export const APP_SCHEME = 'creditray';
export const APP_HOST = 'app';
/** What Chromium reports as the window's origin (a standard scheme keeps scheme://host). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent as a header with every page (renderer/index.html carries the same policy as a meta
 * tag, for dev mode; a test keeps the two identical). Only our own bundled scripts and styles.
 */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type for a file name; unknown kinds are opaque bytes (nosniff keeps them inert). */
export const mimeTypeFor = (file: string): string =>
  TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** True for any URL on our origin, compared by parts: Node gives custom schemes origin "null". */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

export interface AssetHandlerOptions {
  /** The built renderer folder (out/renderer, inside app.asar when packaged). */
  root: string;
  /** Reads a whole file; the app passes Electron's asar-aware fs. Rejects with ENOENT etc. */
  readFile(path: string): Promise<Uint8Array>;
}

/**
 * Maps a request path to a file under `root`, or null when it would leave `root` or is not
 * a plain path (encoded separators, NUL, backslashes: never valid in our bundle's URLs).
 */
export function assetPathFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Our bundle's URLs never hold these; anything that does is refused, not "cleaned up".
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..'))
    return null;
  const normal = posix.normalize(decoded === '/' || decoded === '' ? '/index.html' : decoded);
  const file = resolve(root, `.${normal}`);
  const rel = relative(resolve(root), file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return join(resolve(root), rel);
}

const plain = (status: number, text: string): Response =>
  new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });

/** Builds the handler for `protocol.handle` (Request in, Response out, never throws). */
export function createAssetHandler(opts: AssetHandlerOptions): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'method not allowed');
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return plain(400, 'bad url');
    }
    // One origin only: creditray://anything-else/ serves nothing (the harness serves on http).
    if (url.protocol === `${APP_SCHEME}:` && url.host !== APP_HOST) return plain(404, 'not found');
    const file = assetPathFor(opts.root, url.pathname);
    if (!file) return plain(403, 'forbidden');
    let body: Uint8Array;
    try {
      body = await opts.readFile(file);
    } catch {
      return plain(404, 'not found');
    }
    const type = mimeTypeFor(file);
    const headers: Record<string, string> = {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    if (type.startsWith('text/html')) headers['content-security-policy'] = RENDERER_CSP;
    return new Response(req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers,
    });
  };
}
