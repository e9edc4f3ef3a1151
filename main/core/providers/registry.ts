/**
 * Every provider by id, built once from the same ports, so the poller, CLI and IPC handlers
 * look a provider up instead of each wiring its own.
 */
import type { ProviderId } from '../../../shared/model';
import type { Http } from '../ports';
import { createCustomProvider } from './custom/client';
import { createDeepSeekProvider } from './deepseek';
import { createDemoProvider } from './demo';
import { createMoonshotProvider } from './moonshot/client';
import { createNovitaProvider } from './novita/client';
import { createOpenRouterProvider } from './openrouter/client';
import type { Provider } from './provider';
import { createRelayProvider } from './relay/client';
import { createSiliconflowProvider } from './siliconflow/client';
import { createStepfunProvider } from './stepfun/client';

/** Builds the provider table; the demo account's clock starts now. */
export function createProviders(deps: {
  http: Http;
  now: () => number;
}): Record<ProviderId, Provider> {
  return {
    deepseek: createDeepSeekProvider({ http: deps.http, now: deps.now }),
    demo: createDemoProvider({ now: deps.now }),
    moonshot: createMoonshotProvider(deps),
    openrouter: createOpenRouterProvider(deps),
    siliconflow: createSiliconflowProvider(deps),
    stepfun: createStepfunProvider(deps),
    novita: createNovitaProvider(deps),
    relay: createRelayProvider(deps),
    custom: createCustomProvider(deps),
  };
}
