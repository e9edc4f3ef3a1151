/**
 * The OpenRouter client: GET /api/v1/key for the key's cap and usage, and GET
 * /api/v1/credits for the account's credit when the key may read it (a management key, or
 * an ordinary key without a cap, which usually gets a 403). A base URL pasted as
 * `https://openrouter.ai/api/v1` reaches the same paths.
 */
import type { ProviderError, Snapshot } from '../../../../shared/model';
import { PROVIDERS } from '../../../../shared/providers';
import { err, ok, type Result } from '../../../../shared/result';
import { minAmount } from '../amounts';
import { type ProviderDeps, getJson, jsonGetDeps } from '../json-get';
import { keyShapeWarning } from '../key-shape';
import type { Provider, ProviderRequest } from '../provider';
import { providerEndpoint } from '../provider-url';
import { managementKeyNeeded, parseOpenRouterCredits, parseOpenRouterKey } from './parse';

const API_PREFIX = ['/api'];

/** Builds the OpenRouter provider over an injected Http. */
export function createOpenRouterProvider(deps: ProviderDeps): Provider {
  const d = jsonGetDeps(deps);
  const info = PROVIDERS.openrouter;
  const url = (req: ProviderRequest, path: string) =>
    providerEndpoint(req.baseUrl, path, d.now(), API_PREFIX);

  async function balance(req: ProviderRequest): Promise<Result<Snapshot, ProviderError>> {
    const got = await getJson(d, req, url(req, '/api/v1/key'), info.displayName);
    if (!got.ok) return got;
    const key = parseOpenRouterKey(got.value.json, got.value.ctx);
    if (!key.ok) return key;
    const { ctx } = got.value;
    let account: string | null = null;
    if (key.value.management || key.value.limit === null) {
      const credits = await getJson(d, req, url(req, '/api/v1/credits'), info.displayName);
      if (credits.ok) {
        const c = parseOpenRouterCredits(credits.value.json, credits.value.ctx);
        if (!c.ok) return c;
        account = c.value;
      } else if (key.value.management || credits.error.status !== 403) {
        return credits;
      }
    }
    const cap = key.value.limitRemaining;
    if (account === null && cap === null) return err(managementKeyNeeded(ctx, key.value));
    const facts = [...key.value.facts];
    if (account !== null) facts.push({ id: 'account-remaining', currency: 'USD', amount: account });
    if (cap !== null) facts.push({ id: 'key-limit-remaining', currency: 'USD', amount: cap });
    const total = account !== null && cap !== null ? minAmount(cap, account) : (account ?? cap)!;
    return ok({
      at: ctx.at,
      available: true,
      rows: [{ currency: 'USD', total, granted: '0.00', toppedUp: total }],
      facts,
    });
  }

  return {
    id: 'openrouter',
    info,
    checkKeyShape: (k) => keyShapeWarning(k, info.displayName, /^sk-or-v1-[0-9a-f]{64}$/, 'sk-or-'),
    fetchBalance: balance,
    async verifyKey(req) {
      const got = await getJson(d, req, url(req, '/api/v1/key'), info.displayName);
      if (!got.ok) return got;
      const key = parseOpenRouterKey(got.value.json, got.value.ctx);
      return key.ok ? ok(undefined) : key;
    },
  };
}
