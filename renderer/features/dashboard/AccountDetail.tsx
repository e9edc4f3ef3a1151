/**
 * One account in full: what the dashboard card used to show for every account at once
 * (balance rows, gauge, spending, forecast, flags, actions), opened from its list row.
 */
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AccountStatus } from '../../../shared/model';
import type { Route } from '../../app/useNavigation';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Icon } from '../../components/Icon';
import { AccountCard } from './AccountCard';

interface Props {
  api: CreditrayApi;
  status: AccountStatus;
  now: number;
  go: (r: Route) => void;
}

/** The card is the screen's heading (h1), with a way back to the list above it. */
export function AccountDetail({ api, status, now, go }: Props) {
  const { t } = useTranslation();
  return (
    <section className="screen screen-narrow" aria-labelledby={`card-${status.account.id}-title`}>
      <button
        type="button"
        className="btn btn-ghost back"
        onClick={() => go({ view: 'dashboard' })}
      >
        <Icon name="back" />
        <span>{t('dashboard.allAccounts')}</span>
      </button>
      <ErrorBoundary
        resetKey={status}
        fallback={(message) => (
          <article className="card card-broken" role="alert" aria-label={status.account.label}>
            <h1>{status.account.label}</h1>
            <p>{t('dashboard.cardFailed')}</p>
            <p className="muted">{message.slice(0, 200)}</p>
          </article>
        )}
      >
        <AccountCard api={api} status={status} now={now} go={go} />
      </ErrorBoundary>
    </section>
  );
}
