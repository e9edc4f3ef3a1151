import { describe, expect, it } from 'vitest';
import {
  classifyRelay,
  DEFAULT_QUOTA_PER_UNIT,
  exhaustedSnapshot,
  parseQuotaPerUnit,
  parseSubscription,
  parseTokenUsage,
  parseUsage,
  quotaToDollars,
  relayExhaustion,
  UNLIMITED_USD,
} from '../../../../../main/core/providers/relay/parse';
import { answer, ctxFor, failure, value } from '../parse-helpers';

const ctx = ctxFor('the relay', 'relay.example.com');
const msg = (message: string, code?: string) => ({
  error: { message, type: 'x', ...(code ? { code } : {}) },
});

describe('relayExhaustion', () => {
  it('tells a used-up key from a used-up account, in Chinese and English', () => {
    for (const m of [
      '该令牌额度已用尽',
      'token quota is exhausted',
      'token quota used up',
      'token_quota_exhausted',
    ])
      expect(relayExhaustion(msg(m)), m).toBe('key-limit-reached');
    for (const m of [
      '用户额度不足, 剩余额度: $0',
      'user quota is not enough',
      'Insufficient user quota',
    ])
      expect(relayExhaustion(msg(m)), m).toBe('user-quota-exhausted');
    expect(relayExhaustion(msg('whatever', 'insufficient_user_quota'))).toBe(
      'user-quota-exhausted',
    );
    expect(relayExhaustion(msg('rate limited'))).toBeNull();
    expect(relayExhaustion(null)).toBeNull();
  });
});

describe('exhaustedSnapshot', () => {
  it('is a zero USD reading with a notice saying which money ran out', () => {
    expect(exhaustedSnapshot('key-limit-reached', msg('token quota is exhausted'), ctx)).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' }],
      notice: {
        code: 'key-limit-reached',
        message:
          'This relay key\'s own quota is used up (the relay account may still have money: raise the key\'s limit or use another key). the relay said: "token quota is exhausted".',
      },
    });
    expect(exhaustedSnapshot('user-quota-exhausted', {}, ctx).notice).toEqual({
      code: 'user-quota-exhausted',
      message: "The relay account's quota is used up: top up on the relay's site.",
    });
  });
});

describe('classifyRelay', () => {
  it('reads an invalid, expired or disabled token as auth at any status', () => {
    for (const m of [
      '无效的令牌',
      '令牌已过期',
      '该令牌已被禁用',
      '令牌状态不可用',
      '未提供令牌',
      'Invalid token',
      'token has expired',
      'token expired',
      'the token was disabled',
    ]) {
      const e = classifyRelay(answer(200), msg(m), ctx);
      expect(e, m).toMatchObject({ kind: 'auth', status: 200, at: 7 });
      expect(e!.message, m).toMatch(
        /^The relay rejected the key \(200\): it is invalid, expired or disabled\. the relay said: "/,
      );
    }
    expect(classifyRelay(answer(401), msg('quota exhausted'), ctx)).toBeNull();
  });
});

describe('parseSubscription', () => {
  it('reads hard_limit_usd exactly, and the one-api marker (or more) as unlimited', () => {
    expect(UNLIMITED_USD).toBe(100_000_000);
    expect(value(parseSubscription({ hard_limit_usd: 25.5 }, ctx))).toBe('25.50');
    expect(value(parseSubscription({ hard_limit_usd: '99999999.99' }, ctx))).toBe('99999999.99');
    expect(value(parseSubscription({ hard_limit_usd: 100000000 }, ctx))).toBe('unlimited');
    // Too large for an amount at all: still the unlimited marker.
    expect(value(parseSubscription({ hard_limit_usd: 1e12 }, ctx))).toBe('unlimited');
  });

  it('refuses a missing or unusable limit', () => {
    expect(failure(parseSubscription({}, ctx)).message).toContain('("hard_limit_usd" is missing');
    expect(failure(parseSubscription('x', ctx)).message).toContain('("the body" is missing');
    const e = failure(parseSubscription({ hard_limit_usd: 'lots' }, ctx));
    expect(e).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
    expect(e.message).toMatch(/^The relay sent an unusable hard_limit_usd \(/);
  });
});

describe('parseUsage', () => {
  it('subtracts total_usage, in cents, from the hard limit', () => {
    expect(value(parseUsage({ total_usage: 1234 }, '20.00', ctx))).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'USD', total: '7.66', granted: '0.00', toppedUp: '7.66' }],
      facts: [
        { id: 'key-limit', currency: 'USD', amount: '20.00' },
        { id: 'usage', currency: 'USD', amount: '12.34' },
      ],
    });
  });

  it('refuses a missing or unusable usage', () => {
    expect(failure(parseUsage({}, '1', ctx)).message).toContain('("total_usage" is missing');
    expect(failure(parseUsage(null, '1', ctx)).message).toContain('("the body" is missing');
    const e = failure(parseUsage({ total_usage: 'x' }, '1', ctx));
    expect(e).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
    expect(e.message).toMatch(/^The relay sent an unusable total_usage \(/);
  });
});

