/**
 * The currency code is validated where it enters (issue 11): it is shown, stored and
 * exported to spreadsheets, so a formula, a blank or prose never becomes a "currency".
 */
import { describe, expect, it } from 'vitest';
import { parseBalanceJson } from '../../../../main/core/providers/deepseek-parse';

const ctx = { at: 1_000, host: 'relay.example' };
const row = (currency: string, total = '12.50') => ({
  currency,
  total_balance: total,
  granted_balance: '0.00',
  topped_up_balance: total,
});
const parse = (...rows: ReturnType<typeof row>[]) =>
  parseBalanceJson({ is_available: true, balance_infos: rows }, ctx);

describe('DeepSeek balance currencies', () => {
  it.each([
    '=HYPERLINK("http://evil.example","x")',
    '',
    '   ',
    'yuan renminbi',
    'US$',
    'CN',
    'USDTT',
    '@SUM(A1)',
    'C\tNY',
  ])('refuses %j as a bad response that says why, storing nothing', (currency) => {
    const r = parse(row('CNY'), row(currency));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('bad-response');
      expect(r.error.message).toMatch(/balance_infos\[1\]\.currency/);
      expect(r.error.message).toMatch(/blank|not a currency code/);
    }
  });

  it('accepts ISO-shaped codes (trimmed, uppercased) and the known non-ISO unit USDT', () => {
    const r = parse(row(' cny '), row('USDT'), row('EUR'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.rows.map((x) => x.currency)).toEqual(['CNY', 'EUR', 'USDT']);
  });

  it('collapses a currency listed twice with the same amounts into one row', () => {
    const r = parse(row('CNY', '5.00'), row('USD', '0.00'), row('CNY', '5.0'));
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.value.rows).toEqual(
        [row('CNY', '5.00'), row('USD', '0.00')].map((x) => ({
          currency: x.currency,
          total: x.total_balance,
          granted: '0.00',
          toppedUp: x.total_balance,
        })),
      );
  });

  it('refuses a currency listed twice with different amounts instead of guessing or adding them up', () => {
    const r = parse(row('CNY', '5.00'), row('CNY', '7.00'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        kind: 'bad-response',
        message: expect.stringMatching(/CNY twice with different amounts/),
      });
  });
});
