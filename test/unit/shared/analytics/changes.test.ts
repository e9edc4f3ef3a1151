/**
 * The change classifier's edges: proportional spend across window edges that do not start
 * at t=0, and the gift-expiry rule ("a granted-only fall 10x faster than the fastest spend of
 * the previous week"), decided case by case at its boundaries.
 */
import { describe, expect, it } from 'vitest';
import {
  EXPIRY_STEP_FACTOR,
  classifyChanges,
  spendBetween,
  type BalanceChange,
} from '../../../../shared/analytics/changes';
import type { BalancePoint } from '../../../../shared/analytics/points';
import { DAY, HOUR, MIN, UNIT } from './series';

/** Far from t=0, so a formula that adds `from` instead of subtracting it gives another answer. */
const T0 = Date.UTC(2026, 5, 1, 7, 13);
const WEEK = 7 * DAY;

const pt = (at: number, granted: number, toppedUp: number): BalancePoint => ({
  at,
  granted,
  toppedUp,
  total: granted + toppedUp,
  available: true,
});
const kinds = (points: BalancePoint[]) => classifyChanges(points).map((c) => c.kind);
const spend = (from: number, to: number, amount: number): BalanceChange => ({
  kind: 'spend',
  from,
  to,
  amount,
  totalAfter: 0,
});

describe('spendBetween', () => {
  it('counts a change straddling a window edge by its overlap, wherever the window lies', () => {
    const c = spend(T0 + 10 * HOUR, T0 + 14 * HOUR, 4 * UNIT);
    expect(spendBetween([c], T0 + 12 * HOUR, T0 + 24 * HOUR)).toBe(2 * UNIT);
    expect(spendBetween([c], T0, T0 + 11 * HOUR)).toBe(1 * UNIT);
    expect(spendBetween([c], T0 + 11 * HOUR, T0 + 12 * HOUR)).toBe(1 * UNIT);
    expect(spendBetween([c], T0 + 10 * HOUR, T0 + 14 * HOUR)).toBe(4 * UNIT);
  });

  it('excludes changes that end at the window start or begin at its end (half-open windows)', () => {
    const c = spend(T0, T0 + HOUR, UNIT);
    expect(spendBetween([c], T0 + HOUR, T0 + 2 * HOUR)).toBe(0);
    expect(spendBetween([c], T0 - HOUR, T0)).toBe(0);
    expect(spendBetween([c], T0 - HOUR, T0 + 2 * HOUR)).toBe(UNIT);
  });

  it('counts only spend, and an instant change whole', () => {
    const topUp: BalanceChange = { ...spend(T0, T0 + HOUR, UNIT), kind: 'top-up' };
    const instant = spend(T0 + 5 * HOUR, T0 + 5 * HOUR, 3 * UNIT);
    expect(spendBetween([topUp], T0 - DAY, T0 + DAY)).toBe(0);
    expect(spendBetween([instant], T0 + 4 * HOUR, T0 + 6 * HOUR)).toBe(3 * UNIT);
  });
});

