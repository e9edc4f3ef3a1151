/**
 * How full the fuel gauge is. A gauge needs a baseline (users asked for one: a budget, or
 * "since the last top-up"); without one it returns null and the UI/tray show the level colour
 * and the number only, rather than inventing a scale the user never chose.
 */
import type { Budget } from './model';
import { parseAmount } from './money';

export interface HistoryPoint {
  at: number;
  totalMicros: number;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * The balance right after the most recent top-up: the value after the last rise in `points`
 * (sorted by time). With no rise at all, the most ever seen. A rise is any increase: a
 * top-up or a refund both reset what "full" means.
 */
export function sinceTopUpBaseline(points: HistoryPoint[]): number | null {
  if (points.length === 0) return null;
  for (let i = points.length - 1; i > 0; i--) {
    const cur = points[i] as HistoryPoint;
    const prev = points[i - 1] as HistoryPoint;
    if (cur.totalMicros > prev.totalMicros) return cur.totalMicros;
  }
  return Math.max(...points.map((p) => p.totalMicros));
}

/**
 * 0..1 share of the baseline left, or null when there is no usable baseline.
 * - fixed: total / budget amount (clamped; a non-positive budget is no baseline).
 * - since-top-up: total / balance right after the latest top-up found in `history` plus the
 *   current total (so a top-up seen this very poll fills the gauge), or the max seen.
 * - none: null. The user chose no baseline; the level colour already says how close the
 *   thresholds are, and a made-up scale (e.g. 2x the low threshold) would read as "full" for
 *   any large balance and mislead more than it helps.
 */
export function gaugeFill(
  snapshotTotalMicros: number,
  budget: Budget,
  history: HistoryPoint[],
): number | null {
  if (budget.kind === 'fixed') {
    const amount = parseAmount(budget.amount);
    if (!amount.ok || amount.value <= 0) return null;
    return clamp01(snapshotTotalMicros / amount.value);
  }
  if (budget.kind === 'since-top-up') {
    const sorted = [...history].sort((a, b) => a.at - b.at);
    const last = sorted[sorted.length - 1];
    const at = last ? last.at : 0;
    // The current reading is the newest point (a duplicate of the last entry changes nothing).
    sorted.push({ at, totalMicros: snapshotTotalMicros });
    const baseline = sinceTopUpBaseline(sorted);
    if (baseline === null || baseline <= 0) return null;
    return clamp01(snapshotTotalMicros / baseline);
  }
  return null;
}
