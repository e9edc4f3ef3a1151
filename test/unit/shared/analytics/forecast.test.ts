import { describe, expect, it } from 'vitest';
import { budgetBaseline, forecast } from '../../../../shared/analytics';
import { DAY, HOUR, MIN, UNIT, spendSeries } from './series';

const BEIJING = 8 * HOUR;
/** Monday 2026-03-09 00:00 Beijing time, as an instant. */
const MONDAY_BJ = Date.UTC(2026, 2, 9) - BEIJING;

/** DeepSeek peak: Mon-Fri 09-12 and 14-18 Beijing time. */
function isPeak(at: number): boolean {
  const d = new Date(at + BEIJING);
  const day = d.getUTCDay();
  const h = d.getUTCHours();
  return day >= 1 && day <= 5 && ((h >= 9 && h < 12) || (h >= 14 && h < 18));
}

const thresholds = { low: '20', critical: '5' };

describe('forecast', () => {
  it('says collecting data until a full day of history exists', () => {
    const pts = spendSeries({
      start: 0,
      end: 23 * HOUR,
      stepMs: 5 * MIN,
      balance: 100 * UNIT,
      ratePerHour: () => 1_200_000,
    });
    expect(forecast(pts, thresholds, 23 * HOUR)).toEqual({
      status: 'collecting-data',
      coveredMs: 23 * HOUR,
      neededMs: DAY,
    });
    expect(forecast([], thresholds, 0)).toMatchObject({ status: 'collecting-data', coveredMs: 0 });
  });

  it('forecasts steady spend exactly, with a range that collapses when every day is the same', () => {
    const end = 10 * DAY;
    const pts = spendSeries({
      start: 0,
      end,
      stepMs: 5 * MIN,
      balance: 500 * UNIT,
      ratePerHour: () => 1_200_000,
    });
    const f = forecast(pts, thresholds, end);
    if (f.status !== 'ok') throw new Error(f.status);
    expect(f.perDay.expected.micros).toBe(28_800_000);
    expect(f.confidence).toBe('normal');
    expect(f.balanceMicros).toBe(500 * UNIT - 10 * 28_800_000);
    const zero = f.targets.find((t) => t.name === 'zero');
    const days = f.balanceMicros / 28_800_000;
    expect(zero?.expected).toBe(end + Math.round(days * DAY));
    expect(zero?.earliest).toBe(zero?.expected);
    expect(zero?.latest).toBe(zero?.expected);
    expect(f.targets.map((t) => t.name)).toEqual(['low', 'critical', 'zero']);
  });

  it('is not fooled by off-peak half price: the rate is the weekly average of whole days', () => {
    const end = MONDAY_BJ + 14 * DAY;
    const pts = spendSeries({
      start: MONDAY_BJ,
      end,
      stepMs: 5 * MIN,
      balance: 2000 * UNIT,
      ratePerHour: (at) => (isPeak(at) ? 2_400_000 : 1_200_000),
    });
    const f = forecast(pts, thresholds, end);
    if (f.status !== 'ok') throw new Error(f.status);
    // Weekday: 7 peak hours at 2.40 + 17 at 1.20 = 37.20; weekend day: 28.80; week average 34.80.
    expect(f.perDay.expected.decimal).toBe('34.80');
    expect(f.perDay.slowest.decimal).toBe('28.80');
    expect(f.perDay.fastest.decimal).toBe('37.20');
    const zero = f.targets.find((t) => t.name === 'zero');
    expect(zero?.earliest).toBeLessThan(zero?.expected ?? 0);
    expect(zero?.latest).toBeGreaterThan(zero?.expected ?? 0);
    // The same answer at noon on a peak weekday: a whole-day window does not chase the hour.
    const noon = pts.filter((p) => p.at <= end - 7 * DAY + 12 * HOUR);
    const g = forecast(noon, thresholds, end - 7 * DAY + 12 * HOUR);
    if (g.status !== 'ok') throw new Error(g.status);
    expect(g.perDay.expected.micros).toBe(34_800_000);
  });

  it('ignores a top-up when estimating the rate and counts from the new balance', () => {
    const pts = spendSeries({
      start: 0,
      end: 8 * DAY,
      stepMs: 5 * MIN,
      balance: 300 * UNIT,
      ratePerHour: () => 1_200_000,
      events: (at, p) => {
        if (at === 5 * DAY + 5 * MIN) p.toppedUp += 1000 * UNIT;
      },
    });
    const f = forecast(pts, thresholds, 8 * DAY);
    if (f.status !== 'ok') throw new Error(f.status);
    expect(f.perDay.fastest.micros).toBe(28_800_000);
    expect(f.perDay.slowest.micros).toBe(28_800_000 - 100_000);
    expect(f.balanceMicros).toBe(300 * UNIT + 1000 * UNIT - 8 * 28_800_000);
  });

  it('widens the range with fewer than three days of history and says so', () => {
    const pts = spendSeries({
      start: 0,
      end: 30 * HOUR,
      stepMs: 5 * MIN,
      balance: 100 * UNIT,
      ratePerHour: () => 1_200_000,
    });
    const f = forecast(pts, thresholds, 30 * HOUR);
    if (f.status !== 'ok') throw new Error(f.status);
    expect(f.confidence).toBe('low');
    expect(f.perDay.slowest.micros).toBe(14_400_000);
    expect(f.perDay.fastest.micros).toBe(57_600_000);
  });

  it('reports a threshold already passed as reached, and a flat balance as not spending', () => {
    const low = spendSeries({
      start: 0,
      end: 3 * DAY,
      stepMs: HOUR,
      balance: 15 * UNIT,
      ratePerHour: () => 120_000,
    });
    const f = forecast(low, thresholds, 3 * DAY);
    if (f.status !== 'ok') throw new Error(f.status);
    expect(f.targets.find((t) => t.name === 'low')).toMatchObject({
      reached: true,
      expected: 3 * DAY,
    });
    expect(f.targets.find((t) => t.name === 'critical')?.reached).toBe(false);
    const flat = spendSeries({
      start: 0,
      end: 3 * DAY,
      stepMs: HOUR,
      balance: 15 * UNIT,
      ratePerHour: () => 0,
    });
    expect(forecast(flat, thresholds, 3 * DAY)).toEqual({
      status: 'not-spending',
      balanceMicros: 15 * UNIT,
      balance: '15.00',
      days: 3,
    });
  });
});