describe('classifyChanges', () => {
  it('calls a rise of topped-up money a top-up and a rise of gift credit alone a gift', () => {
    expect(kinds([pt(T0, 0, 10 * UNIT), pt(T0 + HOUR, 0, 60 * UNIT)])).toEqual(['top-up']);
    expect(kinds([pt(T0, 0, 10 * UNIT), pt(T0 + HOUR, 5 * UNIT, 10 * UNIT)])).toEqual(['gift']);
    // Both rose: the paid part decides (a top-up that came with a bonus).
    expect(kinds([pt(T0, 0, 10 * UNIT), pt(T0 + HOUR, 5 * UNIT, 20 * UNIT)])).toEqual(['top-up']);
    expect(kinds([pt(T0, UNIT, 10 * UNIT), pt(T0 + HOUR, UNIT, 10 * UNIT)])).toEqual([]);
  });

  /** A week of steady spend at `perHour`, then one more reading from `last`. */
  function weekThen(perHour: number, last: (prev: BalancePoint) => BalancePoint): BalancePoint[] {
    const points: BalancePoint[] = [];
    let toppedUp = 5000 * UNIT;
    for (let h = 0; h <= 24 * 7; h++) {
      points.push(pt(T0 + h * HOUR, 10 * UNIT, toppedUp));
      toppedUp -= perHour;
    }
    points.push(last(points[points.length - 1] as BalancePoint));
    return points;
  }

  it('flags a granted-only fall exactly 10x the fastest weekly spend rate, not one just below', () => {
    const perHour = UNIT / 10; // 0.1 per hour
    // The gift tranche (10 units) vanishes within the next hour: 100x faster: expiry.
    const fast = weekThen(perHour, (p) => pt(p.at + HOUR, 0, p.toppedUp));
    expect(kinds(fast).at(-1)).toBe('possible-gift-expiry');
    // Exactly EXPIRY_STEP_FACTOR x: 1 unit/hour over 10 hours = the whole tranche.
    const exact = weekThen(perHour, (p) => pt(p.at + 10 * HOUR, 0, p.toppedUp));
    expect(EXPIRY_STEP_FACTOR).toBe(10);
    expect(kinds(exact).at(-1)).toBe('possible-gift-expiry');
    // A little slower than that is spending gift credit, not losing it.
    const slower = weekThen(perHour, (p) => pt(p.at + 10 * HOUR + 10 * MIN, 0, p.toppedUp));
    expect(kinds(slower).at(-1)).toBe('spend');
  });

  it('rates intervals shorter than five minutes as five minutes (poll jitter cannot fake speed)', () => {
    // Weekly spend 10 units/hour; 6 of the 10 gift units gone within 10 s. Over 10 s that is
    // 2,160 units/hour (216x); rated over five minutes it is 72/hour (7.2x): spend, not expiry.
    const jitter = weekThen(10 * UNIT, (p) => pt(p.at + 10_000, 4 * UNIT, p.toppedUp));
    expect(kinds(jitter).at(-1)).toBe('spend');
    // All 10 within 10 s: 120/hour even over five minutes (12x): expiry.
    const whole = weekThen(10 * UNIT, (p) => pt(p.at + 10_000, 0, p.toppedUp));
    expect(kinds(whole).at(-1)).toBe('possible-gift-expiry');
  });

  it('needs the fall to be gift credit only, and a whole tranche (or all of it)', () => {
    const paidToo = weekThen(UNIT / 10, (p) => pt(p.at + HOUR, 0, p.toppedUp - UNIT));
    expect(kinds(paidToo).at(-1)).toBe('spend');
    const halfTranche = weekThen(UNIT / 10, (p) => pt(p.at + HOUR, 5 * UNIT, p.toppedUp));
    expect(kinds(halfTranche).at(-1)).toBe('possible-gift-expiry');
    const lessThanHalf = weekThen(UNIT / 10, (p) => pt(p.at + HOUR, 5 * UNIT + 1, p.toppedUp));
    expect(kinds(lessThanHalf).at(-1)).toBe('spend');
  });

  it('takes the fastest spend of the week as the reference, wherever in the week it was', () => {
    // A day of slow spend (0.01/h), one fast hour (10/h), then slow again for a day.
    const points = [pt(T0, 20 * UNIT, 500 * UNIT)];
    let toppedUp = 500 * UNIT;
    for (let h = 1; h <= 49; h++) {
      toppedUp -= h === 25 ? 10 * UNIT : UNIT / 100;
      points.push(pt(T0 + h * HOUR, 20 * UNIT, toppedUp));
    }
    // 20 units of gift credit gone in an hour: 20/h is only 2x the fast hour: spending.
    points.push(pt(T0 + 50 * HOUR, 0, toppedUp));
    expect(kinds(points).at(-1)).toBe('spend');
  });

  it('forgets spend older than a week as the reference, but not spend exactly a week old', () => {
    // One fast spend (10 units in one hour), then nothing but slow spend for a week and more.
    const build = (gapAfterFast: number) => {
      const points = [pt(T0, 20 * UNIT, 500 * UNIT), pt(T0 + HOUR, 20 * UNIT, 490 * UNIT)];
      let at = T0 + HOUR;
      let toppedUp = 490 * UNIT;
      while (at + HOUR < T0 + HOUR + gapAfterFast) {
        at += HOUR;
        toppedUp -= UNIT / 100;
        points.push(pt(at, 20 * UNIT, toppedUp));
      }
      // 20 units of gift credit gone over the last two hours: 10 units/hour.
      points.push(pt(T0 + HOUR + gapAfterFast, 0, toppedUp));
      return points;
    };
    // The fast hour (10/h) is still within the week: 10/h is not 10x of it: spend.
    expect(kinds(build(WEEK - 3 * HOUR)).at(-1)).toBe('spend');
    // Exactly a week after the fast reading it still counts (the window includes its start).
    expect(kinds(build(WEEK)).at(-1)).toBe('spend');
    // A week and an hour later only the slow spend (0.01/h) is left: 10/h is 1000x: expiry.
    expect(kinds(build(WEEK + HOUR)).at(-1)).toBe('possible-gift-expiry');
  });

  it('on an account with no spend in the week, flags only a fall of at least one unit to zero', () => {
    expect(kinds([pt(T0, 3 * UNIT, 0), pt(T0 + DAY, 0, 0)])).toEqual(['possible-gift-expiry']);
    expect(kinds([pt(T0, UNIT, 0), pt(T0 + DAY, 0, 0)])).toEqual(['possible-gift-expiry']);
    expect(kinds([pt(T0, UNIT - 1, 0), pt(T0 + DAY, 0, 0)])).toEqual(['spend']);
    expect(kinds([pt(T0, 3 * UNIT, 0), pt(T0 + DAY, UNIT, 0)])).toEqual(['spend']);
  });

  it('records spend amounts and totals exactly, and keeps expiry out of spend', () => {
    const [a, b] = classifyChanges([
      pt(T0, 3 * UNIT, 10 * UNIT),
      pt(T0 + HOUR, 3 * UNIT, 9 * UNIT),
      pt(T0 + HOUR + MIN, 0, 9 * UNIT),
    ]);
    expect(a).toEqual({
      kind: 'spend',
      from: T0,
      to: T0 + HOUR,
      amount: UNIT,
      totalAfter: 12 * UNIT,
    });
    expect(b).toMatchObject({
      kind: 'possible-gift-expiry',
      amount: 3 * UNIT,
      totalAfter: 9 * UNIT,
    });
  });
});

describe('classifyChanges with providers that report only a total', () => {
  const totalOnly = (at: number, total: number): BalancePoint => ({
    at,
    total,
    granted: 0,
    toppedUp: 0,
    available: true,
  });

  it('calls every fall spend and every rise a top-up, even a sudden fall to zero', () => {
    expect(kinds([totalOnly(T0, 5 * UNIT), totalOnly(T0 + MIN, 0)])).toEqual(['spend']);
    expect(kinds([totalOnly(T0, 5 * UNIT), totalOnly(T0 + MIN, 9 * UNIT)])).toEqual(['top-up']);
  });

  it('does not take a fall for gift expiry when topped-up money moved too, even if the parts do not add up', () => {
    const odd = [
      { at: T0, total: 15 * UNIT, granted: 10 * UNIT, toppedUp: 5 * UNIT, available: true },
      { at: T0 + DAY, total: 5 * UNIT, granted: 0, toppedUp: 3 * UNIT, available: true },
    ];
    expect(kinds(odd)).toEqual(['spend']);
  });
});
