/**
 * The URL Chromium reports (webContents.getURL(), senderFrame.url) for one it was asked to
 * load. For file URLs this follows Chromium's path canonicalizer (url/url_canon_path.cc):
 * space, `"`, `<`, `>`, backquote, `{`, `}`, control and non-ASCII bytes are percent-encoded
 * (UTF-8, upper-case hex); `[`, `]`, `^`, `|` and a lone `%` pass through unchanged; an
 * existing escape of an unreserved character (`%41`) is decoded, any other escape is kept.
 * That is why `pathToFileURL(path)` (which encodes `[`, `]`, `%`, `^`, `|`, `~`) and the URL
 * of a page opened with loadFile differ for such install paths. http(s) URLs use WHATWG
 * parsing, which Chromium matches for them; other schemes are returned as given.
 */

const HEX = /^[0-9A-Fa-f]{2}$/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
/** Path bytes Chromium escapes (besides controls, DEL and everything >= 0x80). */
const PATH_ESCAPE = new Set([' ', '"', '<', '>', '`', '{', '}']);
/** Query bytes escaped for special schemes (WHATWG special-query set; Chromium agrees). */
const QUERY_ESCAPE = new Set([' ', '"', '<', '>', "'"]);
/** Fragment bytes escaped. */
const FRAGMENT_ESCAPE = new Set([' ', '"', '<', '>', '`']);

const pct = (b: number) => '%' + b.toString(16).toUpperCase().padStart(2, '0');

function escapeBytes(text: string, escape: Set<string>, decodeUnreserved: boolean): string {
  let out = '';
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const ch = String.fromCharCode(b);
    if (b === 0x25 && decodeUnreserved) {
      const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
      const decoded = HEX.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : '';
      if (UNRESERVED.test(decoded)) {
        out += decoded;
        i += 2;
        continue;
      }
      out += '%';
      continue;
    }
    if (b < 0x20 || b >= 0x7f || escape.has(ch)) out += pct(b);
    else out += ch;
  }
  return out;
}

/** Chromium's canonical form of a file: URL (path, query and fragment). */
export function chromiumFileUrl(url: string): string {
  const m = /^file:\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!m) throw new Error(`not a file URL: ${url}`);
  const [, host = '', path = '/', query, fragment] = m;
  const canonPath = escapeBytes(path.replace(/\\/g, '/') || '/', PATH_ESCAPE, true);
  const canonQuery =
    query === undefined ? '' : '?' + escapeBytes(query.slice(1), QUERY_ESCAPE, false);
  const canonFragment =
    fragment === undefined ? '' : '#' + escapeBytes(fragment.slice(1), FRAGMENT_ESCAPE, false);
  return `file://${host.toLowerCase()}${canonPath}${canonQuery}${canonFragment}`;
}

/** The URL as the page's frame will report it after loading `url`. */
export function chromiumCanonicalUrl(url: string): string {
  if (/^file:/i.test(url)) return chromiumFileUrl(url);
  if (/^https?:/i.test(url)) return new URL(url).href;
  return url;
}
