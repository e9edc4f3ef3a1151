/**
 * The forecast at its boundaries, away from t=0: exactly one day of history, exactly three
 * days (confidence), a balance exactly at a threshold, a day without spend (its "latest" is
 * never, not Infinity), readings after `now`, thresholds that do not parse.
 */
import { describe, expect, it } from 'vitest';
import { forecast, type Forecast } from '../../../../shared/analytics/forecast';
import type { BalancePoint } from '../../../../shared/analytics/points';
import { DAY, HOUR, UNIT } from './series';

const T0 = Date.UTC(2026, 8, 14, 3, 21);
const thresholds = { low: '20', critical: '5' };

/** Hourly readings from T0 for `hours`, spending `perHour(h)` from topped-up money. */
function hourly(hours: number, balance: number, perHour: (h: number) => number): BalancePoint[] {
  const out: BalancePoint[] = [];
  let total = balance;
  for (let h = 0; h <= hours; h++) {
    if (h > 0) total -= perHour(h - 1);
    out.push({ at: T0 + h * HOUR, total, granted: 0, toppedUp: total, available: true });
  }
  return out;
}
const ok = (f: Forecast) => {
  if (f.status !== 'ok') throw new Error(`expected a forecast, got ${f.status}`);
  return f;
};

describe('forecast edges', () => {
  it('forecasts from exactly 24 hours of history, and not from one millisecond less', () => {
    const day = hourly(24, 100 * UNIT, () => UNIT);
    const f = ok(forecast(day, thresholds, T0 + DAY));
    expect(f.days).toBe(1);
    expect(f.asOf).toBe(T0 + DAY);
    expect(f.perDay.expected.micros).toBe(24 * UNIT);
    const short = [...day];
    short[0] = { ...day[0]!, at: T0 + 1 };
    expect(forecast(short, thresholds, T0 + DAY)).toEqual({
      status: 'collecting-data',
      coveredMs: DAY - 1,
      neededMs: DAY,
    });
  });

  it('has normal confidence from exactly three whole days, low with two (range widened to half and double)', () => {
    const three = ok(
      forecast(
        hourly(72, 500 * UNIT, () => UNIT),
        thresholds,
        T0 + 72 * HOUR,
      ),
    );
    expect(three).toMatchObject({ days: 3, confidence: 'normal' });
    expect(three.perDay.slowest.micros).toBe(24 * UNIT);
    expect(three.perDay.fastest.micros).toBe(24 * UNIT);
    const two = ok(
      forecast(
        hourly(71, 500 * UNIT, () => UNIT),
        thresholds,
        T0 + 71 * HOUR,
      ),
    );
    expect(two).toMatchObject({ days: 2, confidence: 'low' });
    expect(two.perDay.slowest.micros).toBe(12 * UNIT);
    expect(two.perDay.fastest.micros).toBe(48 * UNIT);
  });

  it('uses at most seven whole days', () => {
    const f = ok(
      forecast(
        hourly(24 * 10, 1000 * UNIT, (h) => (h < 24 * 3 ? 5 * UNIT : UNIT)),
        thresholds,
        T0 + 10 * DAY,
      ),
    );
    expect(f.days).toBe(7);
    expect(f.perDay.expected.micros).toBe(24 * UNIT); // the three expensive first days are older than 7
  });

  it('says a threshold the balance sits exactly on is reached now', () => {
    const f = ok(
      forecast(
        hourly(72, 20 * UNIT + 72 * UNIT, () => UNIT),
        thresholds,
        T0 + 72 * HOUR,
      ),
    );
    expect(f.balanceMicros).toBe(20 * UNIT);
    const low = f.targets.find((t) => t.name === 'low');
    expect(low).toMatchObject({
      reached: true,
      earliest: f.asOf,
      expected: f.asOf,
      latest: f.asOf,
    });
    const critical = f.targets.find((t) => t.name === 'critical');
    expect(critical?.reached).toBe(false);
    expect(critical?.expected).toBe(f.asOf + Math.round((15 * UNIT * DAY) / (24 * UNIT)));
  });

  it('gives no "latest" (never) when the slowest day spent nothing, instead of Infinity', () => {
    // Three days: the middle one without spend.
    const f = ok(
      forecast(
        hourly(72, 500 * UNIT, (h) => (h >= 24 && h < 48 ? 0 : UNIT)),
        thresholds,
        T0 + 72 * HOUR,
      ),
    );
    expect(f.perDay.slowest.micros).toBe(0);
    const zero = f.targets.find((t) => t.name === 'zero');
    expect(zero?.latest).toBeNull();
    expect(zero?.expected).not.toBeNull();
    expect(zero?.earliest).not.toBeNull();
  });

  it('reports not spending when no day spent anything', () => {
    expect(
      forecast(
        hourly(48, 30 * UNIT, () => 0),
        thresholds,
        T0 + 48 * HOUR,
      ),
    ).toEqual({
      status: 'not-spending',
      balanceMicros: 30 * UNIT,
      balance: '30.00',
      days: 2,
    });
  });

  it('ignores readings after now (a clock stepped back) instead of forecasting from the future', () => {
    const pts = hourly(72, 500 * UNIT, () => UNIT);
    const f = ok(forecast(pts, thresholds, T0 + 48 * HOUR));
    expect(f.asOf).toBe(T0 + 48 * HOUR);
    expect(f.days).toBe(2);
    expect(f.balanceMicros).toBe(452 * UNIT);
  });

  it('forecasts zero only when thresholds are missing or do not parse', () => {
    const pts = hourly(72, 500 * UNIT, () => UNIT);
    expect(ok(forecast(pts, null, T0 + 72 * HOUR)).targets.map((t) => t.name)).toEqual(['zero']);
    const bad = ok(forecast(pts, { low: 'lots', critical: '5' }, T0 + 72 * HOUR));
    expect(bad.targets.map((t) => t.name)).toEqual(['critical', 'zero']);
  });
});

describe('forecast reference week', () => {
  it('judges gift expiry early in the window against the week before the window', () => {
    // T0 -> T0+1h: a fast spend of 12 units in one hour. Then 1 unit/hour of paid spend for
    // eight days; 1.5 days in, the 10 gift units go within one hour (10/h). The 7-day window
    // starts at T0+1d, so the fast hour lies before it but within a week of the gift fall:
    // 10/h is not 10x of 12/h, so it is spend and counts in the rate.
    const pts: BalancePoint[] = [];
    let at = T0;
    let toppedUp = 1000 * UNIT;
    let granted = 10 * UNIT;
    const push = () =>
      pts.push({ at, total: granted + toppedUp, granted, toppedUp, available: true });
    push();
    at += HOUR;
    toppedUp -= 12 * UNIT;
    push();
    for (let h = 0; h < 191; h++) {
      at += HOUR;
      if (at === T0 + 36 * HOUR) granted -= 10 * UNIT;
      else toppedUp -= UNIT;
      push();
    }
    const f = ok(forecast(pts, thresholds, at));
    expect(f.days).toBe(7);
    // 167 paid hours + the 10 gift units, over 7 days. Judged against the window alone
    // (1/h), the gift fall would be an expiry and the rate 167/7 a day.
    expect(f.perDay.expected.micros).toBe(Math.round((177 * UNIT) / 7));
  });
});
