/**
 * When will the balance reach each threshold and zero? The rate comes from whole 24-hour
 * windows (so DeepSeek's half-price nights are always averaged with its days) over up to a
 * week (so weekends are averaged with weekdays); the range comes from the slowest and the
 * fastest of those days. Until a full day of history exists the answer is "collecting data".
 */
import type { Thresholds } from '../model';
import { microsToDecimal, parseAmount } from '../money';
import { classifyChanges, spendBetween } from './changes';
import { type BalancePoint, DAY_MS, WEEK_MS, pointsSince } from './points';

/** One speed in micro-units per day, with its display string. */
export interface DailyRate {
  micros: number;
  decimal: string;
}

/** The spread of daily spend the forecast is built on. */
export interface ForecastRates {
  slowest: DailyRate;
  expected: DailyRate;
  fastest: DailyRate;
}

/** When one level will be reached. Times are epoch ms; null = not within any honest horizon. */
export interface ForecastTarget {
  name: 'low' | 'critical' | 'zero';
  amountMicros: number;
  amount: string;
  /** The balance is already at or below this level. */
  reached: boolean;
  earliest: number | null;
  expected: number | null;
  latest: number | null;
}

export type Forecast =
  | { status: 'collecting-data'; coveredMs: number; neededMs: number }
  | { status: 'not-spending'; balanceMicros: number; balance: string; days: number }
  | {
      status: 'ok';
      balanceMicros: number;
      balance: string;
      /** The reading the forecast starts from (the latest point). */
      asOf: number;
      /** Whole days of history used (1..7). */
      days: number;
      /** 'low' with fewer than 3 days: the range is then widened to half/double the rate. */
      confidence: 'low' | 'normal';
      perDay: ForecastRates;
      targets: ForecastTarget[];
    };

/** History needed before any forecast: one full 24-hour window. */
export const FORECAST_MIN_HISTORY_MS = DAY_MS;
const MAX_DAYS = 7;
const NORMAL_CONFIDENCE_DAYS = 3;

const rate = (micros: number): DailyRate => ({ micros, decimal: microsToDecimal(micros) });

function when(asOf: number, distance: number, perDay: number): number | null {
  if (perDay <= 0) return null;
  return asOf + Math.round((distance * DAY_MS) / perDay);
}

function target(
  name: ForecastTarget['name'],
  amountMicros: number,
  balance: number,
  asOf: number,
  r: ForecastRates,
): ForecastTarget {
  const distance = balance - amountMicros;
  const reached = distance <= 0;
  return {
    name,
    amountMicros,
    amount: microsToDecimal(amountMicros),
    reached,
    earliest: reached ? asOf : when(asOf, distance, r.fastest.micros),
    expected: reached ? asOf : when(asOf, distance, r.expected.micros),
    latest: reached ? asOf : when(asOf, distance, r.slowest.micros),
  };
}

/**
 * Forecast from `points` (one currency, sorted). Windows are anchored at the latest reading,
 * not at `now`, so a laptop that slept for a day does not read as a day without spend.
 * Thresholds that do not parse are left out; zero is always a target.
 */
export function forecast(
  points: readonly BalancePoint[],
  thresholds: Thresholds | null,
  now: number,
): Forecast {
  // Copy only when some reading lies in the future (a clock stepped back).
  const upToNow =
    // Stryker disable next-line ConditionalExpression,EqualityOperator: filtering anyway gives the same points
    points.length > 0 && (points[points.length - 1] as BalancePoint).at > now
      ? points.filter((p) => p.at <= now)
      : points;
  if (upToNow.length === 0)
    return { status: 'collecting-data', coveredMs: 0, neededMs: FORECAST_MIN_HISTORY_MS };
  const first = upToNow[0] as BalancePoint;
  const last = upToNow[upToNow.length - 1] as BalancePoint;
  const asOf = last.at;
  const coveredMs = asOf - first.at;
  if (coveredMs < FORECAST_MIN_HISTORY_MS) {
    return { status: 'collecting-data', coveredMs, neededMs: FORECAST_MIN_HISTORY_MS };
  }
  const days = Math.min(MAX_DAYS, Math.floor(coveredMs / DAY_MS));
  const changes = classifyChanges(pointsSince(upToNow, asOf - days * DAY_MS - WEEK_MS));
  const daily: number[] = [];
  for (let k = 0; k < days; k++)
    daily.push(spendBetween(changes, asOf - (k + 1) * DAY_MS, asOf - k * DAY_MS));
  const sum = daily.reduce((a, b) => a + b, 0);
  const balance = last.total;
  if (sum <= 0)
    return {
      status: 'not-spending',
      balanceMicros: balance,
      balance: microsToDecimal(balance),
      days,
    };
  const expected = Math.round(sum / days);
  let slowest = Math.min(...daily);
  let fastest = Math.max(...daily);
  const confidence = days < NORMAL_CONFIDENCE_DAYS ? 'low' : 'normal';
  if (confidence === 'low') {
    slowest = Math.min(slowest, Math.round(expected / 2));
    fastest = Math.max(fastest, expected * 2);
  }
  const perDay: ForecastRates = {
    slowest: rate(slowest),
    expected: rate(expected),
    fastest: rate(fastest),
  };
  const targets: ForecastTarget[] = [];
  for (const name of ['low', 'critical'] as const) {
    const parsed = thresholds ? parseAmount(thresholds[name]) : null;
    if (parsed?.ok) targets.push(target(name, parsed.value, balance, asOf, perDay));
  }
  targets.push(target('zero', 0, balance, asOf, perDay));
  return {
    status: 'ok',
    balanceMicros: balance,
    balance: microsToDecimal(balance),
    asOf,
    days,
    confidence,
    perDay,
    targets,
  };
}
