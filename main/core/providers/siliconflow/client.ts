/**
 * The SiliconFlow client: GET /v1/user/info on api.siliconflow.cn (CNY) or
 * api.siliconflow.com (USD); the shared transport and url policy apply.
 */
import { PROVIDERS } from '../../../../shared/providers';
import { ok } from '../../../../shared/result';
import { type ProviderDeps, getJson, jsonGetDeps } from '../json-get';
import { keyShapeWarning } from '../key-shape';
import type { Provider, ProviderRequest } from '../provider';
import { providerEndpoint } from '../provider-url';
import { classifySiliconflow, parseSiliconflowInfo } from './parse';

/** Builds the SiliconFlow provider over an injected Http. */
export function createSiliconflowProvider(deps: ProviderDeps): Provider {
  const d = jsonGetDeps(deps);
  const info = PROVIDERS.siliconflow;
  const balance = async (req: ProviderRequest) => {
    const got = await getJson(
      d,
      req,
      providerEndpoint(req.baseUrl, '/v1/user/info', d.now()),
      info.displayName,
      classifySiliconflow,
    );
    return got.ok ? parseSiliconflowInfo(got.value.json, got.value.ctx) : got;
  };
  return {
    id: 'siliconflow',
    info,
    checkKeyShape: (k) => keyShapeWarning(k, info.displayName, /^sk-[a-z]{48}$/, 'sk-'),
    fetchBalance: balance,
    async verifyKey(req) {
      const r = await balance(req);
      // The retired China endpoint says nothing about the key; only a refusal does.
      if (r.ok || (r.error.kind === 'request' && r.error.message.includes('console')))
        return ok(undefined);
      return r;
    },
  };
}