describe('budget baseline', () => {
  const pts = spendSeries({
    start: 0,
    end: 2 * DAY,
    stepMs: HOUR,
    balance: 40 * UNIT,
    ratePerHour: () => 500_000,
    events: (at, p) => {
      if (at === DAY) p.toppedUp += 100 * UNIT;
    },
  });
  const last = pts.at(-1)!;

  it('uses the balance right after the last top-up, found automatically', () => {
    const b = budgetBaseline({ kind: 'since-top-up' }, pts);
    const afterTopUp = pts.find((p) => p.at === DAY)!.total;
    expect(b).toMatchObject({
      kind: 'since-top-up',
      baselineMicros: afterTopUp,
      since: DAY,
      fallback: false,
    });
    expect(b?.spentMicros).toBe(24 * 500_000);
    expect(b?.fill).toBeCloseTo(last.total / afterTopUp, 12);
  });

  it('measures against a fixed budget, and has no baseline for none', () => {
    expect(budgetBaseline({ kind: 'fixed', amount: '200' }, pts)?.fill).toBeCloseTo(
      last.total / (200 * UNIT),
      12,
    );
    expect(budgetBaseline({ kind: 'fixed', amount: 'abc' }, pts)).toBeNull();
    expect(budgetBaseline({ kind: 'none' }, pts)).toBeNull();
  });

  it('falls back to the highest balance seen when no top-up is in history', () => {
    const b = budgetBaseline({ kind: 'since-top-up' }, pts.slice(0, 10));
    expect(b).toMatchObject({ fallback: true, baselineMicros: 40 * UNIT, since: 0 });
  });
});
