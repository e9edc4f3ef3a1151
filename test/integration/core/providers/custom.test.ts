/**
 * The custom provider over real HTTP against a fake on 127.0.0.1: the key goes where the
 * mapping says and nowhere else, the query is kept, the path never leaves the origin, and
 * what the service answers is read or explained through the mapping.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../../main/core/http-node';
import { createCustomProvider, customUrl } from '../../../../main/core/providers/custom/client';
import type { CustomEndpoint } from '../../../../shared/custom-endpoint';
import { CUSTOM } from '../../../fakes/provider-bodies';
import { json, startFakeProvider, type FakeProvider } from '../../../fakes/provider-server';
import { failure, value } from '../../../unit/core/providers/parse-helpers';

const KEY = 'gw-0123456789abcdefABCDEF0123456789';
const provider = createCustomProvider({ http: createNodeHttp(), timeoutMs: 400, now: () => 5 });
const mapping = (m: Partial<CustomEndpoint> = {}): CustomEndpoint => ({
  path: '/api/balance?fmt=json',
  keyPlacement: 'bearer',
  balance: 'data.balance',
  currencyPath: 'data.currency',
  ...m,
});
let fake: FakeProvider;
let other: FakeProvider;
const fetch = (m: CustomEndpoint | undefined = mapping(), baseUrl = fake.url) =>
  provider.fetchBalance({ key: KEY, baseUrl, custom: m });
const snap = value;
const fail = failure;

beforeAll(async () => {
  fake = await startFakeProvider();
  other = await startFakeProvider();
});
beforeEach(() => {
  fake.reset({ '/api/balance': json(CUSTOM.nested) });
  other.reset();
});
afterAll(async () => {
  await fake.close();
  await other.close();
});

describe('custom endpoint: where the key goes', () => {
  it('sends "Authorization: Bearer KEY" by default, with the query as given', async () => {
    expect(snap(await fetch()).rows[0]).toMatchObject({ currency: 'USD', total: '12.3456' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ path: '/api/balance', query: 'fmt=json', authorization: `Bearer ${KEY}` });
  });

  it('sends the bare key in Authorization when told to (raw)', async () => {
    snap(await fetch(mapping({ keyPlacement: 'raw' })));
    expect(fake.requests[0]?.authorization).toBe(KEY);
  });

  it('sends the key only in the named header, with no Authorization at all', async () => {
    snap(await fetch(mapping({ keyPlacement: 'header', keyHeader: 'X-Api-Key' })));
    expect(fake.requests[0]?.headers['x-api-key']).toBe(KEY);
    expect(fake.requests[0]?.authorization).toBeNull();
  });

  it('never follows a redirect to another origin with the key', async () => {
    fake.route('/api/balance', { kind: 'redirect', location: `${other.url}/api/balance` });
    expect(fail(await fetch()).kind).toBe('config');
    expect(other.requests).toHaveLength(0);
  });

  it('refuses plain http off loopback before anything is sent', async () => {
    const e = fail(await fetch(mapping(), 'http://gw.example.com'));
    expect(e.kind).toBe('config');
    expect(e.message).toMatch(/https/);
  });

  it('refuses a path that would leave the origin (a hand-edited settings file)', () => {
    for (const path of ['//evil.example/x', 'https://evil.example/x', 'relative/path']) {
      const r = customUrl(fake.url, mapping({ path }), 1);
      expect(r.ok ? r.value : r.error.message).toMatch(/must stay on http:\/\/127\.0\.0\.1/);
    }
    expect(customUrl(`${fake.url}/v1/`, mapping({ path: '/a/../b?x=1' }), 1)).toEqual({
      ok: true,
      value: `${fake.url}/b?x=1`,
    });
  });

  it('says what is missing when an account has no mapping', async () => {
    const e = fail(await provider.fetchBalance({ key: KEY, baseUrl: fake.url }));
    expect(e.kind).toBe('config');
    expect(e.message).toMatch(/no endpoint description/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('custom endpoint: what the answer means', () => {
  it('verifies a key by reading the balance once', async () => {
    expect(await provider.verifyKey({ key: KEY, baseUrl: fake.url, custom: mapping() })).toEqual({ ok: true, value: undefined });
    fake.route('/api/balance', { kind: 'status', status: 401, body: CUSTOM.refused });
    expect(fail(await provider.verifyKey({ key: KEY, baseUrl: fake.url, custom: mapping() })).kind).toBe('auth');
  });

  it('names the service by its host in what it said', async () => {
    fake.route('/api/balance', { kind: 'status', status: 403, body: { error: { message: 'account suspended' } } });
    const e = fail(await fetch());
    expect(e.message).toContain(`${new URL(fake.url).host} said: "account suspended"`);
  });

  it('reads an error object inside a 200 as the error it is, not as a missing balance', async () => {
    fake.route('/api/balance', json({ error: { message: 'token expired', type: 'authentication_error' } }));
    const e = fail(await fetch());
    expect(e.message).toContain('token expired');
    expect(e.message).not.toMatch(/balance path/);
  });

  it('explains a mapping that does not fit the answer, listing the members that are there', async () => {
    const e = fail(await fetch(mapping({ balance: 'data.credits' })));
    expect(e.kind).toBe('bad-response');
    expect(e.message).toMatch(/nothing at data\.credits.*it has: balance, gift_balance, currency, email/);
  });

  it('reads a 402 as insufficient balance, as for every provider', async () => {
    fake.route('/api/balance', { kind: 'status', status: 402, body: { error: { message: 'Insufficient Balance' } } });
    expect(fail(await fetch()).kind).toBe('insufficient-balance');
  });
});
