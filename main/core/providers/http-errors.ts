/**
 * Turns what went wrong on the wire into a typed ProviderError with plain words. Shared by
 * every HTTP provider: proxies, captive portals and flaky networks fail the same way for all.
 */
import type { ErrorKind, ProviderError } from '../../../shared/model';
import { scrubKey } from './key-scrub';

/** Builds a ProviderError; messages are scrubbed here so no caller can leak a key by accident. */
export function providerError(
  kind: ErrorKind,
  message: string,
  at: number,
  extra: { status?: number | null; retryAfterMs?: number | null; key?: string } = {},
): ProviderError {
  return {
    kind,
    status: extra.status ?? null,
    message: scrubSecrets(message, extra.key),
    retryAfterMs: extra.retryAfterMs ?? null,
    at,
  };
}

/**
 * Removes anything key-like (and the key itself) from text that may come from a server or a
 * stack. Call it before cutting a message short: a cut can split an echo so that the part
 * left no longer matches whole, yet still gives the key away.
 */
export function scrubSecrets(text: string, key?: string): string {
  // Whole, partial (>= 8 characters in a row), base64 and percent-encoded echoes: key-scrub.ts.
  const out = key ? scrubKey(text, key) : text;
  return out
    .replace(/\bsk-[A-Za-z0-9_-]{6,}/g, 'sk-…')
    .replace(/\bBearer\s+[A-Za-z0-9._~+/=-]{6,}/gi, 'Bearer …');
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or nonsense. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** True when a body is an HTML page (a proxy, captive portal or CDN answered, not the API). */
export function looksLikeHtml(body: string, contentType: string | null): boolean {
  if (contentType && /text\/html/i.test(contentType)) return true;
  return /^\s*<(!doctype|html|head|body|\?xml)/i.test(body);
}

interface CodeRule {
  test: (code: string, message: string) => boolean;
  kind: ErrorKind;
  words: (host: string) => string;
  /** Through a proxy, this failure happens on the hop to the proxy itself (the proxy makes the onward connection). */
  proxyHop?: boolean;
}

const has =
  (...codes: string[]) =>
  (code: string) =>
    codes.includes(code);

const RULES: CodeRule[] = [
  {
    test: (c, m) =>
      c.startsWith('UND_ERR_PRX') || /proxy/i.test(m) || /^ERR_(PROXY|TUNNEL)_/.test(c),
    kind: 'network',
    words: () =>
      'the proxy refused or broke the connection (check HTTPS_PROXY / your system proxy settings)',
  },
  {
    test: has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ERR_NAME_NOT_RESOLVED'),
    kind: 'network',
    words: (h) =>
      `could not look up ${h} (DNS failed): check the address and your internet connection`,
    proxyHop: true,
  },
  {
    test: has('ECONNREFUSED', 'ERR_CONNECTION_REFUSED'),
    kind: 'network',
    words: (h) => `${h} refused the connection (nothing is listening there, or a firewall said no)`,
    proxyHop: true,
  },
  {
    test: has(
      'ECONNRESET',
      'EPIPE',
      'UND_ERR_SOCKET',
      'UND_ERR_CLOSED',
      'ERR_CONNECTION_RESET',
      'ERR_CONNECTION_CLOSED',
      'ERR_EMPTY_RESPONSE',
    ),
    kind: 'network',
    words: (h) =>
      `the connection to ${h} was cut before the answer was complete (connection reset)`,
  },
  {
    test: has(
      'ENETUNREACH',
      'EHOSTUNREACH',
      'ENETDOWN',
      'ERR_INTERNET_DISCONNECTED',
      'ERR_NETWORK_CHANGED',
      'ERR_ADDRESS_UNREACHABLE',
    ),
    kind: 'network',
    words: (h) => `no route to ${h}: this computer seems to be offline`,
    proxyHop: true,
  },
  {
    // OpenSSL reads an HTTP answer's "HTTP/1.1" as a TLS record of an unknown version (Node:
    // ERR_SSL_WRONG_VERSION_NUMBER; Chromium: ERR_SSL_PROTOCOL_ERROR on the same bytes is
    // ambiguous, so only the explicit codes count). Not a certificate problem at all.
    test: (c, m) =>
      /^ERR_SSL_(WRONG_VERSION_NUMBER|HTTP_REQUEST|PACKET_LENGTH_TOO_LONG)$/.test(c) ||
      /wrong version number/i.test(m),
    kind: 'network',
    words: (h) =>
      `the secure (TLS) connection to ${h} failed: the server answered plain HTTP on an https URL (if it is a local relay without TLS, use http:// for localhost; otherwise a proxy or port mix-up is in the way)`,
  },
  {
    test: (c) => /CERT|^UNABLE_TO_|^ERR_TLS_|^ERR_SSL_|SELF_SIGNED|^DEPTH_ZERO|^EPROTO$/.test(c),
    kind: 'network',
    words: (h) =>
      `the secure (TLS) connection to ${h} failed: its certificate was not trusted (a proxy, VPN or antivirus may be intercepting HTTPS)`,
  },
  {
    test: has(
      'ETIMEDOUT',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'ERR_TIMED_OUT',
      'ERR_CONNECTION_TIMED_OUT',
    ),
    kind: 'timeout',
    words: (h) => `${h} did not answer in time (the network timed out)`,
  },
];

/** Every code and message in an error's cause chain (undici nests the real cause; happy eyeballs aggregates). */
function collect(
  thrown: unknown,
  depth = 0,
  out: { codes: string[]; messages: string[]; proxyHost: string | null } = {
    // Stryker disable next-line ArrayDeclaration: a made-up code matches no rule, so it changes nothing
    codes: [],
    messages: [],
    proxyHost: null,
  },
) {
  if (depth > 6 || thrown === null || typeof thrown !== 'object') return out;
  const e = thrown as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    proxyHost?: unknown;
  };
  if (typeof e.code === 'string') out.codes.push(e.code);
  // http-node.ts marks failures of requests that went through a proxy.
  if (typeof e.proxyHost === 'string') out.proxyHost ??= e.proxyHost;
  if (typeof e.message === 'string') {
    out.messages.push(e.message);
    // Electron's net.fetch reports Chromium codes in the message: "net::ERR_NAME_NOT_RESOLVED".
    const chromium = /net::(ERR_[A-Z_]+)/.exec(e.message);
    if (chromium?.[1]) out.codes.push(chromium[1]);
  }
  if (Array.isArray(e.errors)) for (const inner of e.errors) collect(inner, depth + 1, out);
  collect(e.cause, depth + 1, out);
  return out;
}

