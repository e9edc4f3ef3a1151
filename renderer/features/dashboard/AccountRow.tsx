/**
 * One account as one line of the dashboard list: level (icon + colour + word), label and
 * provider, headline balance and days left. The whole row is one button that opens the
 * account's detail; "Why 402?" sits beside it (never inside: a button in a button has no
 * name a screen reader can announce) and only when the account is in trouble.
 */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../../shared/model';
import { money } from '../../app/format';
import type { Route } from '../../app/useNavigation';
import { Icon } from '../../components/Icon';
import { LevelBadge } from '../../components/LevelBadge';
import { daysLeftText, inTrouble } from './account-order';
import { providerName } from './provider-name';

interface Props {
  status: AccountStatus;
  now: number;
  go: (r: Route) => void;
  /** Set on the row focus should return to (the one whose detail was just closed). */
  buttonRef?: Ref<HTMLButtonElement>;
}

/** A list item; the surrounding `<ul>` gives "item 2 of 6" to screen readers. */
export function AccountRow({ status, now, go, buttonRef }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { account, headline, stale, level } = status;
  const balance = headline
    ? money(headline.total, headline.currency, lang)
    : status.snapshot?.unlimited
      ? t('dashboard.unlimited')
      : '—';
  const days = daysLeftText(status.insights, now, t);
  return (
    <li className={`account-row level-${level}`} data-account={account.id} data-level={level}>
      <button
        type="button"
        className="row-open"
        ref={buttonRef}
        onClick={() => go({ view: 'dashboard', accountId: account.id })}
      >
        <LevelBadge level={level} />
        <span className="row-name">
          <span className="row-label">{account.label}</span>
          <span className="row-provider muted small">{providerName(account.provider, t)}</span>
        </span>
        <span className="row-figures">
          <span
            className={stale ? 'row-balance is-stale' : 'row-balance'}
            data-testid="row-balance"
          >
            {balance}
          </span>
          <span className="row-days muted small" data-testid="row-days">
            {days}
          </span>
        </span>
        <Icon name="chevron" size={16} className="row-chevron" />
      </button>
      <span className="row-aside">
        {inTrouble(level) ? (
          <button
            type="button"
            className="btn-link"
            aria-label={t('dashboard.why402For', { label: account.label })}
            onClick={() => go({ view: 'diagnosis', accountId: account.id })}
          >
            <Icon name="help" size={15} />
            <span>{t('dashboard.why402Short')}</span>
          </button>
        ) : null}
      </span>
    </li>
  );
}
