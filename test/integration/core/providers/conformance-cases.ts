/**
 * One row per HTTP balance provider for the conformance suite: how to build it, where its
 * balance lives, and the real bodies (provider-bodies.ts) for a healthy, a depleted and a
 * refused-key answer.
 */
import type { Http } from '../../../../main/core/ports';
import type { Provider } from '../../../../main/core/providers/provider';
import { createCustomProvider } from '../../../../main/core/providers/custom/client';
import type { CustomEndpoint } from '../../../../shared/custom-endpoint';
import { createMoonshotProvider } from '../../../../main/core/providers/moonshot/client';
import { createNovitaProvider } from '../../../../main/core/providers/novita/client';
import { createOpenRouterProvider } from '../../../../main/core/providers/openrouter/client';
import { createRelayProvider } from '../../../../main/core/providers/relay/client';
import { createSiliconflowProvider } from '../../../../main/core/providers/siliconflow/client';
import { createStepfunProvider } from '../../../../main/core/providers/stepfun/client';
import type { BalanceRow, Level, ProviderId } from '../../../../shared/model';
import { json, type Reply } from '../../../fakes/provider-server';
import {
  CUSTOM,
  MOONSHOT,
  NOVITA,
  OPENROUTER,
  RELAY,
  SILICONFLOW,
  STEPFUN,
} from '../../../fakes/provider-bodies';

export const TEST_KEY = 'sk-conformance0123456789abcdefABCDEF012345';
export const OPENROUTER_KEY = `sk-or-v1-${'0123456789abcdef'.repeat(4)}`;

export interface ConformanceCase {
  id: ProviderId;
  create(deps: { http: Http; timeoutMs: number; now: () => number }): Provider;
  key: string;
  /** The path errors are scripted on (the first request a balance check makes). */
  firstPath: string;
  /** What users paste after the origin (their SDK's base URL). */
  pastedSuffix: string;
  healthy: Record<string, Reply>;
  healthyRows: BalanceRow[];
  /** The level the healthy body gives with default thresholds (StepFun's documented ¥13.77 is below ¥20: low). */
  healthyLevel?: Level;
  depleted: Record<string, Reply>;
  /** The provider's real refused-key answer. */
  auth: Reply;
  wrongShape: unknown;
  /** The custom provider's mapping (every other provider knows its own endpoint). */
  custom?: CustomEndpoint;
}

const USD = (total: string, granted = '0.00', toppedUp = total): BalanceRow => ({
  currency: 'USD',
  total,
  granted,
  toppedUp,
});

export const CASES: ConformanceCase[] = [
  {
    id: 'moonshot',
    create: createMoonshotProvider,
    key: TEST_KEY,
    firstPath: '/v1/users/me/balance',
    pastedSuffix: '/v1',
    healthy: { '/v1/users/me/balance': json(MOONSHOT.healthy) },
    healthyRows: [{ currency: 'CNY', total: '49.58894', granted: '46.58893', toppedUp: '3.00001' }],
    depleted: { '/v1/users/me/balance': json(MOONSHOT.depleted) },
    auth: { kind: 'status', status: 401, body: MOONSHOT.auth },
    wrongShape: MOONSHOT.wrongShape,
  },
  {
    id: 'openrouter',
    create: createOpenRouterProvider,
    key: OPENROUTER_KEY,
    firstPath: '/api/v1/key',
    pastedSuffix: '/api/v1',
    healthy: { '/api/v1/key': json(OPENROUTER.limited) },
    healthyRows: [USD('74.50')],
    depleted: { '/api/v1/key': json(OPENROUTER.capSpent) },
    auth: { kind: 'status', status: 401, body: OPENROUTER.auth },
    wrongShape: OPENROUTER.wrongShape,
  },
  {
    id: 'siliconflow',
    create: createSiliconflowProvider,
    key: TEST_KEY,
    firstPath: '/v1/user/info',
    pastedSuffix: '/v1',
    healthy: { '/v1/user/info': json(SILICONFLOW.healthy) },
    healthyRows: [{ currency: 'CNY', total: '88.88', granted: '0.88', toppedUp: '88.00' }],
    depleted: { '/v1/user/info': json(SILICONFLOW.depleted) },
    auth: { kind: 'status', status: 401, body: SILICONFLOW.auth },
    wrongShape: SILICONFLOW.wrongShape,
  },
  {
    id: 'stepfun',
    create: createStepfunProvider,
    key: TEST_KEY,
    firstPath: '/v1/accounts',
    pastedSuffix: '/v1',
    healthy: { '/v1/accounts': json(STEPFUN.healthy) },
    healthyRows: [{ currency: 'CNY', total: '13.77', granted: '0.00', toppedUp: '13.77' }],
    healthyLevel: 'low',
    depleted: { '/v1/accounts': json(STEPFUN.depleted) },
    auth: { kind: 'status', status: 401, body: STEPFUN.auth },
    wrongShape: STEPFUN.wrongShape,
  },
  {
    id: 'novita',
    create: createNovitaProvider,
    key: TEST_KEY,
    firstPath: '/openapi/v1/billing/balance/detail',
    pastedSuffix: '/v3/openai',
    healthy: { '/openapi/v1/billing/balance/detail': json(NOVITA.healthy) },
    healthyRows: [USD('100.00', '0.00', '80.00')],
    depleted: { '/openapi/v1/billing/balance/detail': json(NOVITA.depleted) },
    auth: { kind: 'status', status: 401, body: NOVITA.auth },
    wrongShape: NOVITA.wrongShape,
  },
  {
    id: 'relay',
    create: createRelayProvider,
    key: TEST_KEY,
    firstPath: '/v1/dashboard/billing/subscription',
    pastedSuffix: '/v1',
    healthy: {
      '/v1/dashboard/billing/subscription': json(RELAY.subscription),
      '/v1/dashboard/billing/usage': json(RELAY.usage),
    },
    healthyRows: [USD('19.00')],
    depleted: {
      '/v1/dashboard/billing/subscription': json(RELAY.subscription),
      '/v1/dashboard/billing/usage': json(RELAY.usageAll),
    },
    auth: { kind: 'status', status: 401, body: RELAY.invalid },
    wrongShape: RELAY.wrongShape,
  },
  {
    id: 'custom',
    create: createCustomProvider,
    key: TEST_KEY,
    firstPath: '/api/account/balance',
    pastedSuffix: '',
    custom: {
      path: '/api/account/balance?detail=1',
      keyPlacement: 'bearer',
      balance: 'data.balance',
      currencyPath: 'data.currency',
      granted: 'data.gift_balance',
    },
    healthy: { '/api/account/balance': json(CUSTOM.nested) },
    healthyRows: [USD('12.3456', '2.00', '10.3456')],
    depleted: { '/api/account/balance': json(CUSTOM.nestedEmpty) },
    auth: { kind: 'status', status: 401, body: CUSTOM.refused },
    wrongShape: CUSTOM.wrongShape,
  },
];