/** Classifies a thrown fetch failure (no HTTP answer at all) into plain words. */
export function classifyThrown(
  thrown: unknown,
  host: string,
  at: number,
  key?: string,
): ProviderError {
  const found = collect(thrown);
  const { codes, proxyHost } = found;
  const messages = found.messages.filter((m) => !m.startsWith('fetch through proxy'));
  const via = proxyHost
    ? ` (The request went through the proxy ${proxyHost} from your proxy settings.)`
    : '';
  for (const rule of RULES) {
    const hit =
      // Stryker disable next-line StringLiteral: only the proxy and TLS rules read the message, and no other text matches them
      codes.find((c) => rule.test(c, '')) ??
      // Stryker disable next-line ConditionalExpression,StringLiteral: the one other rule (timeout) ignores the message
      (rule.kind === 'network' && messages.some((m) => rule.test('', m)) ? '' : undefined);
    if (hit !== undefined) {
      const detail = hit ? ` [${hit}]` : '';
      const who = proxyHost && rule.proxyHop ? `the proxy ${proxyHost}` : host;
      return providerError(rule.kind, `Network error: ${rule.words(who)}.${detail}${via}`, at, {
        key,
      });
    }
  }
  const last = messages.filter((m) => m && m !== 'fetch failed').pop() ?? 'unknown error';
  return providerError(
    'network',
    `Network error talking to ${host}: ${scrubSecrets(last, key).slice(0, 200)}${via}`,
    at,
    { key },
  );
}