describe('quota units', () => {
  it('takes quota_per_unit from /api/status when it is a positive whole number, else the default', () => {
    expect(DEFAULT_QUOTA_PER_UNIT).toBe(500_000);
    expect(parseQuotaPerUnit({ data: { quota_per_unit: 1000 } })).toBe(1000);
    expect(parseQuotaPerUnit({ data: { quota_per_unit: 2.5 } })).toBe(500_000);
    expect(parseQuotaPerUnit({ data: { quota_per_unit: 0 } })).toBe(500_000);
    expect(parseQuotaPerUnit({})).toBe(500_000);
  });

  it('converts whole quota units to dollars exactly, truncating at the micro-unit', () => {
    expect(value(quotaToDollars(750_000, 500_000))).toBe('1.50');
    expect(value(quotaToDollars(' 1 ', 3))).toBe('0.333333');
    expect(value(quotaToDollars('-500000', 500_000))).toBe('-1.00');
    expect(failure(quotaToDollars('1.5', 1))).toBe('not a whole number of quota units: "1.5"');
    expect(failure(quotaToDollars(null, 1))).toBe('not a whole number of quota units: ""');
    expect(failure(quotaToDollars('1000000001', 1))).toBe('amount out of range: 1000000001');
    expect(failure(quotaToDollars('-1000000001', 1))).toBe('amount out of range: -1000000001');
    expect(value(quotaToDollars('1000000000', 1))).toBe('1000000000.00');
  });
});

describe('parseTokenUsage', () => {
  it('reads the remaining quota in dollars, with what was used as a fact', () => {
    expect(
      value(
        parseTokenUsage(
          {
            code: true,
            data: { total_available: 1_000_000, total_used: 250_000, total_granted: 1 },
          },
          500_000,
          ctx,
        ),
      ),
    ).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'USD', total: '2.00', granted: '0.00', toppedUp: '2.00' }],
      facts: [{ id: 'usage', currency: 'USD', amount: '0.50' }],
    });
    expect(
      value(parseTokenUsage({ data: { total_available: 0, total_used: null } }, 500_000, ctx))
        .facts,
    ).toEqual([]);
    expect(
      value(parseTokenUsage({ data: { total_available: 0, total_used: 'x' } }, 500_000, ctx)).facts,
    ).toEqual([]);
  });

  it('reads an unlimited token as unlimited with no rows', () => {
    expect(
      value(parseTokenUsage({ data: { total_available: 0, unlimited_quota: true } }, 1, ctx)),
    ).toEqual({
      at: 7,
      available: true,
      rows: [],
      unlimited: true,
    });
  });

  it('refuses code false, a wrong shape and an unusable total', () => {
    const off = failure(
      parseTokenUsage(
        { code: false, message: 'no such token', data: { total_available: 0 } },
        1,
        ctx,
      ),
    );
    expect(off).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
    expect(off.message).toBe(
      'The relay answered without the key\'s usage. the relay said: "no such token".',
    );
    expect(failure(parseTokenUsage({ data: {} }, 1, ctx)).message).toContain(
      '("data.total_available" is missing',
    );
    expect(failure(parseTokenUsage(null, 1, ctx)).message).toContain('("the body" is missing');
    const bad = failure(parseTokenUsage({ data: { total_available: '1.5' } }, 1, ctx));
    expect(bad).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(bad.message).toMatch(
      /^The relay sent an unusable data\.total_available \(not a whole number/,
    );
  });
});
