/**
 * Generic reading of a provider's non-success answer, shared by every provider after
 * DeepSeek: the HTTP status first, then whatever error text the body carries (OpenAI-style
 * `error.message`, a string `error`, or a top-level `message`/`msg`), with HTML from a proxy
 * told apart. Providers run their own rules first (Moonshot's `type`, a relay's Chinese
 * messages) and fall back to this.
 */
import type { ProviderError } from '../../../shared/model';
import type { RawAnswer } from './http-call';
import { looksLikeHtml, parseRetryAfter, providerError, scrubSecrets } from './http-errors';

/** What every classifier needs to word a failure. */
export interface AnswerCtx {
  at: number;
  host: string;
  key?: string;
  /** The provider's display name ("Moonshot"). */
  name: string;
}

/** The error text and type a body carries, whatever the provider's shape; '' when none. */
export function errorText(json: unknown): { message: string; type: string; code: string } {
  const none = { message: '', type: '', code: '' };
  if (json === null || typeof json !== 'object') return none;
  const o = json as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  if (typeof o.error === 'string') return { message: o.error, type: '', code: str(o.code) };
  if (o.error && typeof o.error === 'object') {
    const e = o.error as Record<string, unknown>;
    return { message: str(e.message), type: str(e.type), code: str(e.code) };
  }
  return { message: str(o.message) || str(o.msg), type: str(o.type), code: str(o.code) };
}

/** Parses a body as JSON; undefined when it is not JSON (HTML, empty, truncated). */
export function safeJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What the server said, scrubbed of the key before it is cut, as a sentence to append. */
export function saidText(json: unknown, ctx: AnswerCtx): string {
  const msg = scrubSecrets(errorText(json).message, ctx.key).slice(0, 200);
  return msg ? ` ${ctx.name} said: "${msg}".` : '';
}

/** Classifies a non-2xx answer by status; the provider's own rules have already had their turn. */
export function classifyStatus(ans: RawAnswer, json: unknown, ctx: AnswerCtx): ProviderError {
  const { status } = ans;
  const said = saidText(json, ctx);
  const via = looksLikeHtml(ans.body, ans.headers.get('content-type'))
    ? ' The answer was an HTML page, probably from a proxy or gateway in between.'
    : '';
  const o = { status, key: ctx.key };
  const retry = parseRetryAfter(ans.headers.get('retry-after'), ctx.at);
  const n = ctx.name;
  if (status === 401)
    return providerError(
      'auth',
      `${n} rejected the API key (401): it is wrong, deleted or malformed.${said}${via}`,
      ctx.at,
      o,
    );
  if (status === 402)
    return providerError(
      'insufficient-balance',
      `${n} says the account has run out of credit (402).${said}${via}`,
      ctx.at,
      o,
    );
  if (status === 403)
    return providerError(
      'auth',
      `${n} refused this key access (403 Forbidden): it lacks the permission, or the account is blocked.${said}${via}`,
      ctx.at,
      o,
    );
  if (status === 429)
    return providerError(
      'rate-limit',
      `${n} is rate limiting this key (429); the check will try again later.${said}${via}`,
      ctx.at,
      { ...o, retryAfterMs: retry },
    );
  if (status === 407)
    return providerError(
      'network',
      'The proxy asks for a user name and password (407 Proxy Authentication Required).',
      ctx.at,
      o,
    );
  if (status >= 500) {
    const what = status === 503 ? 'is overloaded (503)' : `had a server error (${status})`;
    return providerError('server', `${n} ${what}; try again shortly.${said}${via}`, ctx.at, {
      ...o,
      retryAfterMs: retry,
    });
  }
  if (status === 404 || status === 405)
    return providerError(
      'request',
      `${ctx.host} has no balance endpoint at this address (${status}): check the base URL (is it ${n}'s API?).${said}${via}`,
      ctx.at,
      o,
    );
  if (status >= 400)
    return providerError(
      'request',
      `${ctx.host} refused the request (${status}).${said}${via}`,
      ctx.at,
      o,
    );
  if (errorText(json).message)
    return providerError(
      'bad-response',
      `${ctx.host} answered with an error instead of a balance.${said}`,
      ctx.at,
      o,
    );
  return describeBody(ans, ctx);
}

/** Why a 2xx body is not usable: HTML, empty, or not JSON. */
export function describeBody(ans: RawAnswer, ctx: AnswerCtx): ProviderError {
  const o = { status: ans.status, key: ctx.key };
  if (looksLikeHtml(ans.body, ans.headers.get('content-type')))
    return providerError(
      'bad-response',
      `A proxy or gateway answered with an HTML page instead of ${ctx.name}'s JSON (captive portal, corporate proxy or a wrong base URL?).`,
      ctx.at,
      o,
    );
  if (ans.body.trim() === '')
    return providerError(
      'bad-response',
      `${ctx.host} answered with an empty body instead of ${ctx.name}'s JSON.`,
      ctx.at,
      o,
    );
  return providerError(
    'bad-response',
    `${ctx.host} answered with something that is not JSON: "${ans.body.trim().slice(0, 60)}".`,
    ctx.at,
    o,
  );
}

/** A 200 whose JSON is not the expected shape: name the first field that is wrong. */
export function wrongShape(ctx: AnswerCtx, where: string): ProviderError {
  return providerError(
    'bad-response',
    `${ctx.host} answered JSON of an unexpected shape ("${where}" is missing or has the wrong type): a relay or gateway may be answering instead of ${ctx.name}.`,
    ctx.at,
    { status: 200, key: ctx.key },
  );
}
