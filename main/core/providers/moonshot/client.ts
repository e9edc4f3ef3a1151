/**
 * The Moonshot / Kimi client: GET /v1/users/me/balance on api.moonshot.cn (CNY) or
 * api.moonshot.ai (USD) with the account's key; the shared transport and url policy apply.
 */
import { PROVIDERS } from '../../../../shared/providers';
import { type ProviderDeps, getJson, jsonGetDeps } from '../json-get';
import { verifiedByReading, type Provider } from '../provider';
import { providerEndpoint } from '../provider-url';
import { classifyMoonshot, parseMoonshotBalance } from './parse';
import { keyShapeWarning } from '../key-shape';

/** Builds the Moonshot provider over an injected Http. */
export function createMoonshotProvider(deps: ProviderDeps): Provider {
  const d = jsonGetDeps(deps);
  const info = PROVIDERS.moonshot;
  const balance = async (req: { key: string; baseUrl: string; signal?: AbortSignal }) => {
    const url = providerEndpoint(req.baseUrl, '/v1/users/me/balance', d.now());
    const got = await getJson(d, req, url, info.displayName, classifyMoonshot);
    return got.ok ? parseMoonshotBalance(got.value.json, got.value.ctx) : got;
  };
  return verifiedByReading('moonshot', (key) => keyShapeWarning(key, info.displayName, /^sk-[A-Za-z0-9]{20,}$/, 'sk-'), balance);
}
