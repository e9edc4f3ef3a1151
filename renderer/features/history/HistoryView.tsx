/**
 * Balance over time for one account: total, granted and topped-up lines, threshold lines
 * and top-up markers, over a chosen range. Readings are fetched from main per range and
 * re-fetched when a push brings a newer reading (never on a timer).
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import {
  DEFAULT_THRESHOLDS,
  type AppState,
  type KnownCurrency,
  type Snapshot,
} from '../../../shared/model';
import { toMicros } from '../../../shared/money';
import { money } from '../../app/format';
import type { Route } from '../../app/useNavigation';
import { useTheme } from '../../app/useTheme';
import { StateBlock } from '../../components/StateBlock';
import { pickCurrency, RANGES, rangeStart, toSeries, type Range } from './chart-data';
import { ChartLegend } from './ChartLegend';
import { HistoryChart } from './HistoryChart';
import { HistoryTransfer } from './HistoryTransfer';
import { rangeFigures } from './range-figures';
import { RangeFigures } from './RangeFigures';

interface Props {
  api: CreditrayApi;
  state: AppState;
  accountId: string | undefined;
  go: (r: Route) => void;
}

type Load = { phase: 'loading' } | { phase: 'error' } | { phase: 'ready'; snapshots: Snapshot[] };
/** A finished request, tagged with the account it was for. */
type Loaded = { id: string; load: Load };

/** Default export so the window can lazy-load uPlot only when this screen opens. */
export default function HistoryView({ api, state, accountId, go }: Props) {
  const { t, i18n } = useTranslation();
  const theme = useTheme(state.settings.theme);
  const selectId = useId();
  const status = state.accounts.find((a) => a.account.id === accountId) ?? state.accounts[0];
  const [range, setRange] = useState<Range>('7d');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [shown, setShown] = useState(0);
  /** Bumped after an import, so the chart re-reads the history. */
  const [reloads, setReloads] = useState(0);
  const id = status?.account.id;
  const lastReading = status?.snapshot?.at ?? 0;

  useEffect(() => {
    if (!id) return;
    let live = true;
    void api.invoke('history:get', { id, from: rangeStart(range, Date.now()) }).then((r) => {
      if (live)
        setLoaded({ id, load: r.ok ? { phase: 'ready', snapshots: r.value } : { phase: 'error' } });
    });
    return () => {
      live = false;
    };
  }, [api, id, range, lastReading, reloads]);

  // While a new range loads, the previous chart of the same account stays (no flash, no jump).
  const load: Load = loaded && loaded.id === id ? loaded.load : { phase: 'loading' };
  const snapshots = load.phase === 'ready' ? load.snapshots : null;
  const currency = snapshots ? pickCurrency(snapshots, status?.headline?.currency ?? null) : null;
  const series = useMemo(
    () => (snapshots && currency ? toSeries(snapshots, currency) : null),
    [snapshots, currency],
  );
  const th =
    status?.account.thresholds ??
    (currency ? DEFAULT_THRESHOLDS[currency as KnownCurrency] : undefined);
  // Keyed on the strings: every push brings new objects, and the chart must not redraw for them.
  const [lowAt, criticalAt] = [th?.low, th?.critical];
  const thresholds = useMemo(
    () =>
      lowAt && criticalAt
        ? { low: toMicros(lowAt) / 1e6, critical: toMicros(criticalAt) / 1e6 }
        : null,
    [lowAt, criticalAt],
  );
  const lang = i18n.language;
  const amountOf = (v: string | undefined) => (v && currency ? money(v, currency, lang) : '');
  const [lowText, criticalText] = [amountOf(lowAt), amountOf(criticalAt)];
  const thresholdLabels = useMemo(
    () => ({
      low: `${t('history.thresholds.lowShort')} · ${lowText}`,
      critical: `${t('history.thresholds.criticalShort')} · ${criticalText}`,
    }),
    [t, lowText, criticalText],
  );
  const figures = useMemo(
    () => (snapshots && currency ? rangeFigures(snapshots, currency) : null),
    [snapshots, currency],
  );
  const onDrawn = useCallback((n: number) => setShown(n), []);

  if (!status) {
    return (
      <section className="screen" aria-labelledby="history-title">
        <header className="screen-head">
          <h1 id="history-title">{t('history.title')}</h1>
        </header>
        <StateBlock kind="empty" title={t('history.noAccounts')} minHeight={420}>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => go({ view: 'onboarding' })}
          >
            {t('nav.addAccount')}
          </button>
        </StateBlock>
      </section>
    );
  }

  return (
    <section className="screen" aria-labelledby="history-title">
      <header className="screen-head">
        <div>
          <h1 id="history-title">{t('history.title')}</h1>
          <p className="muted" data-testid="history-count">
            {snapshots ? t('history.points', { count: snapshots.length }) : '\u00a0'}
            {snapshots && shown > 0 && shown < snapshots.length
              ? ` · ${t('history.shown', { shown: shown.toLocaleString(), total: snapshots.length.toLocaleString() })}`
              : ''}
          </p>
        </div>
        <div className="toolbar">
          {state.accounts.length > 1 ? (
            <label className="inline-field" htmlFor={selectId}>
              <span>{t('history.account')}</span>
              <select
                id={selectId}
                value={status.account.id}
                onChange={(e) => go({ view: 'history', accountId: e.target.value })}
              >
                {state.accounts.map((a) => (
                  <option key={a.account.id} value={a.account.id}>
                    {a.account.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <div className="segmented" role="group" aria-label={t('history.range')}>
            {RANGES.map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={range === r}
                onClick={() => setRange(r)}
                data-range={r}
              >
                {t(`history.ranges.${r}`)}
              </button>
            ))}
          </div>
        </div>
      </header>
      {figures && series ? <RangeFigures figures={figures} /> : null}
      <div className="panel chart-panel">
        {load.phase === 'loading' ? (
          <StateBlock kind="loading" title={t('history.loading')} minHeight={360} />
        ) : null}
        {load.phase === 'error' ? (
          <StateBlock kind="error" title={t('history.error')} minHeight={360} />
        ) : null}
        {load.phase === 'ready' && !series ? (
          <StateBlock
            kind="empty"
            title={t('history.empty')}
            hint={t('history.emptyHint')}
            minHeight={360}
          />
        ) : null}
        {series && snapshots ? (
          <>
            <HistoryChart
              series={series}
              snapshots={snapshots}
              thresholds={thresholds}
              thresholdLabels={thresholdLabels}
              theme={theme}
              label={t('history.chartLabel', {
                label: status.account.label,
                currency: series.currency,
              })}
              onDrawn={onDrawn}
            />
            <ChartLegend
              thresholds={thresholds ? { low: lowText, critical: criticalText } : null}
              topUps={series.topUps.length > 0}
            />
          </>
        ) : null}
      </div>
      <HistoryTransfer
        api={api}
        accountId={status.account.id}
        label={status.account.label}
        onImported={() => setReloads((n) => n + 1)}
      />
    </section>
  );
}
