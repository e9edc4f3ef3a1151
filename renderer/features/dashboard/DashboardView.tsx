/**
 * One card per account, laid out in a responsive grid. Cards change only when main pushes
 * a new AppState; "Refresh all" asks main to poll now.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AppState } from '../../../shared/model';
import type { Route } from '../../app/useNavigation';
import { useNow } from '../../app/useNow';
import { Icon } from '../../components/Icon';
import { AccountCard } from './AccountCard';
import { ErrorBoundary } from '../../components/ErrorBoundary';

/** The home screen once at least one account exists. */
export function DashboardView({
  api,
  state,
  go,
}: {
  api: CreditrayApi;
  state: AppState;
  go: (r: Route) => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const [refreshing, setRefreshing] = useState(false);
  const refreshAll = async () => {
    setRefreshing(true);
    await api.invoke('accounts:refresh', {});
    setRefreshing(false);
  };
  return (
    <section aria-labelledby="dashboard-title" className="screen">
      <header className="screen-head">
        <div>
          <h1 id="dashboard-title">{t('dashboard.title')}</h1>
          <p className="muted">{t('dashboard.subtitle', { count: state.accounts.length })}</p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            onClick={() => void refreshAll()}
            disabled={refreshing}
          >
            <Icon name="refresh" className={refreshing ? 'spin' : undefined} />
            <span>{t('nav.refreshAll')}</span>
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => go({ view: 'onboarding' })}
          >
            <Icon name="plus" />
            <span>{t('nav.addAccount')}</span>
          </button>
        </div>
      </header>
      {state.notices.length > 0 ? (
        <ul className="notices">
          {state.notices.map((n) => (
            <li key={n.code} className="callout callout-warn" role="status">
              <Icon name="low" size={18} />
              <span>{n.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="cards" aria-label={t('dashboard.title')}>
        {state.accounts.map((status) => (
          <li key={status.account.id}>
            <ErrorBoundary
              resetKey={status}
              fallback={(message) => (
                <article
                  className="card card-broken"
                  role="alert"
                  aria-label={status.account.label}
                >
                  <h2>{status.account.label}</h2>
                  <p>{t('dashboard.cardFailed')}</p>
                  <p className="muted">{message.slice(0, 200)}</p>
                </article>
              )}
            >
              <AccountCard api={api} status={status} now={now} go={go} />
            </ErrorBoundary>
          </li>
        ))}
      </ul>
    </section>
  );
}
