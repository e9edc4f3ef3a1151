/**
 * The DeepSeek client: GET /user/balance and /models with the account's key, every failure
 * returned as a typed ProviderError. Behaviour follows the team notes (provider-facts.md).
 */
import type { ProviderError, Snapshot } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';
import { err, ok, type Result } from '../../../shared/result';
import type { Http, ProviderResult } from '../ports';
import { endpoint } from '../url-policy';
import { DEFAULT_TIMEOUT_MS, getWithKey, type RawAnswer } from './http-call';
import { providerError } from './http-errors';
import { redirectError } from './redirect-error';
import { classifyAnswer, jsonOrFailure, parseBalanceJson, parseModelsJson } from './deepseek-parse';
import type { Provider, ProviderRequest } from './provider';

export interface DeepSeekDeps {
  http: Http;
  /** Per-request timeout; tests pass a short one to exercise the hang case. */
  timeoutMs?: number;
  now?: () => number;
}

const KEY_SHAPE = /^sk-[0-9a-f]{32}$/;

/** Warns (never refuses) when a key does not look like DeepSeek's `sk-` + 32 hex: the server decides. */
export function checkDeepSeekKeyShape(key: string): string | null {
  if (key.trim() === '') return 'The key is empty.';
  if (key !== key.trim())
    return 'The key has spaces or line breaks around it; they were probably copied by accident.';
  if (KEY_SHAPE.test(key)) return null;
  if (!key.startsWith('sk-'))
    return 'DeepSeek keys start with "sk-"; this one does not (is it a key from another provider?).';
  return 'DeepSeek keys are usually "sk-" followed by 32 hexadecimal characters; this one looks different (it may still work).';
}

/** Creates the DeepSeek provider over an injected Http (Electron net.fetch, or undici in Node). */
export function createDeepSeekProvider(deps: DeepSeekDeps): Provider {
  const now = deps.now ?? (() => Date.now());
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** Resolves the URL (policy first: a refused base URL never sees the key), then fetches. */
  async function get(
    req: ProviderRequest,
    path: string,
  ): Promise<Result<{ ans: RawAnswer; host: string }, ProviderError>> {
    const url = endpoint(req.baseUrl, path);
    if (!url.ok) return err(providerError('config', url.error.message, now()));
    const host = new URL(url.value).host;
    const res = await getWithKey({
      http: deps.http,
      url: url.value,
      key: req.key,
      signal: req.signal,
      timeoutMs,
      now,
    });
    if (!res.ok) return res;
    const ans = res.value;
    if ((ans.status >= 300 && ans.status < 400) || ans.type === 'opaqueredirect') {
      return err(redirectError(ans, url.value, now()));
    }
    if (ans.status < 200 || ans.status >= 300)
      return err(classifyAnswer(ans, { at: now(), host, key: req.key }));
    return ok({ ans, host });
  }

  return {
    id: 'deepseek',
    info: PROVIDERS.deepseek,
    checkKeyShape: checkDeepSeekKeyShape,

    async fetchBalance(req): Promise<ProviderResult<Snapshot>> {
      const got = await get(req, '/user/balance');
      if (!got.ok) return got;
      const ctx = { at: now(), host: got.value.host, key: req.key };
      const json = jsonOrFailure(got.value.ans, ctx);
      if (!json.ok) return json;
      return parseBalanceJson(json.value, ctx);
    },

    async verifyKey(req): Promise<ProviderResult<void>> {
      const got = await get(req, '/models');
      if (!got.ok) return got;
      const ctx = { at: now(), host: got.value.host, key: req.key };
      const json = jsonOrFailure(got.value.ans, ctx);
      if (!json.ok) return json;
      const models = parseModelsJson(json.value, ctx);
      return models.ok ? ok(undefined) : models;
    },
  };
}
