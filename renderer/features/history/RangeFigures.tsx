/**
 * What the selected range says in numbers, beside the chart: spent, average per day and
 * the top-ups (listed, newest first), so the History screen answers "how much did this
 * week cost" without reading pixels off a line.
 */
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/money';
import { dateTime } from '../../app/format';
import type { RangeFigures as Figures } from './range-figures';

/** How many top-ups are listed before "and N more". */
const LISTED = 4;

/** Three figures and the list of top-ups; `aria-live` so a range change is announced. */
export function RangeFigures({ figures }: { figures: Figures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const m = (micros: number) => formatMoney(micros, figures.currency, lang);
  const more = figures.topUps.length - LISTED;
  return (
    <section className="range-figures" aria-labelledby="range-figures-title" aria-live="polite">
      <h2 id="range-figures-title" className="sr-only">
        {t('history.figures.title')}
      </h2>
      <dl className="figures">
        <div className="figure" data-testid="figure-spent">
          <dt>{t('history.figures.spent')}</dt>
          <dd>{m(figures.spentMicros)}</dd>
        </div>
        <div className="figure" data-testid="figure-per-day">
          <dt>{t('history.figures.perDay')}</dt>
          <dd>{figures.perDayMicros === null ? '—' : m(figures.perDayMicros)}</dd>
        </div>
        <div className="figure" data-testid="figure-top-ups">
          <dt>{t('history.figures.topUps')}</dt>
          <dd>
            {figures.topUps.length === 0 ? t('history.figures.none') : `+${m(figures.topUpMicros)}`}
          </dd>
          <dd className="figure-note">
            {t('history.figures.topUpCount', { count: figures.topUps.length })}
          </dd>
        </div>
      </dl>
      {figures.topUps.length > 0 ? (
        <ul
          className="top-up-list small"
          aria-label={t('history.figures.topUpList')}
          data-testid="top-up-list"
        >
          {figures.topUps.slice(0, LISTED).map((x) => (
            <li key={x.at}>
              <span className="muted">{dateTime(x.at, lang)}</span>
              <span className="top-up-amount">+{m(x.micros)}</span>
              <span className="muted">{t(`history.figures.kind.${x.kind}`)}</span>
            </li>
          ))}
          {more > 0 ? (
            <li className="muted">{t('history.figures.more', { count: more })}</li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
