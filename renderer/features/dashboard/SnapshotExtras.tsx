/**
 * What a reading says beside its balance rows: a notice where the rows alone would mislead
 * (a relay key used up while the account may still have money, an account not in normal
 * standing) and labelled facts (usage, key limits, lifetime totals). Facts are shown, never
 * read as the balance; an unknown fact id or notice code still shows, by id or message.
 */
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../shared/model';
import { money } from '../../app/format';
import { Icon } from '../../components/Icon';
import './snapshot-extras.css';

const KNOWN_FACTS = new Set([
  'usage',
  'usage-daily',
  'usage-weekly',
  'usage-monthly',
  'key-limit',
  'key-limit-remaining',
  'account-remaining',
  'lifetime-top-ups',
  'lifetime-gifts',
  'credit-limit',
  'pending-charges',
  'outstanding-invoices',
]);
const KNOWN_NOTICES = new Set(['account-status', 'key-limit-reached', 'user-quota-exhausted']);

/** Nothing at all when the reading has neither facts nor a notice. */
export function SnapshotExtras({ snapshot, lang }: { snapshot: Snapshot | null; lang: string }) {
  const { t } = useTranslation();
  const facts = snapshot?.facts ?? [];
  const notice = snapshot?.notice;
  if (!facts.length && !notice) return null;
  return (
    <div className="snapshot-extras">
      {notice ? (
        <p className="flag flag-stale" role="status" data-testid="snapshot-notice">
          <Icon name="help" size={15} />
          <span>
            {KNOWN_NOTICES.has(notice.code) ? t(`dashboard.notice.${notice.code}`) : notice.message}
          </span>
        </p>
      ) : null}
      {facts.length ? (
        <div role="group" aria-label={t('dashboard.factsTitle')} data-testid="snapshot-facts">
          <dl className="facts">
            {facts.map((f) => (
              <div key={f.id} className="fact" data-fact={f.id}>
                <dt className="muted small">
                  {KNOWN_FACTS.has(f.id) ? t(`dashboard.fact.${f.id}`) : f.id}
                </dt>
                <dd>{money(f.amount, f.currency, lang)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
