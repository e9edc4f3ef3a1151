import { describe, expect, it } from 'vitest';
import {
  classifyChanges,
  computeBurnRate,
  detectGiftExpiries,
  detectTopUps,
  pointsFromSnapshots,
  spendBetween,
} from '../../../../shared/analytics';
import type { Snapshot } from '../../../../shared/model';
import { DAY, HOUR, MIN, UNIT, spendSeries } from './series';

const T0 = Date.UTC(2026, 2, 2, 0, 0); // a Monday, 00:00 UTC

describe('burn rate', () => {
  it('measures steady spend exactly over the last hour, day and week', () => {
    const pts = spendSeries({
      start: T0,
      end: T0 + 10 * DAY,
      stepMs: 5 * MIN,
      balance: 1000 * UNIT,
      ratePerHour: () => 1_200_000,
    });
    const r = computeBurnRate(pts, T0 + 10 * DAY);
    expect(r.hour?.perHourMicros).toBe(1_200_000);
    expect(r.day?.perDayMicros).toBe(28_800_000);
    expect(r.week?.spentMicros).toBe(201_600_000);
    expect(r.week?.perDay).toBe('28.80');
    expect(r.hour?.perHour).toBe('1.20');
  });

  it('does not count a top-up as negative spend and reports it as an event', () => {
    const pts = spendSeries({
      start: T0,
      end: T0 + 2 * DAY,
      stepMs: 5 * MIN,
      balance: 100 * UNIT,
      ratePerHour: () => 12 * UNIT,
      events: (at, p) => {
        if (at === T0 + DAY + 12 * HOUR) p.toppedUp += 500 * UNIT;
      },
    });
    const ups = detectTopUps(pts);
    expect(ups).toHaveLength(1);
    // The interval of the top-up also spent one 5-minute step (1.00): the rise seen is 499.
    expect(ups[0]).toMatchObject({ kind: 'top-up', to: T0 + DAY + 12 * HOUR, amount: 499 * UNIT });
    const r = computeBurnRate(pts, T0 + 2 * DAY);
    // 24 h at 12/h, minus the one step hidden inside the top-up interval.
    expect(r.day?.spentMicros).toBe(24 * 12 * UNIT - UNIT);
    expect(r.hour?.perHourMicros).toBe(12 * UNIT);
  });

  it('flags a step fall of gift credit as possible expiry and keeps it out of spend', () => {
    const pts = spendSeries({
      start: T0,
      end: T0 + 3 * DAY,
      stepMs: 5 * MIN,
      balance: 100 * UNIT,
      granted: 0,
      ratePerHour: () => 1_200_000,
      events: (at, p) => {
        if (at === T0 + DAY) p.granted += 100 * UNIT; // gift arrives
        if (at === T0 + 2 * DAY + 16 * HOUR) p.granted = 0; // what is left of it expires at once
      },
    });
    const expiries = detectGiftExpiries(pts);
    expect(expiries).toHaveLength(1);
    expect(expiries[0]?.to).toBe(T0 + 2 * DAY + 16 * HOUR);
    // Spend stays 1.20/h although granted fell by tens of units in one step; only the one
    // 5-minute step of spend hidden inside the expiry interval (0.10) is not seen.
    expect(computeBurnRate(pts, T0 + 3 * DAY).day?.spentMicros).toBe(28_800_000 - 100_000);
    expect(detectTopUps(pts).map((c) => c.kind)).toEqual(['gift']);
  });

  it('does not mistake ordinary spending of gift credit for expiry', () => {
    const pts = spendSeries({
      start: T0,
      end: T0 + 2 * DAY,
      stepMs: 5 * MIN,
      balance: 50 * UNIT,
      granted: 3 * UNIT,
      ratePerHour: () => 2_400_000,
    });
    expect(detectGiftExpiries(pts)).toEqual([]);
    expect(computeBurnRate(pts, T0 + 2 * DAY).day?.spentMicros).toBe(57_600_000);
  });

  it('flags a lone fall of all gift credit to zero on an idle account', () => {
    const idle = [0, 1, 2, 3].map((h) => ({
      at: T0 + h * HOUR,
      total: 15 * UNIT,
      granted: 5 * UNIT,
      toppedUp: 10 * UNIT,
      available: true,
    }));
    idle.push({
      at: T0 + 4 * HOUR,
      total: 10 * UNIT,
      granted: 0,
      toppedUp: 10 * UNIT,
      available: true,
    });
    expect(classifyChanges(idle).map((c) => c.kind)).toEqual(['possible-gift-expiry']);
  });

  it('says collecting data (null) for a window history covers less than half of', () => {
    const pts = spendSeries({
      start: T0,
      end: T0 + 2 * HOUR,
      stepMs: 5 * MIN,
      balance: 10 * UNIT,
      ratePerHour: () => UNIT,
    });
    const r = computeBurnRate(pts, T0 + 2 * HOUR);
    expect(r.hour).not.toBeNull();
    expect(r.day).toBeNull();
    expect(r.week).toBeNull();
  });

  it('counts a straddling interval in proportion to its overlap', () => {
    const changes = classifyChanges([
      { at: 0, total: 10 * UNIT, granted: 0, toppedUp: 10 * UNIT, available: true },
      { at: 4 * HOUR, total: 6 * UNIT, granted: 0, toppedUp: 6 * UNIT, available: true },
    ]);
    expect(spendBetween(changes, HOUR, 2 * HOUR)).toBe(UNIT);
  });
});

