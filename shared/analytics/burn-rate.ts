/**
 * How fast the account is spending, over the last hour, day and week. Rates are measured on
 * absolute time (a window is "the last 24 hours", never "today"), so a day boundary in any
 * time zone changes nothing.
 */
import { microsToDecimal } from '../money';
import { type BalanceChange, classifyChanges, spendBetween } from './changes';
import { type BalancePoint, DAY_MS, HOUR_MS, WEEK_MS, pointsSince } from './points';

/** Spend measured over one window. Micro-units for arithmetic, decimal strings for display. */
export interface Rate {
  windowMs: number;
  /** How much of the window the history actually covers (the rate is spend / covered time). */
  coveredMs: number;
  spentMicros: number;
  perHourMicros: number;
  perDayMicros: number;
  perHour: string;
  perDay: string;
}

/** null for a window means "collecting data": history covers less than half of it. */
export interface BurnRate {
  hour: Rate | null;
  day: Rate | null;
  week: Rate | null;
}

/** A window needs at least this share covered by history before it is rated. */
export const MIN_COVERAGE = 0.5;

/**
 * Rate over [now - windowMs, now] from already classified `changes`, or null when the
 * history (`points`) covers too little of the window.
 */
export function rateOver(
  points: readonly BalancePoint[],
  changes: readonly BalanceChange[],
  windowMs: number,
  now: number,
): Rate | null {
  const start = now - windowMs;
  const recent = pointsSince(points, start).filter((p) => p.at <= now);
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (!first || !last) return null;
  const coveredMs = Math.max(0, last.at - Math.max(first.at, start));
  if (coveredMs < windowMs * MIN_COVERAGE) return null;
  const spentMicros = spendBetween(changes, start, Math.min(now, last.at));
  const perHourMicros = Math.round((spentMicros * HOUR_MS) / coveredMs);
  const perDayMicros = Math.round((spentMicros * DAY_MS) / coveredMs);
  return {
    windowMs,
    coveredMs,
    spentMicros,
    perHourMicros,
    perDayMicros,
    perHour: microsToDecimal(perHourMicros),
    perDay: microsToDecimal(perDayMicros),
  };
}

/**
 * Burn rate over the last hour, day and week ending at `now`. Top-ups and possible gift
 * expiries are not spend. The classification looks one extra week back so a gift expiry at
 * the start of the window is judged against the spending before it.
 */
export function computeBurnRate(points: readonly BalancePoint[], now: number): BurnRate {
  const context = pointsSince(points, now - 2 * WEEK_MS);
  const changes = classifyChanges(context);
  return {
    hour: rateOver(context, changes, HOUR_MS, now),
    day: rateOver(context, changes, DAY_MS, now),
    week: rateOver(context, changes, WEEK_MS, now),
  };
}
