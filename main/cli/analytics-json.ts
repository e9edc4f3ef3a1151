/**
 * `burnRate` and `forecast` for `check --json`: the same analytics the dashboard shows,
 * computed from the account's saved history plus this reading. Times become ISO strings.
 */
import { historyInsights, type Forecast, type Rate } from '../../shared/analytics';
import { thresholdsFor } from '../../shared/level';
import { microsToDecimal } from '../../shared/money';
import type { AccountStatus, Snapshot } from '../../shared/model';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** null means "collecting data": history covers too little of that window yet. */
const rateJson = (r: Rate | null) =>
  r && {
    spent: microsToDecimal(r.spentMicros),
    perHour: r.perHour,
    perDay: r.perDay,
    coveredHours: Math.round(r.coveredMs / 360_000) / 10,
  };

function forecastJson(f: Forecast) {
  if (f.status !== 'ok') return f;
  return {
    status: f.status,
    balance: f.balance,
    asOf: iso(f.asOf),
    days: f.days,
    confidence: f.confidence,
    perDay: {
      slowest: f.perDay.slowest.decimal,
      expected: f.perDay.expected.decimal,
      fastest: f.perDay.fastest.decimal,
    },
    targets: f.targets.map((t) => ({
      name: t.name,
      amount: t.amount,
      reached: t.reached,
      earliest: iso(t.earliest),
      expected: iso(t.expected),
      latest: iso(t.latest),
    })),
  };
}

/** Burn rate and forecast in the headline currency; nulls when there is no headline yet. */
export function analyticsJson(status: AccountStatus, history: readonly Snapshot[], now: number) {
  const currency = status.headline?.currency;
  if (!currency) return { burnRate: null, forecast: null };
  const readings = status.snapshot && !status.stale ? [...history, status.snapshot] : [...history];
  const { account } = status;
  const insights = historyInsights(readings, currency, {
    thresholds: thresholdsFor(account, currency),
    budget: account.budget,
    now,
  });
  const burn = insights.burnRate;
  return {
    burnRate: {
      currency,
      hour: rateJson(burn.hour),
      day: rateJson(burn.day),
      week: rateJson(burn.week),
    },
    forecast: { currency, ...forecastJson(insights.forecast) },
  };
}
