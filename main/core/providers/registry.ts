/**
 * Every provider by id, built once from the same ports, so the poller, CLI and IPC handlers
 * look a provider up instead of each wiring its own.
 */
import type { ProviderId } from '../../../shared/model';
import type { Http } from '../ports';
import { createDeepSeekProvider } from './deepseek';
import { createDemoProvider } from './demo';
import type { Provider } from './provider';

/** Builds the provider table; the demo account's clock starts now. */
export function createProviders(deps: { http: Http; now: () => number }): Record<ProviderId, Provider> {
  return {
    deepseek: createDeepSeekProvider({ http: deps.http, now: deps.now }),
    demo: createDemoProvider({ now: deps.now }),
  };
}
