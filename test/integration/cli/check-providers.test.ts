/**
 * `creditray check --provider <id>` through the real CLI child process against each
 * provider's fake: the JSON contract and exit codes for the new providers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { json, startFakeProvider, type FakeProvider } from '../../fakes/provider-server';
import { MOONSHOT, NOVITA, OPENROUTER, RELAY, SILICONFLOW } from '../../fakes/provider-bodies';

const KEY = 'sk-clitest0123456789abcdefABCDEF0123456789';
const OR_KEY = `sk-or-v1-${'0123456789abcdef'.repeat(4)}`;
const env = { K: KEY, OR: OR_KEY };
let fake: FakeProvider;
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-cli-prov-'));
const check = (provider: string, keyEnv = 'K', base = fake.url) =>
  runCli(['check', '--provider', provider, '--key-env', keyEnv, '--base-url', base, '--json'], {
    env,
    dataDir: dataDir(),
  });
const account = (stdout: string) => JSON.parse(stdout).accounts[0];

beforeAll(async () => {
  fake = await startFakeProvider();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe('creditray check --provider (new providers, real CLI)', () => {
  it('moonshot: prints the exact JSON-number amounts and exits 0', async () => {
    fake.route('/v1/users/me/balance', json(MOONSHOT.healthy));
    const r = await check('moonshot', 'K', `${fake.url}/v1`);
    expect(r.code).toBe(0);
    expect(account(r.stdout)).toMatchObject({
      provider: 'moonshot',
      state: 'healthy',
      headline: { currency: 'CNY', total: '49.58894' },
      balances: [{ currency: 'CNY', total: '49.58894', granted: '46.58893', toppedUp: '3.00001' }],
      error: null,
    });
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('moonshot: a refused key exits 3 and says keys are region-bound', async () => {
    fake.route('/v1/users/me/balance', { kind: 'status', status: 401, body: MOONSHOT.auth });
    const r = await check('moonshot');
    expect(r.code).toBe(3);
    const a = account(r.stdout);
    expect(a.error.kind).toBe('auth');
    expect(a.error.message).toMatch(/region/);
  });

  it('openrouter: an ordinary key without a limit is unknown (exit 3, never $0), its usage still shown', async () => {
    fake.route('/api/v1/key', json(OPENROUTER.uncapped));
    fake.route('/api/v1/credits', {
      kind: 'status',
      status: 403,
      body: OPENROUTER.creditsForbidden,
    });
    const r = await check('openrouter', 'OR', `${fake.url}/api/v1`);
    expect(r.code).toBe(3);
    const a = account(r.stdout);
    expect(a).toMatchObject({ state: 'error', headline: null, balances: [] });
    expect(a.error.kind).toBe('config');
    expect(a.error.message).toMatch(/management key/);
    expect(a.error.message).toContain('monthly $3.1416');
  });

  it('openrouter: a management key headlines the smaller of key limit and account credit', async () => {
    fake.route(
      '/api/v1/key',
      json({ data: { ...OPENROUTER.limited.data, is_management_key: true } }),
    );
    fake.route('/api/v1/credits', json(OPENROUTER.credits));
    const r = await check('openrouter', 'OR');
    expect(r.code).toBe(0);
    const a = account(r.stdout);
    expect(a.headline).toEqual({ currency: 'USD', total: '74.50' });
    expect(a.facts).toContainEqual({ id: 'account-remaining', currency: 'USD', amount: '74.75' });
  });

  it('relay: an unlimited key is healthy with no headline and says unlimited', async () => {
    fake.route('/v1/dashboard/billing/subscription', json(RELAY.unlimited));
    const r = await check('relay');
    expect(r.code).toBe(0);
    expect(account(r.stdout)).toMatchObject({
      state: 'healthy',
      headline: null,
      unlimited: true,
      error: null,
    });
  });

  it('relay: the text output says unlimited instead of an amount', async () => {
    fake.route('/v1/dashboard/billing/subscription', json(RELAY.unlimited));
    const r = await runCli(
      ['check', '--provider', 'relay', '--key-env', 'K', '--base-url', fake.url],
      {
        env: { ...env, LANG: 'en_US.UTF-8' },
        dataDir: dataDir(),
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/unlimited|不限额/);
  });

  it('relay: an exhausted key (HTTP 200 error object) exits 2 with key-limit-reached', async () => {
    fake.route('/v1/dashboard/billing/subscription', json(RELAY.exhausted));
    const r = await check('relay');
    expect(r.code).toBe(2);
    expect(account(r.stdout)).toMatchObject({
      state: 'depleted',
      notice: { code: 'key-limit-reached' },
    });
  });

  it('relay: refuses to run without --base-url (usage error 64)', async () => {
    const r = await runCli(['check', '--provider', 'relay', '--key-env', 'K', '--json'], {
      env,
      dataDir: dataDir(),
    });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--base-url/);
  });

  it('siliconflow: the retired China endpoint exits 3 and points to the console', async () => {
    fake.route('/v1/user/info', { kind: 'status', status: 410, body: SILICONFLOW.retired });
    const r = await check('siliconflow');
    expect(r.code).toBe(3);
    expect(account(r.stdout).error.message).toMatch(/console/);
  });

  it('novita: 1/10000 USD strings are divided exactly; a depleted account exits 2', async () => {
    fake.route('/openapi/v1/billing/balance/detail', json(NOVITA.odd));
    const odd = await check('novita');
    expect(account(odd.stdout).headline).toEqual({ currency: 'USD', total: '1.2345' });
    fake.route('/openapi/v1/billing/balance/detail', json(NOVITA.depleted));
    expect((await check('novita')).code).toBe(2);
  });
});
