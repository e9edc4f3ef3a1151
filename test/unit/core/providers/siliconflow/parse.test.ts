import { describe, expect, it } from 'vitest';
import {
  classifySiliconflow,
  parseSiliconflowInfo,
  RETIRED_CODE,
  retiredError,
  siliconflowCurrency,
} from '../../../../../main/core/providers/siliconflow/parse';
import { answer, ctxFor, failure, value } from '../parse-helpers';

const cn = ctxFor('SiliconFlow', 'api.siliconflow.cn');
const com = ctxFor('SiliconFlow', 'api.siliconflow.com');
const info = (data: object | null, code = 20000) => ({ code, status: true, message: 'Ok', data });
const money = { balance: '1.50', chargeBalance: '8.5', totalBalance: '10.00' };

describe('siliconflowCurrency', () => {
  it('is USD on siliconflow.com, CNY elsewhere', () => {
    expect(siliconflowCurrency('api.siliconflow.com')).toBe('USD');
    expect(siliconflowCurrency('api.siliconflow.cn')).toBe('CNY');
  });
});

describe('parseSiliconflowInfo', () => {
  it('reads totalBalance as total, balance as granted and chargeBalance as topped up', () => {
    expect(value(parseSiliconflowInfo(info({ ...money, status: 'normal' }), com))).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'USD', total: '10.00', granted: '1.50', toppedUp: '8.5' }],
    });
    expect(value(parseSiliconflowInfo(info(money), cn)).rows[0]!.currency).toBe('CNY');
  });

  it('marks an account whose status is not normal as unavailable, with a notice', () => {
    const s = value(parseSiliconflowInfo(info({ ...money, status: 'frozen' }), cn));
    expect(s.available).toBe(false);
    expect(s.notice).toEqual({
      code: 'account-status',
      message:
        'SiliconFlow reports the account status as "frozen", not "normal": calls may be refused whatever the balance.',
    });
    expect(
      value(parseSiliconflowInfo(info({ ...money, status: 'x'.repeat(50) }), cn)).notice!.message,
    ).toContain(`"${'x'.repeat(40)}"`);
    expect(
      value(parseSiliconflowInfo(info({ ...money, status: null }), cn)).notice,
    ).toBeUndefined();
  });

  it('says the China endpoint is retired for code 20092', () => {
    expect(RETIRED_CODE).toBe(20092);
    const e = failure(parseSiliconflowInfo(info(null, 20092), cn));
    expect(e).toMatchObject({ kind: 'request', status: 200, at: 7 });
    expect(e.message).toMatch(
      /^SiliconFlow's China site no longer shows the balance to API keys \(code 20092\)/,
    );
  });

  it('refuses another code or no data, quoting the message', () => {
    const e = failure(parseSiliconflowInfo({ code: 30001, message: 'nope', data: null }, cn));
    expect(e).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(e.message).toBe(
      'SiliconFlow answered without a balance (code 30001). SiliconFlow said: "nope".',
    );
    expect(failure(parseSiliconflowInfo({ code: 20000 }, cn)).message).toBe(
      'SiliconFlow answered without a balance (code 20000).',
    );
  });

  it('names the wrong field, and an unusable amount', () => {
    expect(failure(parseSiliconflowInfo({ data: money }, cn)).message).toContain(
      '("code" is missing',
    );
    expect(failure(parseSiliconflowInfo(7, cn)).message).toContain('("the body" is missing');
    for (const name of ['totalBalance', 'balance', 'chargeBalance']) {
      const e = failure(parseSiliconflowInfo(info({ ...money, [name]: 'x' }), cn));
      expect(e, name).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
      expect(e.message).toMatch(
        new RegExp(`^SiliconFlow sent an unusable amount in data\\.${name} \\(`),
      );
    }
  });
});

describe('classifySiliconflow', () => {
  it('reads HTTP 410 or code 20092 as the retired endpoint', () => {
    const gone = classifySiliconflow(answer(410), undefined, cn)!;
    expect(gone).toMatchObject({ kind: 'request', status: 410 });
    expect(gone.message).toMatch(/\(HTTP 410\)/);
    expect(classifySiliconflow(answer(400), { code: 20092 }, cn)!.message).toMatch(
      /\(code 20092\)/,
    );
    expect(retiredError(cn, null)).toMatchObject({ status: null });
  });

  it('reads codes 30001 and 30011 as money, saying when paid balance is needed', () => {
    const e = classifySiliconflow(
      answer(403),
      { code: 30001, message: 'Sorry, your account balance is insufficient' },
      cn,
    )!;
    expect(e).toMatchObject({ kind: 'insufficient-balance', status: 403 });
    expect(e.message).toBe(
      'SiliconFlow says the balance is insufficient (403, code 30001). SiliconFlow said: "Sorry, your account balance is insufficient".',
    );
    expect(classifySiliconflow(answer(403), { code: 30011 }, cn)!.message).toBe(
      'SiliconFlow says the balance is insufficient (403, code 30011: this model needs paid balance, gift credit does not count).',
    );
  });

  it('leaves other answers to the generic classifier', () => {
    expect(classifySiliconflow(answer(401), { code: 20010, message: 'bad key' }, cn)).toBeNull();
    expect(classifySiliconflow(answer(500), undefined, cn)).toBeNull();
  });
});
