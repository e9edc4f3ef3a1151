/**
 * The home screen: every account as one compact row, worst first; a row opens that
 * account's detail (route `dashboard` + `accountId`, so the tray can open it too). Rows
 * change only when main pushes a new AppState; "Refresh all" asks main to poll now.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AppState } from '../../../shared/model';
import type { Route } from '../../app/useNavigation';
import { useFocusFallback } from '../../app/useFocusFallback';
import { useNow } from '../../app/useNow';
import { Icon } from '../../components/Icon';
import { AccountDetail } from './AccountDetail';
import { AccountList } from './AccountList';
import { useLevelNews } from './useLevelNews';

/** The home screen once at least one account exists. */
export function DashboardView({
  api,
  state,
  go,
  accountId,
}: {
  api: CreditrayApi;
  state: AppState;
  go: (r: Route) => void;
  /** The account whose detail is open; undefined (or a removed account) shows the list. */
  accountId: string | undefined;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const [refreshing, setRefreshing] = useState(false);
  // The last detail opened: back on the list, its row gets the focus again.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const levelNews = useLevelNews(state.accounts, t);
  // A re-sorted list moves rows; the focused row's button gets the focus back, a removed one's
  // gives it to the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const keepFocus = useFocusFallback(() => heading.current);
  const open = state.accounts.find((a) => a.account.id === accountId);
  // Remembered while rendering (React's "adjust state on a prop change"), not in an effect.
  if (open && open.account.id !== returnTo) setReturnTo(open.account.id);
  const refreshAll = async () => {
    if (refreshing) return; // busy: the button keeps its focus (aria-disabled) and ignores clicks
    setRefreshing(true);
    await api.invoke('accounts:refresh', {});
    setRefreshing(false);
  };
  if (open) return <AccountDetail api={api} status={open} now={now} go={go} />;
  return (
    <section aria-labelledby="dashboard-title" className="screen" {...keepFocus}>
      <header className="screen-head">
        <div>
          <h1 id="dashboard-title" ref={heading} tabIndex={-1}>
            {t('dashboard.title')}
          </h1>
          <p className="muted">{t('dashboard.subtitle', { count: state.accounts.length })}</p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            onClick={() => void refreshAll()}
            aria-disabled={refreshing || undefined}
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
      <p className="sr-only" role="status" aria-atomic="true" data-testid="levels-live">
        {levelNews}
      </p>
      <AccountList accounts={state.accounts} now={now} go={go} returnTo={returnTo} />
    </section>
  );
}
