/**
 * Spending spikes: the last hour's spend against the account's usual hourly rate. A runaway
 * loop or a leaked key is the costliest surprise there is, so the tray notification, the
 * diagnosis (`usage-spike`) and `check --json` all use this one rule. Numbers, and why:
 * - recent window: the last hour (`SPIKE_WINDOW_MS`), rated once half of it is covered;
 * - usual rate: the week before that hour, or failing that the two days before it; either way
 *   at least 24 covered hours, so the baseline always mixes peak and off-peak hours;
 * - a spike needs at least `SPIKE_FACTOR` (5) times the usual rate. Peak-hour pricing makes
 *   the same work cost up to twice as much as off-peak, and an ordinary busy hour is up to
 *   about twice the average: 2 x 2 = 4 stays below 5, so neither alone (nor together) fires;
 * - and at least one currency unit spent in that hour (`SPIKE_MIN_SPEND_MICROS`), so a few
 *   cents on an idle account are not an alarm; with no usual spend at all, that unit is enough;
 * - top-ups and likely gift expiries are not spend (shared/analytics/changes).
 * An episode ends only when the ratio falls below `SPIKE_END_FACTOR` (half the trigger), so a
 * rate hovering around 5x does not alert again and again.
 */
import { rateOver, type Rate } from './burn-rate';
import { classifyChanges } from './changes';
import { type BalancePoint, DAY_MS, HOUR_MS, WEEK_MS, pointsSince } from './points';

export const SPIKE_WINDOW_MS = HOUR_MS;
export const SPIKE_FACTOR = 5;
export const SPIKE_END_FACTOR = 2.5;
export const SPIKE_MIN_SPEND_MICROS = 1_000_000;

/** The last hour against the usual rate; `ratio` is null when the usual rate is zero. */
export interface SpikeMeasure {
  recentSpentMicros: number;
  recentPerHourMicros: number;
  usualPerHourMicros: number;
  ratio: number | null;
  /** `spike`: alert-worthy now; `elevated`: an ongoing spike has not calmed down yet. */
  level: 'spike' | 'elevated' | 'calm';
}

function usualRate(points: readonly BalancePoint[], end: number): Rate | null {
  const changes = classifyChanges(pointsSince(points, end - 3 * WEEK_MS));
  return rateOver(points, changes, WEEK_MS, end) ?? rateOver(points, changes, 2 * DAY_MS, end);
}

/** How the measured ratio and spend rank; exported for the boundary tests. */
export function spikeLevel(spentMicros: number, ratio: number | null): SpikeMeasure['level'] {
  if (spentMicros >= SPIKE_MIN_SPEND_MICROS && (ratio === null || ratio >= SPIKE_FACTOR))
    return 'spike';
  if (spentMicros > 0 && (ratio === null || ratio >= SPIKE_END_FACTOR)) return 'elevated';
  return 'calm';
}

/**
 * The spike measure at `now` for one currency's sorted points, or null while either window
 * lacks history (a new account, or no reading in the last half hour).
 */
export function measureSpike(points: readonly BalancePoint[], now: number): SpikeMeasure | null {
  const context = pointsSince(points, now - 3 * WEEK_MS);
  const recent = rateOver(context, classifyChanges(context), SPIKE_WINDOW_MS, now);
  const usual = usualRate(context, now - SPIKE_WINDOW_MS);
  if (!recent || !usual) return null;
  const ratio = usual.perHourMicros > 0 ? recent.perHourMicros / usual.perHourMicros : null;
  return {
    recentSpentMicros: recent.spentMicros,
    recentPerHourMicros: recent.perHourMicros,
    usualPerHourMicros: usual.perHourMicros,
    ratio,
    level: spikeLevel(recent.spentMicros, ratio),
  };
}
