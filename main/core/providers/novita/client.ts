/**
 * The Novita client: GET /openapi/v1/billing/balance/detail on api.novita.ai. A base URL
 * pasted as the OpenAI-compatible one (`https://api.novita.ai/v3/openai`, `/openai/v1`)
 * reaches the same path; the shared transport and url policy apply.
 */
import { PROVIDERS } from '../../../../shared/providers';
import { type ProviderDeps, getJson, jsonGetDeps } from '../json-get';
import { keyShapeWarning } from '../key-shape';
import { verifiedByReading, type Provider, type ProviderRequest } from '../provider';
import { providerEndpoint } from '../provider-url';
import { parseNovitaBalance } from './parse';

const API_PREFIXES = ['/v3/openai', '/openai', '/openapi', '/v3'];

/** Builds the Novita provider over an injected Http. */
export function createNovitaProvider(deps: ProviderDeps): Provider {
  const d = jsonGetDeps(deps);
  const info = PROVIDERS.novita;
  const balance = async (req: ProviderRequest) => {
    const url = providerEndpoint(
      req.baseUrl,
      '/openapi/v1/billing/balance/detail',
      d.now(),
      API_PREFIXES,
    );
    const got = await getJson(d, req, url, info.displayName);
    return got.ok ? parseNovitaBalance(got.value.json, got.value.ctx) : got;
  };
  return verifiedByReading('novita', (k) => keyShapeWarning(k, info.displayName, null, null), balance);
}
