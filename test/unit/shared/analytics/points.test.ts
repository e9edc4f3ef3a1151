/** Snapshots to one currency's points (unreadable rows, order, duplicates, `since`) and the binary searches over points. */
import { describe, expect, it } from 'vitest';
import {
  firstIndexAtOrAfter,
  pointsFromSnapshots,
  pointsSince,
  type BalancePoint,
} from '../../../../shared/analytics/points';
import type { BalanceRow, Snapshot } from '../../../../shared/model';

const T = Date.UTC(2026, 0, 1);

function cny(total: string, granted = '0.00', toppedUp = total): BalanceRow {
  return { currency: 'CNY', total, granted, toppedUp };
}

function snap(at: number, rows: BalanceRow[], available = true): Snapshot {
  return { at, available, rows };
}

/** Readings of 10.00 CNY every second from T, `n` of them, the i-th with total 10 + i. */
function everySecond(n: number): Snapshot[] {
  return Array.from({ length: n }, (_, i) => snap(T + i * 1000, [cny(`${10 + i}.00`)]));
}

const ats = (points: readonly BalancePoint[]): number[] => points.map((p) => p.at - T);

describe('pointsFromSnapshots', () => {
  it('reads the chosen currency in micro-units and skips snapshots without it', () => {
    const snaps = [
      snap(T, [cny('12.50', '2.50', '10.00'), { ...cny('1.00'), currency: 'USD' }]),
      snap(T + 1000, [{ ...cny('3.00'), currency: 'USD' }], false),
      snap(T + 2000, [cny('-0.25', '0', '-0.25')], false),
    ];
    expect(pointsFromSnapshots(snaps, 'CNY')).toEqual([
      { at: T, total: 12_500_000, granted: 2_500_000, toppedUp: 10_000_000, available: true },
      { at: T + 2000, total: -250_000, granted: 0, toppedUp: -250_000, available: false },
    ]);
  });

  it.each([
    ['total', { total: 'n/a' }],
    ['granted', { granted: '' }],
    ['toppedUp', { toppedUp: '1,00' }],
  ])('skips a snapshot whose %s alone is unreadable instead of reading it as zero', (_, bad) => {
    const snaps = [
      snap(T, [cny('10.00')]),
      snap(T + 1000, [{ ...cny('9.00'), ...bad }]),
      snap(T + 2000, [cny('8.00')]),
    ];
    const points = pointsFromSnapshots(snaps, 'CNY');
    expect(ats(points)).toEqual([0, 2000]);
    expect(points.map((p) => p.total)).toEqual([10_000_000, 8_000_000]);
  });

  it('sorts two snapshots that arrive out of order', () => {
    const points = pointsFromSnapshots(
      [snap(T + 1000, [cny('9.00')]), snap(T, [cny('10.00')])],
      'CNY',
    );
    expect(points.map((p) => [p.at - T, p.total])).toEqual([
      [0, 10_000_000],
      [1000, 9_000_000],
    ]);
  });

  it('keeps the later of two snapshots at the same instant, also when they arrive out of order', () => {
    const inOrder = [snap(T, [cny('10.00')]), snap(T, [cny('9.00')], false)];
    expect(pointsFromSnapshots(inOrder, 'CNY')).toEqual([
      { at: T, total: 9_000_000, granted: 0, toppedUp: 9_000_000, available: false },
    ]);
    const shuffled = [snap(T + 1000, [cny('8.00')]), ...inOrder];
    expect(pointsFromSnapshots(shuffled, 'CNY').map((p) => [p.at - T, p.total])).toEqual([
      [0, 9_000_000],
      [1000, 8_000_000],
    ]);
  });

  it('with since, starts at the last reading before since (the one exactly at since is not "before")', () => {
    const snaps = everySecond(5); // at 0, 1000, 2000, 3000, 4000
    expect(ats(pointsFromSnapshots(snaps, 'CNY', T + 2500))).toEqual([2000, 3000, 4000]);
    expect(ats(pointsFromSnapshots(snaps, 'CNY', T + 2000))).toEqual([1000, 2000, 3000, 4000]);
    expect(ats(pointsFromSnapshots(snaps, 'CNY', T - 1))).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(ats(pointsFromSnapshots(snaps, 'CNY', T + 9000))).toEqual([4000]);
  });
});

describe('firstIndexAtOrAfter and pointsSince', () => {
  const points = pointsFromSnapshots(everySecond(3), 'CNY'); // at 0, 1000, 2000

  it.each([
    [-500, 0],
    [0, 0],
    [1, 1],
    [1000, 1],
    [1500, 2],
    [2000, 2],
    [2001, 3],
  ])('the first point at or after T + (%i ms) is at index %i', (dt, index) => {
    expect(firstIndexAtOrAfter(points, T + dt)).toBe(index);
  });

  it('finds nothing in no points', () => {
    expect(firstIndexAtOrAfter([], T)).toBe(0);
  });

  it('keeps the points from the last one before t onwards', () => {
    expect(ats(pointsSince(points, T + 1500))).toEqual([1000, 2000]);
    expect(ats(pointsSince(points, T + 1000))).toEqual([0, 1000, 2000]);
    expect(ats(pointsSince(points, T + 2000))).toEqual([1000, 2000]);
    expect(ats(pointsSince(points, T + 5000))).toEqual([2000]);
    expect(ats(pointsSince(points, T - 5000))).toEqual([0, 1000, 2000]);
    expect(pointsSince([], T)).toEqual([]);
  });
});
