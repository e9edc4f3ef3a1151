import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../../shared/model';
import { downsample, pickCurrency, rangeStart, toSeries } from '../../../../../renderer/features/history/chart-data';

const snap = (at: number, cny: [string, string, string] | null, usd: [string, string, string] | null = null): Snapshot => ({
  at,
  available: true,
  rows: [
    ...(cny ? [{ currency: 'CNY', total: cny[0], granted: cny[1], toppedUp: cny[2] }] : []),
    ...(usd ? [{ currency: 'USD', total: usd[0], granted: usd[1], toppedUp: usd[2] }] : []),
  ],
});

describe('toSeries', () => {
  it('marks a top-up where topped-up money rises, not where gift credit or spend moves', () => {
    const s = toSeries(
      [
        snap(1000, ['50.00', '10.00', '40.00']),
        snap(2000, ['45.00', '5.00', '40.00']), // spend from gift
        snap(3000, ['40.00', '0.00', '40.00']), // gift expired
        snap(4000, ['140.00', '0.00', '140.00']), // top-up
        snap(5000, ['139.50', '0.00', '139.50']),
      ],
      'CNY',
    );
    expect(s.topUps).toEqual([3]);
    expect(Array.from(s.xs)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(s.total)).toEqual([50, 45, 40, 140, 139.5]);
  });

  it('counts a reading without the currency as zero rather than skipping it', () => {
    const s = toSeries([snap(1000, ['5.00', '0', '5.00']), snap(2000, null, ['1.00', '0', '1.00'])], 'CNY');
    expect(Array.from(s.total)).toEqual([5, 0]);
  });
});

describe('pickCurrency', () => {
  it('uses the preferred currency when the readings carry it', () => {
    expect(pickCurrency([snap(1, ['1.00', '0', '1.00'], ['9.00', '0', '9.00'])], 'CNY')).toBe('CNY');
  });
  it('otherwise charts the currency holding the most money in the latest reading', () => {
    expect(pickCurrency([snap(1, ['0.00', '0', '0.00'], ['3.00', '0', '3.00'])], null)).toBe('USD');
  });
  it('has nothing to chart without readings', () => {
    expect(pickCurrency([], 'CNY')).toBeNull();
  });
});

describe('downsample and ranges', () => {
  it('keeps the series aligned: every drawn column comes from the same readings', () => {
    const snaps = Array.from({ length: 5000 }, (_, i) => snap(i * 60_000, [(100 - i / 100).toFixed(2), '0.00', (100 - i / 100).toFixed(2)]));
    const d = downsample(toSeries(snaps, 'CNY'), 200);
    expect(d.index).toHaveLength(200);
    for (let k = 0; k < d.index.length; k++) {
      expect(d.data[0][k]).toBe(snaps[d.index[k]!]!.at / 1000);
      expect(d.data[3][k]).toBe(d.data[1][k]);
    }
  });
  it('asks for everything on "all" and for the last day on "24h"', () => {
    expect(rangeStart('all', 10 * 86_400_000)).toBeUndefined();
    expect(rangeStart('24h', 10 * 86_400_000)).toBe(9 * 86_400_000);
  });
});
