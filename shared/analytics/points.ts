/**
 * The analytics work on one currency at a time, in integer micro-units, on absolute epoch
 * milliseconds. Nothing here knows about calendar days or time zones, which is what keeps
 * midnight from ever looking like spend.
 */
import type { Snapshot } from '../model';
import { parseAmount } from '../money';

/** One reading of one currency, in micro-units. */
export interface BalancePoint {
  at: number;
  total: number;
  granted: number;
  toppedUp: number;
  available: boolean;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** How far back burn rate and forecast ever look (a week, plus a week of context). */
export const ANALYTICS_LOOKBACK_MS = 15 * DAY_MS;

/** Index of the first snapshot at or after `t` in a time-sorted list (binary search). */
function firstSnapshotAtOrAfter(snapshots: readonly Snapshot[], t: number): number {
  let lo = 0;
  let hi = snapshots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((snapshots[mid] as Snapshot).at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Turns stored snapshots into points for one currency, sorted by time. A snapshot without
 * that currency's row (or with an unreadable amount) is skipped rather than read as zero:
 * a row that flickers in and out would otherwise look like spend followed by a top-up.
 * Two snapshots at the same instant keep the later one. With `since` (and `snapshots`
 * sorted by time, as the store returns them) only readings from just before `since` on are
 * converted: pass `now - ANALYTICS_LOOKBACK_MS` for burn rate and forecast on long histories.
 */
export function pointsFromSnapshots(
  snapshots: readonly Snapshot[],
  currency: string,
  since?: number,
): BalancePoint[] {
  if (since !== undefined) {
    const from = Math.max(0, firstSnapshotAtOrAfter(snapshots, since) - 1);
    if (from > 0) snapshots = snapshots.slice(from);
  }
  const out: BalancePoint[] = [];
  let sorted = true;
  for (const s of snapshots) {
    const row = s.rows.find((r) => r.currency === currency);
    if (!row) continue;
    const total = parseAmount(row.total);
    const granted = parseAmount(row.granted);
    const toppedUp = parseAmount(row.toppedUp);
    if (!total.ok || !granted.ok || !toppedUp.ok) continue;
    const last = out[out.length - 1];
    if (last && s.at < last.at) sorted = false;
    out.push({
      at: s.at,
      total: total.value,
      granted: granted.value,
      toppedUp: toppedUp.value,
      available: s.available,
    });
  }
  if (!sorted) out.sort((a, b) => a.at - b.at);
  const dedup: BalancePoint[] = [];
  for (const p of out) {
    const last = dedup[dedup.length - 1];
    if (last && last.at === p.at) dedup[dedup.length - 1] = p;
    else dedup.push(p);
  }
  return dedup;
}

/** Index of the first point with `at >= t` (binary search; points are sorted). */
export function firstIndexAtOrAfter(points: readonly BalancePoint[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as BalancePoint).at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The points from just before `t` onwards: enough to know every change after `t`. */
export function pointsSince(points: readonly BalancePoint[], t: number): BalancePoint[] {
  const i = firstIndexAtOrAfter(points, t);
  return points.slice(Math.max(0, i - 1));
}
