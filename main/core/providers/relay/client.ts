/**
 * The relay client (one-api, new-api and forks): the OpenAI-style billing pair under the
 * relay's own base URL, falling back to new-api's /api/usage/token/ when the route is
 * missing (404). The key goes only to the base URL the user gave, under the shared policy.
 */
import type { ProviderError, Snapshot } from '../../../../shared/model';
import { PROVIDERS } from '../../../../shared/providers';
import { err, ok, type Result } from '../../../../shared/result';
import type { AnswerCtx } from '../answer-classify';
import { type JsonAnswer, type ProviderDeps, getJson, jsonGetDeps } from '../json-get';
import { keyShapeWarning } from '../key-shape';
import { verifiedByReading, type Provider, type ProviderRequest } from '../provider';
import { providerEndpoint } from '../provider-url';
import {
  classifyRelay,
  DEFAULT_QUOTA_PER_UNIT,
  exhaustedSnapshot,
  parseQuotaPerUnit,
  parseSubscription,
  parseTokenUsage,
  parseUsage,
  relayExhaustion,
} from './parse';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Builds the relay provider over an injected Http. */
export function createRelayProvider(deps: ProviderDeps): Provider {
  const d = jsonGetDeps(deps);
  const info = PROVIDERS.relay;

  /** One GET; an exhausted key or user comes back as a depleted reading instead of an error. */
  async function get(
    req: ProviderRequest,
    path: string,
  ): Promise<Result<JsonAnswer, ProviderError> | { depleted: Snapshot }> {
    let depleted: Snapshot | null = null;
    const rule = (ans: Parameters<typeof classifyRelay>[0], json: unknown, ctx: AnswerCtx) => {
      const cause = relayExhaustion(json);
      if (cause) depleted = exhaustedSnapshot(cause, json, ctx);
      return classifyRelay(ans, json, ctx);
    };
    const got = await getJson(
      d,
      req,
      providerEndpoint(req.baseUrl, path, d.now()),
      info.displayName,
      rule,
    );
    return depleted ? { depleted } : got;
  }

  async function balance(req: ProviderRequest): Promise<Result<Snapshot, ProviderError>> {
    if (req.baseUrl.trim() === '')
      return err({
        kind: 'config',
        status: null,
        message:
          "A relay account needs its base URL (the relay's address, e.g. https://relay.example.com).",
        retryAfterMs: null,
        at: d.now(),
      });
    const sub = await get(req, '/v1/dashboard/billing/subscription');
    if ('depleted' in sub) return ok(sub.depleted);
    if (!sub.ok) return sub.error.status === 404 ? tokenUsage(req) : sub;
    const hard = parseSubscription(sub.value.json, sub.value.ctx);
    if (!hard.ok) return hard;
    if (hard.value === 'unlimited')
      return ok({ at: sub.value.ctx.at, available: true, rows: [], unlimited: true });
    const now = d.now();
    const usage = await get(
      req,
      `/v1/dashboard/billing/usage?start_date=${day(now - 99 * 86_400_000)}&end_date=${day(now + 86_400_000)}`,
    );
    if ('depleted' in usage) return ok(usage.depleted);
    if (!usage.ok) return usage;
    return parseUsage(usage.value.json, hard.value, usage.value.ctx);
  }

  async function tokenUsage(req: ProviderRequest): Promise<Result<Snapshot, ProviderError>> {
    const token = await get(req, '/api/usage/token/');
    if ('depleted' in token) return ok(token.depleted);
    if (!token.ok) return token;
    const status = await get(req, '/api/status');
    const perUnit =
      'depleted' in status || !status.ok
        ? DEFAULT_QUOTA_PER_UNIT
        : parseQuotaPerUnit(status.value.json);
    return parseTokenUsage(token.value.json, perUnit, token.value.ctx);
  }

  return verifiedByReading('relay', (k) => keyShapeWarning(k, info.displayName, /^sk-[A-Za-z0-9]{20,}$/, 'sk-'), balance);
}
