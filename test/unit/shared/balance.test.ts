import { describe, expect, it } from 'vitest';
import { headlineMicros, nonZeroRows, pickHeadline } from '../../../shared/balance';
import type { BalanceRow } from '../../../shared/model';

const row = (currency: string, total: string): BalanceRow => ({
  currency,
  total,
  granted: '0',
  toppedUp: total,
});
const emptyUsd = row('USD', '0.00');
const fundedCny = row('CNY', '110.00');

describe('pickHeadline', () => {
  it('an all-zero USD row does not hide a funded CNY row, whatever the row order', () => {
    expect(pickHeadline([emptyUsd, fundedCny], 'auto')).toEqual({
      currency: 'CNY',
      total: '110.00',
    });
    expect(pickHeadline([fundedCny, emptyUsd], 'auto')).toEqual({
      currency: 'CNY',
      total: '110.00',
    });
  });

  it('picks the funded USD row over an empty CNY row in either order', () => {
    const usd = row('USD', '4.50');
    const cny = row('CNY', '0');
    expect(pickHeadline([cny, usd], 'auto')?.currency).toBe('USD');
    expect(pickHeadline([usd, cny], 'auto')?.currency).toBe('USD');
  });

  it('honours the user preference when that row exists, even if it is empty', () => {
    expect(pickHeadline([fundedCny, emptyUsd], 'USD')).toEqual({ currency: 'USD', total: '0.00' });
  });

  it('falls back to the funded row when the preferred currency is absent', () => {
    expect(pickHeadline([fundedCny], 'USD')).toEqual({ currency: 'CNY', total: '110.00' });
  });

  it('prefers CNY, then USD, then alphabetical when several rows are funded', () => {
    expect(pickHeadline([row('USD', '1'), row('CNY', '2')], 'auto')?.currency).toBe('CNY');
    expect(pickHeadline([row('USD', '1'), row('EUR', '2')], 'auto')?.currency).toBe('USD');
    expect(pickHeadline([row('GBP', '1'), row('EUR', '2')], 'auto')?.currency).toBe('EUR');
  });

  it('with nothing funded shows the CNY row, else the first row', () => {
    expect(pickHeadline([emptyUsd, row('CNY', '0')], 'auto')?.currency).toBe('CNY');
    expect(pickHeadline([row('EUR', '-1'), emptyUsd], 'auto')?.currency).toBe('EUR');
  });

  it('treats empty balance_infos as zero, not unknown', () => {
    expect(pickHeadline([], 'auto')).toEqual({ currency: 'CNY', total: '0' });
    expect(pickHeadline([], 'USD')).toEqual({ currency: 'USD', total: '0' });
  });
});

describe('nonZeroRows', () => {
  it('drops all-zero rows and keeps any row with money in it', () => {
    const granted: BalanceRow = { currency: 'USD', total: '0', granted: '0.5', toppedUp: '-0.5' };
    expect(nonZeroRows([emptyUsd, fundedCny, granted])).toEqual([fundedCny, granted]);
  });
});

describe('headlineMicros', () => {
  it('reads exact micro-units and treats a missing headline as zero', () => {
    expect(headlineMicros({ currency: 'CNY', total: '0.1' })).toBe(100_000);
    expect(headlineMicros(null)).toBe(0);
  });
});
