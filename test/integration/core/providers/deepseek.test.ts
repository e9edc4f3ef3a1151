import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../../main/core/http-node';
import { createDeepSeekProvider } from '../../../../main/core/providers/deepseek';
import type { ProviderError, Snapshot } from '../../../../shared/model';
import type { Result } from '../../../../shared/result';
import { cnyRow, FAKE_DEEPSEEK_KEY, startFakeDeepSeek, ZERO_USD_ROW, type FakeDeepSeek } from '../../../fakes/deepseek-server';

let ds: FakeDeepSeek;
const http = createNodeHttp();
const provider = createDeepSeekProvider({ http, now: () => 1_700_000_000_000 });
const fetchBalance = (over: { key?: string; baseUrl?: string; signal?: AbortSignal } = {}) =>
  provider.fetchBalance({ key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url, ...over });

function value(r: Result<Snapshot, ProviderError>): Snapshot {
  if (!r.ok) throw new Error(`expected a snapshot, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}
function failure<T>(r: Result<T, ProviderError>): ProviderError {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterEach(() => ds.reset());
afterAll(() => ds.close());

describe('DeepSeek fetchBalance: readings', () => {
  it('reads string amounts, keeps the server text, and sends the key as a Bearer header', async () => {
    const snap = value(await fetchBalance());
    expect(snap).toEqual({
      at: 1_700_000_000_000,
      available: true,
      rows: [
        { currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' },
        { currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' },
      ],
    });
    expect(ds.requests).toHaveLength(1);
    expect(ds.requests[0]).toMatchObject({ path: '/user/balance', authorization: `Bearer ${FAKE_DEEPSEEK_KEY}` });
  });

  it('reads number amounts as canonical decimal strings', async () => {
    ds.setBalanceBody({ is_available: true, balance_infos: [{ currency: 'CNY', total_balance: 12.5, granted_balance: 0, topped_up_balance: 12.5 }] });
    expect(value(await fetchBalance()).rows).toEqual([{ currency: 'CNY', total: '12.50', granted: '0.00', toppedUp: '12.50' }]);
  });

  it('sorts rows by currency whatever order the server sends them in', async () => {
    const usdFunded = { currency: 'USD', total_balance: '3.00', granted_balance: '0.00', topped_up_balance: '3.00' };
    for (const order of ['fixed', 'reversed', 'random', 'random', 'random'] as const) {
      ds.setBalance({ rows: [usdFunded, cnyRow('20.00')] });
      ds.setRowOrder(order);
      expect(value(await fetchBalance()).rows.map((r) => r.currency)).toEqual(['CNY', 'USD']);
    }
  });

  it('keeps a funded CNY row when the USD row is all zeros, in either order', async () => {
    for (const rows of [[cnyRow('7.77'), ZERO_USD_ROW], [ZERO_USD_ROW, cnyRow('7.77')]]) {
      ds.setBalance({ rows });
      const snap = value(await fetchBalance());
      expect(snap.rows.find((r) => r.currency === 'CNY')?.total).toBe('7.77');
      expect(snap.rows).toHaveLength(2);
    }
  });

  it('treats empty balance_infos as zero, not an error', async () => {
    ds.setBalance({ rows: [], available: false });
    expect(value(await fetchBalance())).toMatchObject({ available: false, rows: [] });
  });

  it('keeps is_available false even when there is money', async () => {
    ds.setBalance({ rows: [cnyRow('50.00')], available: false });
    const snap = value(await fetchBalance());
    expect(snap.available).toBe(false);
    expect(snap.rows[0]?.total).toBe('50.00');
  });

  it('accepts negative amounts and truncates past six decimals', async () => {
    ds.setBalanceBody({ is_available: false, balance_infos: [{ currency: 'CNY', total_balance: '-1.23456789', granted_balance: '0', topped_up_balance: '-1.23456789' }] });
    expect(value(await fetchBalance()).rows[0]).toMatchObject({ total: '-1.234567', granted: '0' });
  });

  it('still hits /user/balance (not /v1/user/balance) when the base URL ends in /v1', async () => {
    value(await fetchBalance({ baseUrl: `${ds.url}/v1/` }));
    expect(ds.requests.map((r) => r.path)).toEqual(['/user/balance']);
  });
});

describe('DeepSeek fetchBalance: bad bodies', () => {
  it.each([
    ['absurd amount', { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '1e99', granted_balance: '0', topped_up_balance: '0' }] }, /balance_infos\[0\]\.total_balance/],
    ['huge number', { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: 1e30, granted_balance: 0, topped_up_balance: 0 }] }, /out of range/],
    ['non-numeric amount', { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: 'lots', granted_balance: '0', topped_up_balance: '0' }] }, /unusable amount/],
    ['missing field', { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '1.00', granted_balance: '0' }] }, /balance_infos\[0\]\.topped_up_balance/],
    ['wrong shape', { data: { balance: 5 } }, /unexpected shape/],
    ['missing is_available', { balance_infos: [] }, /"is_available"/],
  ])('reports %s as bad-response with a specific message', async (_name, body, msg) => {
    ds.setBalanceBody(body);
    const e = failure(await fetchBalance());
    expect(e.kind).toBe('bad-response');
    expect(e.message).toMatch(msg);
  });

  it('says a proxy answered with HTML', async () => {
    ds.enqueue({ kind: 'html' });
    const e = failure(await fetchBalance());
    expect(e).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(e.message).toMatch(/a proxy or gateway answered with an HTML page instead of DeepSeek's JSON/i);
  });

  it('says the body was empty', async () => {
    ds.enqueue({ kind: 'empty' });
    expect(failure(await fetchBalance()).message).toMatch(/empty body/);
  });

  it('refuses an oversized body without reading it all', async () => {
    ds.enqueue({ kind: 'raw', status: 200, headers: { 'content-type': 'application/json' }, body: ' '.repeat(2 * 1024 * 1024) });
    const e = failure(await fetchBalance());
    expect(e.kind).toBe('bad-response');
    expect(e.message).toMatch(/larger than/);
  });
});

describe('DeepSeek fetchBalance: HTTP errors', () => {
  it('classifies 401 with a wrong key using the real body, without echoing the key', async () => {
    const wrong = 'sk-ffffffffffffffffffffffffffffffff';
    const e = failure(await fetchBalance({ key: wrong }));
    expect(e).toMatchObject({ kind: 'auth', status: 401 });
    expect(e.message).toContain('****fff');
    expect(e.message).not.toContain(wrong);
  });

  it.each([
    [401, 'auth', /Authentication Fails/],
    [402, 'insufficient-balance', /Insufficient Balance/],
    [400, 'request', /Invalid Format/],
    [422, 'request', /Invalid Parameters/],
    [500, 'server', /server error/],
    [503, 'server', /overloaded/],
    [404, 'request', /404/],
  ] as const)('classifies %i as %s', async (status, kind, msg) => {
    ds.enqueue({ kind: 'status', status });
    const e = failure(await fetchBalance());
    expect(e).toMatchObject({ kind, status, retryAfterMs: null });
    expect(e.message).toMatch(msg);
  });

  it('reads Retry-After seconds on 429', async () => {
    ds.enqueue({ kind: 'status', status: 429, retryAfter: '7' });
    expect(failure(await fetchBalance())).toMatchObject({ kind: 'rate-limit', status: 429, retryAfterMs: 7000 });
  });

  it('reads a Retry-After HTTP date on 429 relative to the injected clock', async () => {
    ds.enqueue({ kind: 'status', status: 429, retryAfter: new Date(1_700_000_000_000 + 90_000).toUTCString() });
    expect(failure(await fetchBalance()).retryAfterMs).toBe(90_000);
  });

  it('reports 429 without Retry-After as rate-limit with no hint', async () => {
    ds.enqueue({ kind: 'status', status: 429 });
    expect(failure(await fetchBalance())).toMatchObject({ kind: 'rate-limit', retryAfterMs: null });
  });

  it('classifies by status first even when a gateway sends HTML with it', async () => {
    ds.enqueue({ kind: 'html', status: 502 });
    const e = failure(await fetchBalance());
    expect(e).toMatchObject({ kind: 'server', status: 502 });
    expect(e.message).toMatch(/HTML page/);
  });

  it('classifies an error object by type when the status says nothing (e.g. 403 from a relay)', async () => {
    ds.enqueue({ kind: 'status', status: 403, body: { error: { message: 'Authentication Fails (no such user)', type: 'authentication_error' } } });
    expect(failure(await fetchBalance()).kind).toBe('auth');
  });

  it('scrubs anything key-like a server echoes back', async () => {
    ds.enqueue({ kind: 'status', status: 400, body: { error: { message: `bad key sk-abcdef1234567890 and ${FAKE_DEEPSEEK_KEY}`, type: 'x' } } });
    const e = failure(await fetchBalance());
    expect(e.message).not.toContain('sk-abcdef1234567890');
    expect(e.message).not.toContain(FAKE_DEEPSEEK_KEY);
  });
});

describe('the fake DeepSeek script itself', () => {
  it('plays persistent replies until cleared, with one-offs first', async () => {
    ds.setPersistent({ kind: 'status', status: 503 });
    ds.enqueue({ kind: 'status', status: 402 });
    expect(failure(await fetchBalance()).status).toBe(402);
    expect(failure(await fetchBalance()).status).toBe(503);
    expect(failure(await fetchBalance()).status).toBe(503);
    ds.setPersistent(null);
    value(await fetchBalance());
    expect(ds.count()).toBe(4);
  });

  it("answers a request without a key with DeepSeek's header-format 401", async () => {
    const res = await fetch(`${ds.url}/user/balance`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: 'authentication_error', message: expect.stringContaining('Bearer sk-') } });
    expect(ds.requests[0]).toMatchObject({ hasAuth: false, authorization: null });
  });
});
