/**
 * What the history says about one account, on its card: how fast it is spending (per day),
 * when the balance reaches zero (with a range), and how much of the budget is spent. The
 * rows are always rendered (placeholders until data arrives) so the card never jumps.
 */
import { useTranslation } from 'react-i18next';
import type { HistoryInsights } from '../../../shared/analytics';
import type { Budget } from '../../../shared/model';
import { formatMoney } from '../../../shared/money';
import { dailyBurn, describeBudget, describeForecast } from './insights-text';

interface Props {
  insights: HistoryInsights | null;
  /** The account's configured budget: decides whether the budget line is reserved. */
  budget: Budget;
  now: number;
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