describe('midnight and time zones', () => {
  // Midnight local time in zones from UTC-10 to UTC+12:45, as absolute instants.
  const offsetsMin = {
    'Pacific/Honolulu': -600,
    'America/New_York': -300,
    UTC: 0,
    'Asia/Kolkata': 330,
    'Asia/Shanghai': 480,
    'Pacific/Chatham': 825,
  };

  it.each(Object.entries(offsetsMin))(
    'finds no spend across midnight in %s when the balance is flat',
    (_zone, off) => {
      const midnight = T0 + 3 * DAY - off * MIN;
      const flat = spendSeries({
        start: midnight - 2 * DAY,
        end: midnight + 6 * HOUR,
        stepMs: 5 * MIN,
        balance: 42 * UNIT,
        ratePerHour: () => 0,
      });
      for (const now of [midnight - MIN, midnight, midnight + MIN, midnight + 6 * HOUR]) {
        const r = computeBurnRate(flat, now);
        expect([r.hour?.spentMicros, r.day?.spentMicros]).toEqual([0, 0]);
      }
    },
  );

  it.each(Object.entries(offsetsMin))(
    'gives the same steady rate just before and after midnight in %s',
    (_zone, off) => {
      const midnight = T0 + 8 * DAY - off * MIN;
      const pts = spendSeries({
        start: T0 - DAY,
        end: T0 + 9 * DAY,
        stepMs: MIN,
        balance: 5000 * UNIT,
        ratePerHour: () => 3 * UNIT,
      });
      const before = computeBurnRate(pts, midnight - MIN);
      const after = computeBurnRate(pts, midnight + MIN);
      expect(before.day?.perDayMicros).toBe(72 * UNIT);
      expect(after.day?.perDayMicros).toBe(72 * UNIT);
      expect(after.hour?.perHourMicros).toBe(3 * UNIT);
    },
  );
});

describe('points from snapshots', () => {
  const snap = (at: number, rows: Snapshot['rows']): Snapshot => ({ at, available: true, rows });
  const cny = (total: string) => ({ currency: 'CNY', total, granted: '0', toppedUp: total });

  it('skips readings that lack the currency instead of reading them as zero (no fake spend)', () => {
    const pts = pointsFromSnapshots(
      [snap(1, [cny('10.00')]), snap(2, []), snap(3, [cny('10.00')])],
      'CNY',
    );
    expect(pts.map((p) => p.at)).toEqual([1, 3]);
    expect(classifyChanges(pts)).toEqual([]);
  });

  it('sorts by time, keeps the later of two readings at one instant, and reads exact micro-units', () => {
    const pts = pointsFromSnapshots(
      [snap(5, [cny('0.3')]), snap(1, [cny('0.1')]), snap(5, [cny('0.2')])],
      'CNY',
    );
    expect(pts.map((p) => [p.at, p.total])).toEqual([
      [1, 100_000],
      [5, 200_000],
    ]);
  });
});
