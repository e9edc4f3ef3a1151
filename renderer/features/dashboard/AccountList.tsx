/**
 * Every account as one compact row, worst first, so "which account is in trouble and when"
 * is answered without scrolling (six rows and more fit the 980×700 window). A row whose
 * detail was just closed gets the focus back, so keyboard users keep their place.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../../shared/model';
import type { Route } from '../../app/useNavigation';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { ProviderMark } from '../../components/ProviderMark';
import { providerGroups, worstFirst } from './account-order';
import { providerName } from './provider-name';
import { AccountRow } from './AccountRow';

interface Props {
  accounts: readonly AccountStatus[];
  now: number;
  go: (r: Route) => void;
  /** The account whose row should take the focus when the list appears. */
  returnTo: string | null;
}

/** A `<ul>` of rows (or one per provider when there are many); a row that cannot render costs that row only. */
export function AccountList({ accounts, now, go, returnTo }: Props) {
  const { t } = useTranslation();
  const back = useRef<HTMLButtonElement>(null);
  const headId = useId();
  useEffect(() => {
    back.current?.focus();
  }, [returnTo]);
  const rows = (list: readonly AccountStatus[]) =>
    list.map((status) => (
      <ErrorBoundary
        key={status.account.id}
        resetKey={status}
        fallback={(message) => (
          <li className="account-row row-broken" role="alert" data-account={status.account.id}>
            <span className="row-label">{status.account.label}</span>
            <span className="muted small">
              {t('dashboard.cardFailed')} {message.slice(0, 120)}
            </span>
          </li>
        )}
      >
        <AccountRow
          status={status}
          now={now}
          go={go}
          buttonRef={status.account.id === returnTo ? back : undefined}
        />
      </ErrorBoundary>
    ));
  const groups = providerGroups(accounts, now);
  if (!groups)
    return (
      <ul className="account-list" aria-label={t('dashboard.listLabel')}>
        {rows(worstFirst(accounts, now))}
      </ul>
    );
  return (
    <div className="account-groups" data-testid="account-groups">
      {groups.map((g) => (
        <section key={g.provider} className="account-group" aria-labelledby={`${headId}-${g.provider}`}>
          <h2 id={`${headId}-${g.provider}`} className="account-group-title">
            <ProviderMark provider={g.provider} />
            <span>{providerName(g.provider, t)}</span>
            <span className="muted small">{t('dashboard.groupCount', { count: g.accounts.length })}</span>
          </h2>
          <ul className="account-list" aria-label={t('dashboard.groupLabel', { provider: providerName(g.provider, t) })}>
            {rows(g.accounts)}
          </ul>
        </section>
      ))}
    </div>
  );
}
