import { describe, expect, it } from 'vitest';
import { historyInsights, pointsFromSnapshots } from '../../../../shared/analytics';
import type { Snapshot } from '../../../../shared/model';
import { microsToDecimal } from '../../../../shared/money';
import { DAY, HOUR, UNIT } from './series';

/** 40 days of hourly readings spending 0.50/h, with a top-up of 100 on day 10. */
function history(): Snapshot[] {
  const out: Snapshot[] = [];
  let bal = 200 * UNIT;
  for (let h = 0; h <= 40 * 24; h++) {
    if (h > 0) bal -= 500_000;
    if (h === 10 * 24) bal += 100 * UNIT;
    const t = microsToDecimal(bal);
    out.push({
      at: h * HOUR,
      available: true,
      rows: [{ currency: 'CNY', total: t, granted: '0', toppedUp: t }],
    });
  }
  return out;
}

describe('history insights', () => {
  it('converts only the recent readings when asked, keeping the one just before', () => {
    const pts = pointsFromSnapshots(history(), 'CNY', 30 * DAY + 30 * 60_000);
    expect(pts[0]?.at).toBe(30 * DAY);
    expect(pts.at(-1)?.at).toBe(40 * DAY);
  });

  it('agrees with the full-history computation and finds an old top-up for the budget', () => {
    const now = 40 * DAY;
    const r = historyInsights(history(), 'CNY', {
      thresholds: { low: '20', critical: '5' },
      budget: { kind: 'since-top-up' },
      now,
    });
    expect(r.burnRate.day?.perDayMicros).toBe(12 * UNIT);
    expect(r.forecast).toMatchObject({ status: 'ok', perDay: { expected: { micros: 12 * UNIT } } });
    expect(r.budget).toMatchObject({ since: 10 * DAY, spentMicros: 30 * 12 * UNIT });
    // The top-up is older than the lookback, so it is not a recent event.
    expect(r.recentEvents).toEqual([]);
  });
});
