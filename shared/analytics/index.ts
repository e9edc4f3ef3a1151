/** The analytics the tray, dashboard and CLI call: pure, exact, time-zone free. */
export {
  ANALYTICS_LOOKBACK_MS,
  type BalancePoint,
  DAY_MS,
  HOUR_MS,
  WEEK_MS,
  pointsFromSnapshots,
} from './points';
export {
  type BalanceChange,
  type ChangeKind,
  classifyChanges,
  detectGiftExpiries,
  detectTopUps,
  spendBetween,
} from './changes';
export { type BurnRate, type Rate, computeBurnRate, rateOver } from './burn-rate';
export {
  type DailyRate,
  type Forecast,
  type ForecastRates,
  type ForecastTarget,
  FORECAST_MIN_HISTORY_MS,
  forecast,
} from './forecast';
export { type BudgetBaseline, budgetBaseline } from './budget';
export {
  CSV_COLUMNS,
  type ExportOptions,
  type ImportProblem,
  exportHistory,
  inRange,
  parseHistoryCsv,
} from './history-csv';
export { parseHistoryJson } from './history-json';
export { type HistoryInsights, historyInsights } from './insights';
export {
  SPIKE_END_FACTOR,
  SPIKE_FACTOR,
  SPIKE_MIN_SPEND_MICROS,
  SPIKE_WINDOW_MS,
  type SpikeMeasure,
  measureSpike,
  spikeLevel,
} from './spike';
export {
  DEFAULT_RUN_OUT_DAYS,
  RUN_OUT_END_FACTOR,
  anyDaysLeft,
  confidentDaysLeft,
} from './run-out';
