/**
 * What the history says about one account, on its card: how fast it is spending (per day),
 * when the balance reaches zero (with a range), and how much of the budget is spent. The
 * rows are always rendered (placeholders until data arrives) so the card never jumps.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryInsights } from '../../../shared/analytics';
import type { Forecast } from '../../../shared/analytics/forecast';
import type { Budget } from '../../../shared/model';
import { formatMoney } from '../../../shared/money';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface Props {
  insights: HistoryInsights | null;
  /** The account's configured budget: decides whether the budget line is reserved. */
  budget: Budget;
  now: number;
}

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

/** The burn-rate and forecast rows (and the budget line when a budget is set). */
export function CardInsights({ insights, budget, now }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const burn = insights ? dailyBurn(insights) : null;
  const forecast = insights ? describeForecast(insights.forecast, now, lang, t) : null;
  const budgetLine = describeBudget(insights, lang, t);
  // Every row is one line, always present: data arriving changes words, never the card's height.
  const line = { minHeight: '1.4em', margin: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
  const row = { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: '0.5em', alignItems: 'baseline' } as const;
  const dd = line;
  const burnText = !insights
    ? '—'
    : burn
      ? t('dashboard.burnPerDay', { amount: formatMoney(burn.micros, insights.currency, lang) })
      : t('dashboard.collecting');

  return (
    <div className="card-insights">
      {budget.kind !== 'none' ? (
        <p className="muted small" style={line} title={budgetLine ?? undefined} data-testid="budget-spent">
          {budgetLine ?? '\u00a0'}
        </p>
      ) : null}
      <dl className="insights small" style={{ margin: 0 }}>
        <div style={row} data-testid="burn-rate">
          <dt className="caption">{t('dashboard.burnLabel')}</dt>
          <dd style={dd} className={burn ? undefined : 'muted'} title={burn?.fromWeek ? t('dashboard.burnFromWeek') : undefined}>
            {burnText}
          </dd>
        </div>
        <div style={row} data-testid="forecast">
          <dt className="caption">{t('dashboard.forecastLabel')}</dt>
          <dd style={dd} className={insights?.forecast.status === 'ok' ? undefined : 'muted'}>
            {forecast?.main ?? '—'}
          </dd>
          <dd className="muted" style={{ ...line, gridColumn: '1 / -1' }} title={forecast?.detail ?? undefined} data-testid="forecast-range">
            {forecast?.detail ?? '\u00a0'}
          </dd>
        </div>
      </dl>
    </div>
  );
}
