/**
 * "Runs out within N days at the current rate": only from a confident forecast (at least three
 * whole days of history, shared/analytics/forecast), so one busy first day never raises an
 * alarm. The tray, the notification and `check` all read days left through here.
 */
import type { Forecast } from './forecast';
import { DAY_MS } from './points';

/** The default N: warn three days ahead. */
export const DEFAULT_RUN_OUT_DAYS = 3;
/** An episode ends once the forecast is this many times N away again (a top-up, a calmer week). */
export const RUN_OUT_END_FACTOR = 1.5;

/**
 * Days until the balance is expected to reach zero at the current rate, as a fraction; null
 * when the forecast is not confident, not spending, or already at zero (then 'depleted' says it).
 */
export function confidentDaysLeft(f: Forecast | null | undefined): number | null {
  if (!f || f.status !== 'ok' || f.confidence !== 'normal') return null;
  const zero = f.targets.find((t) => t.name === 'zero');
  if (!zero || zero.reached || zero.expected === null) return null;
  return (zero.expected - f.asOf) / DAY_MS;
}

/** Days left for display even from a low-confidence forecast; null when there is none. */
export function anyDaysLeft(f: Forecast | null | undefined): number | null {
  if (!f || f.status !== 'ok') return null;
  const zero = f.targets.find((t) => t.name === 'zero');
  if (!zero || zero.expected === null) return null;
  return zero.reached ? 0 : (zero.expected - f.asOf) / DAY_MS;
}
