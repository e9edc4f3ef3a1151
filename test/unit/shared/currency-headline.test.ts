/**
 * Currency codes as they enter from a server or a file (shared/currency.ts), and the headline
 * cases shared/balance.ts's own tests leave out: unlimited keys, unreadable amounts and a
 * preference for a currency that is missing.
 */
import { describe, expect, it } from 'vitest';
import { checkCurrencyCode, isCurrencyCode, NON_ISO_UNITS } from '../../../shared/currency';
import { headlineMicros, headlineOf, nonZeroRows, pickHeadline } from '../../../shared/balance';
import type { BalanceRow } from '../../../shared/model';

const row = (currency: string, total: string, granted = '0', toppedUp = total): BalanceRow => ({
  currency,
  total,
  granted,
  toppedUp,
});

describe('currency codes', () => {
  it('accepts three uppercase letters and the known non-ISO units, nothing else', () => {
    expect(NON_ISO_UNITS).toEqual(['USDT', 'USDC']);
    for (const ok of ['CNY', 'USD', 'XAU', 'USDT', 'USDC'])
      expect(isCurrencyCode(ok), ok).toBe(true);
    for (const bad of [
      '',
      'cny',
      'CN',
      'CNYX',
      'US1',
      ' CNY',
      'CNY ',
      'USDX',
      'DAI1',
      'usdt',
      '=HYPERLINK("x")',
    ])
      expect(isCurrencyCode(bad), bad).toBe(false);
  });

  it('normalises a code from outside by trimming and uppercasing it', () => {
    expect(checkCurrencyCode(' cny ')).toEqual({ ok: true, value: 'CNY' });
    expect(checkCurrencyCode('usdt')).toEqual({ ok: true, value: 'USDT' });
  });

  it('says a blank code is blank and quotes (at most 24 characters of) any other bad one', () => {
    expect(checkCurrencyCode('   ')).toEqual({ ok: false, error: 'is blank' });
    expect(checkCurrencyCode('euro')).toEqual({
      ok: false,
      error: '"euro" is not a currency code (expected 3 letters like CNY, or USDT/USDC)',
    });
    const long = '=HYPERLINK("http://evil.example/x")';
    expect(checkCurrencyCode(long)).toEqual({
      ok: false,
      error: `${JSON.stringify(long.slice(0, 24))} is not a currency code (expected 3 letters like CNY, or USDT/USDC)`,
    });
  });
});

describe('headline edge cases', () => {
  it('an unlimited key has no headline; any other reading has pickHeadline’s', () => {
    const rows = [row('USD', '2.00')];
    expect(headlineOf({ at: 1, available: true, rows, unlimited: true }, 'auto')).toBeNull();
    expect(headlineOf({ at: 1, available: true, rows }, 'auto')).toEqual({
      currency: 'USD',
      total: '2.00',
    });
    expect(headlineOf({ at: 1, available: true, rows }, 'CNY')).toEqual({
      currency: 'USD',
      total: '2.00',
    });
  });

  it('an unreadable total counts as zero: it is not funded, and reads as zero micro-units', () => {
    expect(pickHeadline([row('USD', 'n/a'), row('EUR', '1')], 'auto').currency).toBe('EUR');
    expect(headlineMicros({ currency: 'CNY', total: 'n/a' })).toBe(0);
    expect(headlineMicros({ currency: 'CNY', total: '-2.5' })).toBe(-2_500_000);
  });

  it('a preference for a missing currency falls back to CNY, then the first row, when nothing is funded', () => {
    expect(pickHeadline([row('EUR', '0'), row('CNY', '0')], 'USD').currency).toBe('CNY');
    expect(pickHeadline([row('EUR', '0'), row('GBP', '0')], 'CNY').currency).toBe('EUR');
    expect(pickHeadline([], 'CNY')).toEqual({ currency: 'CNY', total: '0' });
  });

  it('a row is shown when any of its amounts is non-zero; unreadable amounts count as zero', () => {
    const onlyTopped = row('CNY', '0', '0', '0.01');
    const unreadable = row('EUR', 'x', 'y', 'z');
    const negative = row('GBP', '-1', '0', '-1');
    expect(nonZeroRows([onlyTopped, unreadable, negative, row('USD', '0.00')])).toEqual([
      onlyTopped,
      negative,
    ]);
  });
});
