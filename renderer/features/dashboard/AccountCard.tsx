/**
 * One account in detail (opened from its dashboard row): the headline balance, its level (colour + icon + word), the
 * granted / topped-up split for every currency that holds money, and what to do next.
 * The card keeps its size in every state (loading, error, stale) so nothing jumps.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AccountStatus } from '../../../shared/model';
import { describeProblem } from '../../app/describe-error';
import { money, percent, relativeTime, dateTime } from '../../app/format';
import type { Route } from '../../app/useNavigation';
import { Icon } from '../../components/Icon';
import { LevelBadge } from '../../components/LevelBadge';
import { BalanceRows } from './BalanceRows';
import { CardInsights } from './CardInsights';
import { providerName } from './provider-name';
import { SnapshotExtras } from './SnapshotExtras';

interface Props {
  api: CreditrayApi;
  status: AccountStatus;
  now: number;
  go: (r: Route) => void;
}

/** Actions go to main: refresh polls now, top up opens the provider page through main's allowlist. */
export function AccountCard({ api, status, now, go }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account, snapshot, headline, error, stale, level } = status;
  const [refreshing, setRefreshing] = useState(false);
  const titleId = `card-${account.id}-title`;

  const refresh = async () => {
    if (refreshing) return; // busy: the button keeps its focus (aria-disabled) and ignores clicks
    setRefreshing(true);
    await api.invoke('accounts:refresh', { id: account.id });
    setRefreshing(false);
  };
  const topUp = () =>
    void api.invoke('external:open', { provider: account.provider, link: 'topUp' });
  const problem = error ? describeProblem(t, lang, error) : null;

  return (
    <article className={`card level-${level}`} aria-labelledby={titleId} data-account={account.id}>
      <header className="card-head">
        <div className="card-title">
          <h1 id={titleId} className="card-heading">
            {account.label}
          </h1>
          <p className="muted small">
            <span>{providerName(account.provider, t)}</span>
            {account.keyMask ? (
              <>
                <span aria-hidden="true"> · </span>
                <span className="mono" data-testid="key-mask">
                  {account.keyMask}
                </span>
              </>
            ) : null}
          </p>
        </div>
        {/* A persistent polite region: "Healthy" turning "Low" is announced, not only redrawn. */}
        <span className="card-level" aria-live="polite" aria-atomic="true" data-testid="level-live">
          <LevelBadge level={level} />
        </span>
      </header>

      <div className="headline" aria-live="polite">
        <span className="caption">{t('dashboard.balance')}</span>
        {headline ? (
          <span className={stale ? 'amount is-stale' : 'amount'} data-testid="headline">
            {money(headline.total, headline.currency, lang)}
          </span>
        ) : snapshot?.unlimited ? (
          <span className="amount" data-testid="headline" title={t('dashboard.unlimitedNote')}>
            {t('dashboard.unlimited')}
          </span>
        ) : snapshot === null && !error ? (
          <span className="amount amount-placeholder">
            <span className="spinner spinner-sm" aria-hidden="true" /> {t('dashboard.noReading')}
          </span>
        ) : (
          <span className="amount amount-placeholder">—</span>
        )}
      </div>

      {status.gaugeFill !== null ? (
        <div
          className="gauge"
          role="meter"
          aria-label={t('dashboard.gauge')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(status.gaugeFill * 100)}
          aria-valuetext={t('dashboard.gaugeValue', { percent: percent(status.gaugeFill, lang) })}
        >
          <span
            className="gauge-fill"
            style={{ width: `${Math.max(0, Math.min(1, status.gaugeFill)) * 100}%` }}
          />
        </div>
      ) : (
        <div className="gauge gauge-empty" aria-hidden="true" />
      )}

      <CardInsights insights={status.insights} budget={account.budget} now={now} />

      {snapshot?.unlimited ? (
        <p className="muted small">{t('dashboard.unlimitedNote')}</p>
      ) : (
        <BalanceRows snapshot={snapshot} headlineCurrency={headline?.currency ?? null} lang={lang} />
      )}
      <SnapshotExtras snapshot={snapshot} lang={lang} />

      {/* Always on the page and polite: a flag appearing inside it (stale, error, blocked) is
          announced; a flag that brought its own role=status/alert with it often was not. */}
      <div className="card-flags" aria-live="polite" data-testid="flags-live">
        {snapshot && !snapshot.available ? (
          <p className="flag flag-unavailable">
            <Icon name="unavailable" size={15} />
            <span>
              <strong>{t('dashboard.unavailableBadge')}</strong> {t('dashboard.unavailableText')}
            </span>
          </p>
        ) : null}
        {stale && snapshot && problem ? (
          <p className="flag flag-stale">
            <Icon name="stale" size={15} />
            <span>
              <strong>{t('dashboard.staleBadge')}</strong>{' '}
              {t('dashboard.staleText', {
                when: relativeTime(snapshot.at, now, lang, t('time.justNow')),
                reason: problem.title,
              })}
            </span>
          </p>
        ) : null}
        {problem && !stale ? (
          <div className="flag flag-error">
            <Icon name="error" size={15} />
            <span>
              <strong>{problem.title}</strong> {problem.hint}
            </span>
          </div>
        ) : null}
      </div>

      <footer className="card-foot">
        <div className="card-meta">
          <p
            className="muted small"
            title={status.checkedAt ? dateTime(status.checkedAt, lang) : undefined}
          >
            {status.checkedAt
              ? t('dashboard.checked', {
                  when: relativeTime(status.checkedAt, now, lang, t('time.justNow')),
                })
              : t('dashboard.neverChecked')}
          </p>
          <button
            type="button"
            className="btn-link"
            onClick={() => go({ view: 'diagnosis', accountId: account.id })}
          >
            <Icon name="help" size={15} />
            <span>{t('dashboard.why402')}</span>
          </button>
        </div>
        <div
          className="card-actions"
          role="group"
          aria-label={t('dashboard.actionsFor', { label: account.label })}
        >
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void refresh()}
            aria-disabled={refreshing || undefined}
          >
            <Icon name="refresh" className={refreshing ? 'spin' : undefined} />
            <span>{refreshing ? t('dashboard.refreshing') : t('dashboard.refresh')}</span>
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => go({ view: 'history', accountId: account.id })}
          >
            <Icon name="chart" />
            <span>{t('dashboard.history')}</span>
          </button>
          <button type="button" className="btn btn-sm btn-primary push-right" onClick={topUp}>
            <Icon name="external" />
            <span>{t('dashboard.topUp')}</span>
          </button>
        </div>
      </footer>
    </article>
  );
}
