/**
 * What the gauge measures against: a fixed budget, or the balance right after the last
 * top-up (found automatically from history). Also says how much was spent since then, which
 * the dashboard shows next to the gauge.
 */
import type { Budget } from '../model';
import { parseAmount } from '../money';
import { classifyChanges, spendBetween } from './changes';
import type { BalancePoint } from './points';

/** A baseline and where the latest balance stands against it. */
export interface BudgetBaseline {
  kind: 'fixed' | 'since-top-up';
  baselineMicros: number;
  /** Epoch ms the baseline starts from (the top-up), or null for a fixed budget. */
  since: number | null;
  /** True when no top-up was found and the highest balance seen stands in. */
  fallback: boolean;
  /** Spend since `since` (since-top-up only; 0 for fixed). */
  spentMicros: number;
  remainingMicros: number;
  /** 0..1 share of the baseline left. */
  fill: number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * The budget baseline for `points` (one currency, sorted), or null when there is none
 * (budget 'none', an unusable amount, or no history yet).
 */
export function budgetBaseline(
  budget: Budget,
  points: readonly BalancePoint[],
): BudgetBaseline | null {
  const last = points[points.length - 1];
  if (budget.kind === 'none' || !last) return null;
  if (budget.kind === 'fixed') {
    const amount = parseAmount(budget.amount);
    if (!amount.ok || amount.value <= 0) return null;
    return {
      kind: 'fixed',
      baselineMicros: amount.value,
      since: null,
      fallback: false,
      spentMicros: 0,
      remainingMicros: last.total,
      fill: clamp01(last.total / amount.value),
    };
  }
  const changes = classifyChanges(points);
  let rise = null;
  for (let i = changes.length - 1; i >= 0 && !rise; i--) {
    const c = changes[i];
    if (c && (c.kind === 'top-up' || c.kind === 'gift')) rise = c;
  }
  let baselineMicros: number;
  let since: number;
  if (rise) {
    baselineMicros = rise.totalAfter;
    since = rise.to;
  } else {
    const top = points.reduce((best, p) => (p.total > best.total ? p : best));
    baselineMicros = top.total;
    since = top.at;
  }
  return {
    kind: 'since-top-up',
    baselineMicros,
    since,
    fallback: !rise,
    spentMicros: spendBetween(changes, since, last.at + 1),
    remainingMicros: last.total,
    fill: baselineMicros > 0 ? clamp01(last.total / baselineMicros) : 0,
  };
}
