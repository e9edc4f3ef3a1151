/**
 * What parseAmount says when it refuses an amount (shared/money.ts): the message reaches the
 * user as a bad-response error, so it must name the problem and quote the value, clipped. Also
 * the boundaries of the range checks and the leading-zero rule, and formatMoney's extra decimals.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney, microsToDecimal, parseAmount } from '../../../shared/money';

const refusal = (v: unknown) => {
  const r = parseAmount(v);
  if (r.ok) throw new Error(`accepted ${String(v)}`);
  return r.error;
};
const value = (v: unknown) => {
  const r = parseAmount(v);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseAmount refusals name the problem', () => {
  it('non-finite numbers, numbers out of range, and values of the wrong type', () => {
    expect(refusal(Number.NaN)).toBe('not a finite number: NaN');
    expect(refusal(Number.NEGATIVE_INFINITY)).toBe('not a finite number: -Infinity');
    expect(refusal(1e10)).toBe('amount out of range: 10000000000');
    expect(refusal(-1e10)).toBe('amount out of range: -10000000000');
    expect(value(999_999_999.5)).toBe(999_999_999_500_000);
    expect(refusal(null)).toBe('expected a decimal string or number, got null');
    expect(refusal({})).toBe('expected a decimal string or number, got object');
    expect(refusal(true)).toBe('expected a decimal string or number, got boolean');
  });

  it('a string that is no decimal is quoted, at most 40 characters of it', () => {
    expect(refusal('12 CNY')).toBe('not a decimal amount: "12 CNY"');
    const long = `${'9'.repeat(30)}abc${'x'.repeat(30)}`;
    expect(refusal(long)).toBe(`not a decimal amount: ${JSON.stringify(long.slice(0, 40))}`);
  });

  it('more than ten integer digits, or more than the maximum, is out of range, quoted clipped', () => {
    expect(refusal('12345678901')).toBe('amount out of range: 12345678901');
    expect(refusal(` 12345678901.${'5'.repeat(40)} `)).toBe(
      `amount out of range: 12345678901.${'5'.repeat(28)}`,
    );
    expect(refusal('1000000000.000001')).toBe('amount out of range: 1000000000.000001');
    expect(value('1000000000.000000')).toBe(1e15);
  });
});

describe('parseAmount leading zeros', () => {
  it('drops any number of leading zeros before counting digits, and keeps a lone zero', () => {
    expect(value('0000000000000000000012.5')).toBe(12_500_000);
    expect(value('00000000000')).toBe(0);
    expect(value('0')).toBe(0);
    expect(value('007')).toBe(7_000_000);
  });
});

describe('microsToDecimal and formatMoney edges', () => {
  it('refuses micro-units that are not a safe integer, saying which', () => {
    expect(() => microsToDecimal(1.5)).toThrow('not integer micro-units: 1.5');
  });

  it('shows up to maxFraction decimals, never fewer than two', () => {
    expect(formatMoney(123_456, 'USD', 'en', 4)).toBe('$0.1235');
    expect(formatMoney(123_456, 'USD', 'en', 1)).toBe('$0.12');
  });
});
