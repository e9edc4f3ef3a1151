import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  MAX_ABS_MICROS,
  microsToDecimal,
  parseAmount,
  toMicros,
} from '../../../shared/money';

const micros = (v: unknown) => {
  const r = parseAmount(v);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseAmount', () => {
  it('reads decimal strings exactly, as DeepSeek sends them today', () => {
    expect(micros('110.00')).toBe(110_000_000);
    expect(micros('0.1')).toBe(100_000);
    expect(micros('7')).toBe(7_000_000);
    expect(micros(' 12.5 ')).toBe(12_500_000);
  });

  it('reads JSON numbers, as older docs described', () => {
    expect(micros(110)).toBe(110_000_000);
    expect(micros(0.1)).toBe(100_000);
    expect(micros(10.25)).toBe(10_250_000);
  });

  it('adds 0.1 and 0.2 to exactly 0.3 in micro-units', () => {
    expect(micros('0.1') + micros('0.2')).toBe(micros('0.3'));
    expect(micros(0.1) + micros(0.2)).toBe(micros(0.3));
    expect(microsToDecimal(micros('0.1') + micros('0.2'))).toBe('0.30');
  });

  it('accepts negative amounts (arrears are real)', () => {
    expect(micros('-3.25')).toBe(-3_250_000);
    expect(micros(-3.25)).toBe(-3_250_000);
    expect(micros('-0.00')).toBe(0);
  });

  it('truncates digits past the sixth decimal toward zero, for strings and numbers alike', () => {
    expect(micros('1.23456789')).toBe(1_234_567);
    expect(micros('-1.23456789')).toBe(-1_234_567);
    expect(micros(0.9999999)).toBe(999_999);
    expect(micros(0.1234567)).toBe(123_456);
  });

  it('spells out numbers JSON would print with an exponent', () => {
    expect(micros(1e-7)).toBe(0);
    expect(micros(2.5e-6)).toBe(2);
    expect(micros(1.5e3)).toBe(1_500_000_000);
  });

  it('refuses exponent strings, garbage, and non-amount types', () => {
    for (const bad of [
      '1e3',
      'abc',
      '',
      '1,000.00',
      '12.3.4',
      '--1',
      '0x10',
      'NaN',
      'Infinity',
      '¥5',
      '.5',
    ]) {
      expect(parseAmount(bad).ok, bad).toBe(false);
    }
    for (const bad of [null, undefined, true, {}, [], Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parseAmount(bad).ok, String(bad)).toBe(false);
    }
  });

  it('refuses absurd values instead of showing them on the tray', () => {
    expect(parseAmount('99999999999').ok).toBe(false);
    expect(parseAmount(1e21).ok).toBe(false);
    expect(parseAmount(1e12).ok).toBe(false);
    expect(parseAmount(String(MAX_ABS_MICROS / 1e6 + 1)).ok).toBe(false);
    expect(micros(String(MAX_ABS_MICROS / 1e6))).toBe(MAX_ABS_MICROS);
  });

  it('throws from toMicros only on inputs that should have been validated', () => {
    expect(toMicros('1.5')).toBe(1_500_000);
    expect(() => toMicros('nope')).toThrow(/not a decimal/);
  });
});

describe('microsToDecimal and formatMoney', () => {
  it('prints a canonical decimal with at least two decimals', () => {
    expect(microsToDecimal(110_000_000)).toBe('110.00');
    expect(microsToDecimal(1_234_567)).toBe('1.234567');
    expect(microsToDecimal(-3_250_000)).toBe('-3.25');
    expect(microsToDecimal(0)).toBe('0.00');
    expect(microsToDecimal(5_000_000, 0)).toBe('5');
  });

  it('formats per locale without a float round trip', () => {
    expect(formatMoney(110_500_000, 'CNY', 'en')).toBe('CN¥110.50');
    expect(formatMoney(110_500_000, 'USD', 'en')).toBe('$110.50');
  });
});

describe('formatMoney with units Intl does not know', () => {
  it('writes "12.50 USDT" instead of throwing, in every UI language', () => {
    expect(formatMoney(12_500_000, 'USDT', 'en')).toBe('12.50 USDT');
    expect(formatMoney(12_500_000, 'USDT', 'zh-CN')).toBe('12.50 USDT');
    expect(formatMoney(-3_004_999, 'USDC', 'en')).toBe('-3.00 USDC');
    expect(formatMoney(1_234_567, 'USDT', 'en', 4)).toBe('1.2346 USDT');
  });

  it('still formats ISO codes the locale way', () => {
    expect(formatMoney(12_500_000, 'CNY', 'en')).toBe('CN¥12.50');
  });
});
