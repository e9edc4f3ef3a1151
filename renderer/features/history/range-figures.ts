/**
 * The figures under the History heading for the range on screen: what was spent, the
 * average per day and the money that came in. Pure (unit-tested without React) and built
 * on the same analytics the card and `check --json` use, so a top-up is never negative
 * spend and a gift expiry is not counted as spending.
 */
import { classifyChanges, spendBetween } from '../../../shared/analytics/changes';
import { DAY_MS, HOUR_MS, pointsFromSnapshots } from '../../../shared/analytics/points';
import type { Snapshot } from '../../../shared/model';

/** Money that came in: a top-up (paid) or new gift credit. */
export interface RangeTopUp {
  at: number;
  kind: 'top-up' | 'gift';
  micros: number;
}

export interface RangeFigures {
  currency: string;
  /** Spend between the first and the last reading of the range, micro-units. */
  spentMicros: number;
  /** Spend per day over the covered time; null when the readings cover less than an hour. */
  perDayMicros: number | null;
  /** Time between the first and the last reading. */
  coveredMs: number;
  /** Newest first. */
  topUps: RangeTopUp[];
  topUpMicros: number;
}

/** Figures for `currency` over the readings of the range (sorted by time, as main returns them). */
export function rangeFigures(snapshots: readonly Snapshot[], currency: string): RangeFigures {
  const points = pointsFromSnapshots(snapshots, currency);
  const changes = classifyChanges(points);
  const first = points[0];
  const last = points[points.length - 1];
  const coveredMs = first && last ? last.at - first.at : 0;
  const spentMicros = first && last ? spendBetween(changes, first.at, last.at + 1) : 0;
  const topUps: RangeTopUp[] = changes
    .filter((c) => c.kind === 'top-up' || c.kind === 'gift')
    .map((c) => ({ at: c.to, kind: c.kind as RangeTopUp['kind'], micros: c.amount }))
    .reverse();
  return {
    currency,
    spentMicros,
    perDayMicros: coveredMs >= HOUR_MS ? Math.round((spentMicros * DAY_MS) / coveredMs) : null,
    coveredMs,
    topUps,
    topUpMicros: topUps.reduce((sum, x) => sum + x.micros, 0),
  };
}
