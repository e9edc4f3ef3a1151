import { describe, expect, it } from 'vitest';
import {
  classifyMoonshot,
  moonshotCurrency,
  parseMoonshotBalance,
} from '../../../../../main/core/providers/moonshot/parse';
import { answer, ctxFor, failure, KEY, value } from '../parse-helpers';

const cn = ctxFor('Moonshot', 'api.moonshot.cn');
const intl = ctxFor('Moonshot', 'api.moonshot.ai');
const ok = (data: object) => ({ code: 0, status: true, scode: '0x0', data });

describe('moonshotCurrency', () => {
  it('is USD on moonshot.ai and its subdomains, CNY anywhere else', () => {
    expect(moonshotCurrency('api.moonshot.ai')).toBe('USD');
    expect(moonshotCurrency('moonshot.ai:443')).toBe('USD');
    expect(moonshotCurrency('api.moonshot.cn')).toBe('CNY');
    expect(moonshotCurrency('localhost:8080')).toBe('CNY');
  });
});

describe('parseMoonshotBalance', () => {
  it('reads available as total, voucher as granted and cash as topped up, in the host’s currency', () => {
    const body = ok({ available_balance: 49.58894, voucher_balance: 50, cash_balance: -0.41106 });
    expect(value(parseMoonshotBalance(body, cn))).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'CNY', total: '49.58894', granted: '50.00', toppedUp: '-0.41106' }],
    });
    expect(value(parseMoonshotBalance(body, intl)).rows[0]!.currency).toBe('USD');
  });

  it('says where the shape is wrong', () => {
    const e = failure(
      parseMoonshotBalance(
        { code: 0, status: true, data: { available_balance: 1, voucher_balance: 1 } },
        cn,
      ),
    );
    expect(e).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
    expect(e.message).toBe(
      'api.moonshot.cn answered JSON of an unexpected shape ("data.cash_balance" is missing or has the wrong type): a relay or gateway may be answering instead of Moonshot.',
    );
    expect(failure(parseMoonshotBalance([], cn)).message).toContain('("the body" is missing');
  });

  it('refuses an answer without success: a non-zero code, status false or no data', () => {
    const data = { available_balance: 1, voucher_balance: 0, cash_balance: 1 };
    const e = failure(
      parseMoonshotBalance(
        { code: 5, status: false, scode: '0x5', data, error: { message: 'nope' } },
        cn,
      ),
    );
    expect(e).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(e.message).toBe(
      'Moonshot answered without a balance (code 5, status false, scode 0x5). Moonshot said: "nope".',
    );
    expect(failure(parseMoonshotBalance({ code: 0, status: false, data }, cn)).message).toBe(
      'Moonshot answered without a balance (code 0, status false).',
    );
    expect(failure(parseMoonshotBalance({ code: 1, status: true, data }, cn)).message).toMatch(
      /code 1, status true\)/,
    );
    expect(
      failure(parseMoonshotBalance({ code: 0, status: true, data: null }, cn)).message,
    ).toMatch(/without a balance/);
  });

  it('refuses an unusable amount, naming the field', () => {
    for (const name of ['available_balance', 'voucher_balance', 'cash_balance']) {
      const data = { available_balance: 1, voucher_balance: 0, cash_balance: 1, [name]: '1,5' };
      const e = failure(parseMoonshotBalance(ok(data), cn));
      expect(e, name).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
      expect(e.message, name).toMatch(
        new RegExp(`^Moonshot sent an unusable amount in data\\.${name} \\(`),
      );
    }
  });
});

describe('classifyMoonshot', () => {
  const err = (type: string, message = 'm') => ({ error: { type, message } });
  const classify = (
    status: number,
    json: unknown,
    ctx = cn,
    headers: Record<string, string> = {},
  ) => classifyMoonshot(answer(status, JSON.stringify(json), headers), json, ctx);

  it('reads exceeded_current_quota_error and the money wordings as insufficient balance, whatever the status', () => {
    const e = classify(429, err('exceeded_current_quota_error', 'Your account is suspended'))!;
    expect(e).toMatchObject({ kind: 'insufficient-balance', status: 429, at: 7 });
    expect(e.message).toBe(
      'Moonshot refuses calls for lack of money (429 exceeded_current_quota_error): the account is out of balance or suspended. Moonshot said: "Your account is suspended".',
    );
    for (const m of ['Insufficient balance', 'org is not active', 'your token quota is used'])
      expect(classify(403, { error: { message: m } })!.message, m).toMatch(
        /^Moonshot refuses calls for lack of money \(403 quota\)/,
      );
  });

  it('reads a rate limit and an overload apart from money, with Retry-After', () => {
    const rl = classify(429, err('rate_limit_reached_error'), cn, { 'retry-after': '3' })!;
    expect(rl).toMatchObject({ kind: 'rate-limit', status: 429, retryAfterMs: 3000 });
    expect(rl.message).toMatch(
      /^Moonshot is rate limiting this account \(429: concurrency, RPM, TPM or TPD cap\); not a money problem\./,
    );
    const ov = classify(429, err('engine_overloaded_error'), cn, { 'retry-after': '4' })!;
    expect(ov).toMatchObject({ kind: 'server', status: 429, retryAfterMs: 4000 });
    expect(ov.message).toMatch(/^Moonshot is overloaded \(429\); try again shortly\./);
  });

  it('says a rejected key may belong to the other region, naming the other host', () => {
    const onCn = classify(401, err('invalid_authentication_error', `bad key ${KEY}`))!;
    expect(onCn).toMatchObject({ kind: 'auth', status: 401 });
    expect(onCn.message).toContain('only works on https://api.moonshot.ai (international)');
    expect(onCn.message).not.toContain('0123456789abcdef');
    expect(classify(401, {}, intl)!.message).toContain(
      'only works on https://api.moonshot.cn (China)',
    );
    expect(classify(403, err('invalid_authentication_error'))!.kind).toBe('auth');
  });

  it('leaves anything else to the generic classifier', () => {
    expect(classify(500, err('server_error'))).toBeNull();
    expect(classify(400, { error: { message: 'bad request' } })).toBeNull();
  });
});
