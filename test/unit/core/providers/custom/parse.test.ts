/** The custom endpoint's parser: the mapping applied to real-shaped answers, exactly. */
import { describe, expect, it } from 'vitest';
import { parseCustomAnswer } from '../../../../../main/core/providers/custom/parse';
import type { CustomEndpoint } from '../../../../../shared/custom-endpoint';
import { CUSTOM } from '../../../../fakes/provider-bodies';
import { ctxFor, failure, KEY, value } from '../parse-helpers';

const ctx = ctxFor('gw.example.com', 'gw.example.com');
const map = (m: Partial<CustomEndpoint>): CustomEndpoint => ({
  path: '/api/balance',
  keyPlacement: 'bearer',
  balance: 'data.balance',
  currency: 'USD',
  ...m,
});
const rows = (json: unknown, m: Partial<CustomEndpoint>) => value(parseCustomAnswer(json, map(m), ctx)).rows;
const error = (json: unknown, m: Partial<CustomEndpoint>) => failure(parseCustomAnswer(json, map(m), ctx));

describe('parseCustomAnswer', () => {
  it('reads a string amount as sent, the currency from the answer, and the gift part', () => {
    const snap = value(
      parseCustomAnswer(CUSTOM.nested, map({ currency: undefined, currencyPath: 'data.currency', granted: 'data.gift_balance' }), ctx),
    );
    expect(snap).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'USD', total: '12.3456', granted: '2.00', toppedUp: '10.3456' }],
    });
  });

  it('counts the whole balance as paid when the answer does not split it', () => {
    expect(rows(CUSTOM.nested, {})).toEqual([
      { currency: 'USD', total: '12.3456', granted: '0.00', toppedUp: '12.3456' },
    ]);
  });

  it('derives the gift part from the paid part when only that is mapped', () => {
    expect(rows({ b: '10.00', paid: '7.25' }, { balance: 'b', toppedUp: 'paid' })).toEqual([
      { currency: 'USD', total: '10.00', granted: '2.75', toppedUp: '7.25' },
    ]);
  });

  it('keeps both parts as sent when both are mapped, debt included', () => {
    expect(rows({ b: 5, g: 8, p: -3 }, { balance: 'b', granted: 'g', toppedUp: 'p' })).toEqual([
      { currency: 'USD', total: '5.00', granted: '8.00', toppedUp: '-3.00' },
    ]);
  });

  it('keeps a JSON number digit for digit and reads through array indices', () => {
    expect(rows(CUSTOM.byCurrency, { balance: 'balances[0].amount', currency: undefined, currencyPath: 'balances[0].currency' })).toEqual([
      { currency: 'CNY', total: '49.58894', granted: '0.00', toppedUp: '49.58894' },
    ]);
    expect(rows(CUSTOM.byCurrency, { balance: 'balances[1].amount', currency: undefined, currencyPath: 'balances[1].currency' })[0]).toMatchObject({
      currency: 'USD',
      total: '3.00',
    });
  });

  it('shifts whole sub-units by text, never by float division', () => {
    expect(rows(CUSTOM.units, { balance: 'data.quota', decimals: 4 })[0]?.total).toBe('123.45');
    expect(rows({ q: '1' }, { balance: 'q', decimals: 4 })[0]?.total).toBe('0.0001');
    expect(rows({ q: '1.5' }, { balance: 'q', decimals: 2 })[0]?.total).toBe('0.015');
    expect(rows({ q: 1000000 }, { balance: 'q', decimals: 2, granted: 'q' })[0]).toMatchObject({
      total: '10000.00',
      granted: '10000.00',
      toppedUp: '0.00',
    });
  });

  it.each([
    ['$', 'USD'],
    ['US$', 'USD'],
    ['¥', 'CNY'],
    ['￥', 'CNY'],
    ['元', 'CNY'],
    ['RMB', 'CNY'],
    ['eur', 'EUR'],
    [' cny ', 'CNY'],
  ])('reads the currency %j as %s', (cur, code) => {
    expect(rows({ b: '1', c: cur }, { balance: 'b', currency: undefined, currencyPath: 'c' })[0]?.currency).toBe(code);
  });

  it('refuses a currency that is no code, and says to give the code instead', () => {
    for (const c of ['dollars', 12, null, '']) {
      const e = error({ b: '1', c }, { balance: 'b', currency: undefined, currencyPath: 'c' });
      expect(e.kind).toBe('bad-response');
      expect(e.message).toMatch(/currency at c is not a currency code.*give the code itself/);
    }
  });

  it('names the path, where the answer stopped and its members, never the values', () => {
    const e = error(CUSTOM.nested, { balance: 'data.credit' });
    expect(e).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(e.message).toBe(
      'gw.example.com: the answer has nothing at data.credit, the balance path you gave: it stops at data (it has: balance, gift_balance, currency, email).',
    );
    expect(e.message).not.toContain('dev@example.com');
  });

  it('says when the top level is not an object with that member', () => {
    expect(error([1, 2], { balance: 'data' }).message).toMatch(/stops at the top level \(it is not an object with members there\)/);
    expect(error({ x: 1 }, { balance: 'data', granted: 'g' }).message).toMatch(/balance path/);
    expect(error({ data: { balance: '1' } }, { granted: 'data.gift' }).message).toMatch(/nothing at data.gift, the gift path/);
    expect(error({ data: { balance: '1' } }, { toppedUp: 'data.paid' }).message).toMatch(/the paid path/);
    expect(error({ data: { balance: '1' } }, { currency: undefined, currencyPath: 'data.cur' }).message).toMatch(/the currency path/);
  });

  it('refuses values that are not amounts, naming the field and path', () => {
    for (const v of [true, null, {}, '12,50', 'NaN', '1e400']) {
      const e = error({ data: { balance: v } }, {});
      expect(e.kind).toBe('bad-response');
      expect(e.message).toMatch(/^gw\.example\.com: the balance at data\.balance is not an amount \(/);
    }
    expect(error({ data: { balance: '1', g: 'x' } }, { granted: 'data.g' }).message).toMatch(/the gift at data\.g/);
    expect(error({ data: { balance: '1', p: 'x' } }, { toppedUp: 'data.p' }).message).toMatch(/the paid at data\.p/);
    expect(error({ data: { balance: 'x' } }, { decimals: 2 }).message).toMatch(/the balance at data\.balance is not an amount/);
  });

  it('reads whether calls are allowed from the mapped boolean; without one, calls count as allowed', () => {
    const at = (v: unknown) => parseCustomAnswer({ b: '5', ok: v }, map({ balance: 'b', available: 'ok' }), ctx);
    expect(value(at(false)).available).toBe(false);
    expect(value(at(true)).available).toBe(true);
    expect(value(parseCustomAnswer({ b: '5' }, map({ balance: 'b' }), ctx)).available).toBe(true);
    for (const v of ['false', 0, null]) {
      expect(failure(at(v)).message).toBe('gw.example.com: the calls-allowed value at ok is not true or false; map a field that is.');
    }
    expect(failure(parseCustomAnswer({ b: '5' }, map({ balance: 'b', available: 'ok' }), ctx)).message).toMatch(
      /nothing at ok, the calls-allowed path you gave/,
    );
  });

  it('refuses a stored path that is not valid (a settings file edited by hand)', () => {
    expect(error({}, { balance: 'a..b' }).message).toMatch(/the balance path "a\.\.b" has an unusable part/);
  });

  it('never puts the key in a message', () => {
    const e = error({ data: { [KEY]: 1 } }, {});
    expect(e.message).not.toContain(KEY);
  });
});
