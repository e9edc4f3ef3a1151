/** The StepFun client: GET /v1/accounts on api.stepfun.com; the shared transport and url policy apply. */
import { PROVIDERS } from '../../../../shared/providers';
import { type ProviderDeps, getJson, jsonGetDeps } from '../json-get';
import { keyShapeWarning } from '../key-shape';
import { verifiedByReading, type Provider, type ProviderRequest } from '../provider';
import { providerEndpoint } from '../provider-url';
import { parseStepfunAccount } from './parse';

/** Builds the StepFun provider over an injected Http. */
export function createStepfunProvider(deps: ProviderDeps): Provider {
  const d = jsonGetDeps(deps);
  const info = PROVIDERS.stepfun;
  const balance = async (req: ProviderRequest) => {
    const got = await getJson(
      d,
      req,
      providerEndpoint(req.baseUrl, '/v1/accounts', d.now()),
      info.displayName,
    );
    return got.ok ? parseStepfunAccount(got.value.json, got.value.ctx) : got;
  };
  // StepFun's key format is not documented: only empty and padded keys are flagged.
  return verifiedByReading('stepfun', (k) => keyShapeWarning(k, info.displayName, null, null), balance);
}
