/**
 * Everything the dashboard and `check --json` show about one account's history, in one call,
 * so the CLI and the window cannot disagree about which points or window they used.
 */
import type { Budget, Snapshot, Thresholds } from '../model';
import { type BudgetBaseline, budgetBaseline } from './budget';
import { type BurnRate, computeBurnRate } from './burn-rate';
import { type BalanceChange, classifyChanges } from './changes';
import { type Forecast, forecast } from './forecast';
import { ANALYTICS_LOOKBACK_MS, pointsFromSnapshots } from './points';
import { type SpikeMeasure, measureSpike } from './spike';

export interface HistoryInsights {
  currency: string;
  burnRate: BurnRate;
  forecast: Forecast;
  /** null when the account's budget is 'none' or there is no history. */
  budget: BudgetBaseline | null;
  /** Top-ups, gifts and possible gift expiries in the last ANALYTICS_LOOKBACK_MS, oldest first. */
  recentEvents: BalanceChange[];
  /** The last hour against the usual rate (shared/analytics/spike); null while collecting data. */
  spike: SpikeMeasure | null;
}

/**
 * Burn rate, forecast, budget baseline and recent events for `currency` (the headline
 * currency). `snapshots` sorted by time, as HistoryStore.read returns them.
 */
export function historyInsights(
  snapshots: readonly Snapshot[],
  currency: string,
  opts: { thresholds: Thresholds | null; budget: Budget; now: number },
): HistoryInsights {
  const recent = pointsFromSnapshots(snapshots, currency, opts.now - ANALYTICS_LOOKBACK_MS);
  // Only a since-top-up budget needs the whole history (the last top-up may be months old).
  const all =
    opts.budget.kind === 'since-top-up' ? pointsFromSnapshots(snapshots, currency) : recent;
  return {
    currency,
    burnRate: computeBurnRate(recent, opts.now),
    forecast: forecast(recent, opts.thresholds, opts.now),
    budget: budgetBaseline(opts.budget, all),
    recentEvents: classifyChanges(recent).filter((c) => c.kind !== 'spend'),
    spike: measureSpike(recent, opts.now),
  };
}
