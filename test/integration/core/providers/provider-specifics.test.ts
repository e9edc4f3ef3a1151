/**
 * Each provider's own traps, against the same fake and real bodies as the conformance
 * suite: Moonshot's debt and 429 types, OpenRouter's unknown balance, SiliconFlow's retired
 * China endpoint, StepFun's ambiguous totals, Novita's 1/10000 units, a relay's errors in
 * HTTP 200 and its fallback route.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../../main/core/http-node';
import { createMoonshotProvider } from '../../../../main/core/providers/moonshot/client';
import { createNovitaProvider } from '../../../../main/core/providers/novita/client';
import { createOpenRouterProvider } from '../../../../main/core/providers/openrouter/client';
import { createRelayProvider } from '../../../../main/core/providers/relay/client';
import { createSiliconflowProvider } from '../../../../main/core/providers/siliconflow/client';
import { createStepfunProvider } from '../../../../main/core/providers/stepfun/client';
import type { ProviderError, Snapshot } from '../../../../shared/model';
import type { Result } from '../../../../shared/result';
import { json, startFakeProvider, type FakeProvider } from '../../../fakes/provider-server';
import {
  MOONSHOT,
  NOVITA,
  OPENROUTER,
  RELAY,
  SILICONFLOW,
  STEPFUN,
} from '../../../fakes/provider-bodies';
import { OPENROUTER_KEY, TEST_KEY } from './conformance-cases';

const deps = { http: createNodeHttp(), timeoutMs: 2000, now: () => 1_800_000_000_000 };
let fake: FakeProvider;
const snap = (r: Result<Snapshot, ProviderError>) => {
  if (!r.ok) throw new Error(`expected a snapshot, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
};
const fail = (r: Result<unknown, ProviderError>) => {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
};
beforeAll(async () => {
  fake = await startFakeProvider();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe('Moonshot', () => {
  const p = createMoonshotProvider(deps);
  const get = () => p.fetchBalance({ key: TEST_KEY, baseUrl: fake.url });
  const path = '/v1/users/me/balance';

  it('keeps a negative cash balance (debt) exactly, with available equal to the voucher', async () => {
    fake.route(path, json(MOONSHOT.debt));
    expect(snap(await get()).rows).toEqual([
      { currency: 'CNY', total: '5.50', granted: '5.50', toppedUp: '-12.34' },
    ]);
  });
  it('refuses a 200 unless code is 0 and status is true', async () => {
    fake.route(path, json(MOONSHOT.notOk));
    expect(fail(await get())).toMatchObject({ kind: 'bad-response' });
    fake.route(path, json(MOONSHOT.healthy.replace('"status":true', '"status":false')));
    expect(fail(await get()).message).toMatch(/status false/);
  });
  it('tells money, rate limits and overload apart among 429s by type', async () => {
    fake.route(path, { kind: 'status', status: 429, body: MOONSHOT.outOfMoney });
    expect(fail(await get()).kind).toBe('insufficient-balance');
    fake.route(path, { kind: 'status', status: 429, body: MOONSHOT.rateLimited });
    expect(fail(await get()).kind).toBe('rate-limit');
    fake.route(path, { kind: 'status', status: 429, body: MOONSHOT.overloaded });
    expect(fail(await get()).kind).toBe('server');
  });
});

describe('OpenRouter', () => {
  const p = createOpenRouterProvider(deps);
  const get = () => p.fetchBalance({ key: OPENROUTER_KEY, baseUrl: fake.url });

  it('treats /credits answering 200 with zeros to an ordinary key as unknown, never $0', async () => {
    fake.route('/api/v1/key', json(OPENROUTER.uncapped));
    fake.route('/api/v1/credits', json(OPENROUTER.creditsZeros));
    const e = fail(await get());
    expect(e.kind).toBe('config');
    expect(e.message).toMatch(/unknown \(not \$0\)/);
  });
  it('reads a management key (old is_provisioning_key name) from /credits, negative remaining kept', async () => {
    fake.route('/api/v1/key', json(OPENROUTER.management));
    fake.route('/api/v1/credits', json({ data: { total_credits: 10, total_usage: 12.5 } }));
    expect(snap(await get()).rows[0]).toMatchObject({ currency: 'USD', total: '-2.50' });
  });
  it('a management key whose /credits fails reports that failure instead of a balance', async () => {
    fake.route('/api/v1/key', json(OPENROUTER.management));
    fake.route('/api/v1/credits', { kind: 'status', status: 503 });
    expect(fail(await get()).kind).toBe('server');
  });
  it('records the key usage figures as facts next to the capped balance', async () => {
    fake.route('/api/v1/key', json(OPENROUTER.limited));
    expect(snap(await get()).facts).toContainEqual({
      id: 'usage-monthly',
      currency: 'USD',
      amount: '25.50',
    });
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/v1/key']);
  });
});

describe('SiliconFlow', () => {
  const p = createSiliconflowProvider(deps);
  const get = () => p.fetchBalance({ key: TEST_KEY, baseUrl: fake.url });
  const path = '/v1/user/info';

  it('says the balance is only in the console for code 20092 in a 200, and verifyKey still accepts the key', async () => {
    fake.route(path, json(SILICONFLOW.retired));
    expect(fail(await get()).message).toMatch(/only visible in SiliconFlow's console/);
    expect((await p.verifyKey({ key: TEST_KEY, baseUrl: fake.url })).ok).toBe(true);
  });
  it('marks an account whose status is not normal as unavailable, money kept', async () => {
    fake.route(path, json(SILICONFLOW.frozen));
    const s = snap(await get());
    expect(s).toMatchObject({ available: false, notice: { code: 'account-status' } });
    expect(s.rows[0]?.total).toBe('50.00');
  });
  it('classifies code 30001 bodies (no error key) as insufficient balance', async () => {
    fake.route(path, { kind: 'status', status: 403, body: SILICONFLOW.outOfMoney });
    expect(fail(await get()).kind).toBe('insufficient-balance');
  });
});

describe('StepFun and Novita', () => {
  it('StepFun: shows the two ambiguous totals only as facts, never as the split', async () => {
    fake.route('/v1/accounts', json(STEPFUN.oddTotals));
    const s = snap(
      await createStepfunProvider(deps).fetchBalance({ key: TEST_KEY, baseUrl: fake.url }),
    );
    expect(s.rows).toEqual([{ currency: 'CNY', total: '150.00', granted: '0.00', toppedUp: '150.00' }]);
    expect(s.facts).toEqual([
      { id: 'lifetime-top-ups', currency: 'CNY', amount: '200.00' },
      { id: 'lifetime-gifts', currency: 'CNY', amount: '50.00' },
    ]);
  });
  it('Novita: divides 1/10000 USD exactly and keeps what is owed as a fact', async () => {
    fake.route('/openapi/v1/billing/balance/detail', json(NOVITA.depleted));
    const s = snap(
      await createNovitaProvider(deps).fetchBalance({
        key: TEST_KEY,
        baseUrl: `${fake.url}/openapi/v1`,
      }),
    );
    expect(s.rows[0]?.total).toBe('0.00');
    expect(s.facts).toContainEqual({ id: 'outstanding-invoices', currency: 'USD', amount: '0.25' });
  });
});

describe('one-api / new-api relay', () => {
  const p = createRelayProvider(deps);
  const get = () => p.fetchBalance({ key: TEST_KEY, baseUrl: `${fake.url}/v1` });
  const sub = '/v1/dashboard/billing/subscription';

  it('falls back to /api/usage/token/ when the billing route is missing, using /api/status quota_per_unit', async () => {
    fake.route('/api/usage/token/', json(RELAY.tokenUsage));
    fake.route('/api/status', json({ ...RELAY.status, data: { quota_per_unit: 1_000_000 } }));
    const s = snap(await get());
    expect(s.rows[0]).toMatchObject({ currency: 'USD', total: '9.50' });
    expect(fake.requests.map((r) => r.path)).toEqual([sub, '/api/usage/token/', '/api/status']);
  });
  it('uses the default 500000 units per dollar when /api/status does not say', async () => {
    fake.route('/api/usage/token/', json(RELAY.tokenUsage));
    expect(snap(await get()).rows[0]?.total).toBe('19.00');
  });
  it('treats invalid and expired keys in a 200 as auth, not as a bad response', async () => {
    for (const body of [RELAY.invalid, RELAY.expired]) {
      fake.route(sub, json(body));
      expect(fail(await get()).kind).toBe('auth');
    }
  });
  it('reports the user quota used up (403 insufficient_user_quota) as a depleted reading', async () => {
    fake.route(sub, { kind: 'status', status: 403, body: RELAY.userQuota });
    const s = snap(await get());
    expect(s.rows[0]?.total).toBe('0.00');
    expect(s.notice?.code).toBe('user-quota-exhausted');
  });
  it('sends the usage query with dates and keeps a path prefix of the relay', async () => {
    fake.route('/relay/v1/dashboard/billing/subscription', json(RELAY.subscription));
    fake.route('/relay/v1/dashboard/billing/usage', json(RELAY.usage));
    snap(await p.fetchBalance({ key: TEST_KEY, baseUrl: `${fake.url}/relay/v1` }));
    expect(fake.requests[1]?.query).toMatch(
      /^start_date=\d{4}-\d{2}-\d{2}&end_date=\d{4}-\d{2}-\d{2}$/,
    );
  });
});
