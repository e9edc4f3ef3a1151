/**
 * The card's history insights in words (pure, so they are unit-tested without React):
 * per-day burn with its fallback, the forecast with its range, the budget line.
 */
import type { TFunction } from 'i18next';
import type { HistoryInsights } from '../../../shared/analytics';
import type { Forecast } from '../../../shared/analytics/forecast';
import { formatMoney } from '../../../shared/money';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A calendar date in the UI language (no time: a forecast is not that precise). */
export function shortDate(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(at);
}

/** The per-day burn rate from the 24-hour window, else the week, else null (collecting data). */
export function dailyBurn(insights: HistoryInsights): { micros: number; fromWeek: boolean } | null {
  const { day, week } = insights.burnRate;
  if (day) return { micros: day.perDayMicros, fromWeek: false };
  if (week) return { micros: week.perDayMicros, fromWeek: true };
  return null;
}

/** The forecast in words: main line plus an optional detail (range or hint). */
export function describeForecast(f: Forecast, now: number, lang: string, t: TFunction): { main: string; detail: string | null } {
  if (f.status === 'collecting-data') {
    const hours = Math.max(1, Math.ceil((f.neededMs - f.coveredMs) / HOUR_MS));
    return { main: t('dashboard.collecting'), detail: t('dashboard.collectingHint', { hours }) };
  }
  if (f.status === 'not-spending') return { main: t('dashboard.notSpending'), detail: null };
  const zero = f.targets.find((x) => x.name === 'zero');
  if (!zero) return { main: t('dashboard.notForeseeable'), detail: null };
  if (zero.reached) return { main: t('dashboard.alreadyZero'), detail: null };
  if (zero.expected === null) return { main: t('dashboard.notForeseeable'), detail: null };
  const days = Math.max(0, Math.round((zero.expected - now) / DAY_MS));
  const main = `${t('dashboard.daysLeft', { count: days })} · ${t('dashboard.zeroOn', { date: shortDate(zero.expected, lang) })}`;
  const earliest = zero.earliest ?? zero.expected;
  const detail =
    zero.latest === null
      ? t('dashboard.zeroRangeOpen', { earliest: shortDate(earliest, lang) })
      : t('dashboard.zeroRange', { earliest: shortDate(earliest, lang), latest: shortDate(zero.latest, lang) });
  return { main, detail };
}

/** The budget line beside the gauge, or null when there is no baseline yet. */
export function describeBudget(insights: HistoryInsights | null, lang: string, t: TFunction): string | null {
  const b = insights?.budget;
  if (!insights || !b) return null;
  const m = (micros: number) => formatMoney(micros, insights.currency, lang);
  if (b.kind === 'since-top-up' && b.since !== null) {
    return t('dashboard.budgetSpent', { spent: m(b.spentMicros), baseline: m(b.baselineMicros), date: shortDate(b.since, lang) });
  }
  return t('dashboard.budgetLeft', { remaining: m(b.remainingMicros), baseline: m(b.baselineMicros) });
}
