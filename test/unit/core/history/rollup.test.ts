/**
 * The tiered rollup (main/core/history/rollup.ts) on small hand-made histories: which bucket a
 * reading falls in at each tier's edge, and which readings of a bucket are kept (the first of
 * the history, the last of each bucket, turnarounds, availability and currency-set changes).
 */
import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  HOURLY_KEEP_MS,
  RAW_KEEP_MS,
  rollup,
} from '../../../../main/core/history/rollup';
import type { Snapshot } from '../../../../shared/model';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 27, 6, 0);
/** An hour bucket well inside the hourly tier. */
const H0 = Math.floor((NOW - 30 * DAY) / HOUR) * HOUR;

const snap = (
  at: number,
  total: string,
  available = true,
  extra: Snapshot['rows'] = [],
): Snapshot => ({
  at,
  available,
  rows: [{ currency: 'CNY', total, granted: '0', toppedUp: total }, ...extra],
});
const times = (xs: Snapshot[]) => xs.map((s) => (s.at - H0) / MIN);

describe('bucketOf', () => {
  it('keeps the last 14 days raw, then hours for 730 days, then days', () => {
    expect(RAW_KEEP_MS).toBe(14 * DAY);
    expect(HOURLY_KEEP_MS).toBe(730 * DAY);
    expect(bucketOf(NOW, NOW)).toBeNull();
    expect(bucketOf(NOW - RAW_KEEP_MS, NOW)).toBeNull();
    const h = NOW - RAW_KEEP_MS - 1;
    expect(bucketOf(h, NOW)).toBe(`h${Math.floor(h / HOUR)}`);
    expect(bucketOf(NOW - HOURLY_KEEP_MS, NOW)).toBe(
      `h${Math.floor((NOW - HOURLY_KEEP_MS) / HOUR)}`,
    );
    const d = NOW - HOURLY_KEEP_MS - 1;
    expect(bucketOf(d, NOW)).toBe(`d${Math.floor(d / DAY)}`);
  });
});

describe('rollup', () => {
  it('returns up to two readings as they are, in a new array', () => {
    const two = [snap(H0, '5'), snap(H0 + MIN, '4')];
    const out = rollup(two, NOW);
    expect(out).toEqual(two);
    expect(out).not.toBe(two);
    expect(rollup([], NOW)).toEqual([]);
  });

  it('keeps the first reading and the last of each hour while amounts move one way', () => {
    const h = [0, 10, 20, 50, 70, 80, 130].map((m, i) => snap(H0 + m * MIN, String(100 - i)));
    expect(times(rollup(h, NOW))).toEqual([0, 50, 80, 130]);
  });

  it('keeps every reading of the last 14 days', () => {
    const t0 = NOW - DAY;
    const h = [0, 10, 20, 30].map((m, i) => snap(t0 + m * MIN, String(10 - i)));
    expect(rollup(h, NOW)).toEqual(h);
  });

  it('keeps the reading where an amount turns around inside an hour', () => {
    // Falls, then a top-up, then falls again, all in one hour.
    const h = [
      snap(H0, '10'),
      snap(H0 + 10 * MIN, '9'),
      snap(H0 + 20 * MIN, '8'),
      snap(H0 + 30 * MIN, '20'),
      snap(H0 + 40 * MIN, '19'),
      snap(H0 + 50 * MIN, '18'),
      snap(H0 + 70 * MIN, '17'),
    ];
    expect(times(rollup(h, NOW))).toEqual([0, 20, 30, 50, 70]);
  });

  it('a flat stretch is no turnaround', () => {
    const h = [
      snap(H0, '10'),
      snap(H0 + 10 * MIN, '9'),
      snap(H0 + 20 * MIN, '9'),
      snap(H0 + 30 * MIN, '8'),
      snap(H0 + 70 * MIN, '7'),
    ];
    expect(times(rollup(h, NOW))).toEqual([0, 30, 70]);
  });

  it('keeps the reading before availability or the set of currencies changes', () => {
    const usd = [{ currency: 'USD', total: '1', granted: '0', toppedUp: '1' }];
    const h = [
      snap(H0, '10'),
      snap(H0 + 10 * MIN, '9'),
      snap(H0 + 20 * MIN, '9', false),
      snap(H0 + 30 * MIN, '9', false),
      snap(H0 + 40 * MIN, '9', false, usd),
      snap(H0 + 50 * MIN, '9', false, usd),
      snap(H0 + 70 * MIN, '8', false, usd),
    ];
    expect(times(rollup(h, NOW))).toEqual([0, 10, 30, 50, 70]);
  });

  it('rolls up days past two years, and twice gives the same as once', () => {
    const d0 = Math.floor((NOW - 800 * DAY) / DAY) * DAY;
    const h = [0, 3, 9, 20, 25, 30].map((hr, i) => snap(d0 + hr * HOUR, String(50 - i)));
    const once = rollup(h, NOW);
    expect(once.map((s) => (s.at - d0) / HOUR)).toEqual([0, 20, 30]);
    expect(rollup(once, NOW)).toEqual(once);
  });
});
