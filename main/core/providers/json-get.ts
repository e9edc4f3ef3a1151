/**
 * One authenticated JSON GET for every provider after DeepSeek, on the shared transport
 * (http-call.ts: timeout, capped body, no redirects followed) and url policy: a refused base
 * URL never sees the key, a 3xx is reported instead of followed, a non-2xx answer or an
 * error object inside a 200 becomes a typed ProviderError.
 */
import type { ProviderError } from '../../../shared/model';
import { err, ok, type Result } from '../../../shared/result';
import type { Http } from '../ports';
import { DEFAULT_TIMEOUT_MS } from './http-call';
import { getWithKey } from './http-call';
import type { KeyHeader, RawAnswer } from './http-call';
import {
  classifyStatus,
  describeBody,
  errorText,
  safeJson,
  type AnswerCtx,
} from './answer-classify';
import { redirectError } from './redirect-error';

export interface JsonGetDeps {
  http: Http;
  timeoutMs: number;
  now: () => number;
}

/** What every provider factory takes: the Http port, and optionally a timeout and a clock. */
export interface ProviderDeps {
  http: Http;
  timeoutMs?: number;
  now?: () => number;
}

/** The factory options with the defaults every provider shares: 15 s and the system clock. */
export function jsonGetDeps(deps: ProviderDeps): JsonGetDeps {
  return {
    http: deps.http,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now: deps.now ?? (() => Date.now()),
  };
}

/**
 * A provider's own reading of a failed answer (or of an error object in a 200); null falls
 * back to the generic status rules. `json` is undefined when the body is not JSON.
 */
export type AnswerRule = (ans: RawAnswer, json: unknown, ctx: AnswerCtx) => ProviderError | null;

/** A usable JSON answer and the context to word anything wrong with its content. */
export interface JsonAnswer {
  json: unknown;
  ctx: AnswerCtx;
  status: number;
}

/** True for a body that is an error object rather than data (OpenAI-style `{"error": …}`). */
export function isErrorObject(json: unknown): boolean {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const e = (json as Record<string, unknown>).error;
  return (typeof e === 'object' && e !== null) || (typeof e === 'string' && e !== '');
}

/** GETs `url` (already built by providerEndpoint) with the key as a Bearer header, or where `keyHeader` says. */
export async function getJson(
  deps: JsonGetDeps,
  req: { key: string; signal?: AbortSignal; keyHeader?: KeyHeader },
  url: Result<string, ProviderError>,
  name: string,
  rule?: AnswerRule,
): Promise<Result<JsonAnswer, ProviderError>> {
  if (!url.ok) return url;
  const host = new URL(url.value).host;
  const got = await getWithKey({
    ...deps,
    url: url.value,
    key: req.key,
    signal: req.signal,
    keyHeader: req.keyHeader,
  });
  if (!got.ok) return got;
  const ans = got.value;
  if ((ans.status >= 300 && ans.status < 400) || ans.type === 'opaqueredirect')
    return err(redirectError(ans, url.value, deps.now()));
  const ctx: AnswerCtx = { at: deps.now(), host, key: req.key, name };
  const json = safeJson(ans.body);
  const failed = ans.status < 200 || ans.status >= 300;
  if (failed || isErrorObject(json)) {
    return err(rule?.(ans, json, ctx) ?? classifyStatus(ans, json, ctx));
  }
  if (json === undefined) return err(describeBody(ans, ctx));
  return ok({ json, ctx, status: ans.status });
}

/** The message an error object carries, for rules that match on wording. */
export function messageOf(json: unknown): string {
  return errorText(json).message;
}
