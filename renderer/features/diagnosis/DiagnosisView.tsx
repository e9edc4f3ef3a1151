/**
 * Placeholder for the "Why am I getting 402?" diagnosis (next issue). It exists now so the
 * dashboard button and the tray menu have somewhere to land, for the right account.
 */
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AppState } from '../../../shared/model';
import type { Route } from '../../app/useNavigation';
import { Icon } from '../../components/Icon';
import { LevelBadge } from '../../components/LevelBadge';

interface Props {
  api: CreditrayApi;
  state: AppState;
  accountId: string | undefined;
  go: (r: Route) => void;
}

/** Names the account it was opened for, so the landing is visibly the right one. */
export function DiagnosisView({ api, state, accountId, go }: Props) {
  const { t } = useTranslation();
  const status = state.accounts.find((a) => a.account.id === accountId) ?? state.accounts[0];
  return (
    <section className="screen" aria-labelledby="diagnosis-title" data-account={status?.account.id}>
      <button type="button" className="btn btn-ghost back" onClick={() => go({ view: 'dashboard' })}>
        <Icon name="back" />
        <span>{t('diagnosis.back')}</span>
      </button>
      <header className="screen-head">
        <div>
          <h1 id="diagnosis-title">{t('diagnosis.title')}</h1>
          {status ? <p className="muted">{status.account.label}</p> : null}
        </div>
        {status ? <LevelBadge level={status.level} /> : null}
      </header>
      <div className="panel diagnosis-placeholder">
        <Icon name="help" size={32} />
        <p className="state-title">{t('diagnosis.coming')}</p>
        <p className="muted">{t('diagnosis.meanwhile')}</p>
        {status ? (
          <button type="button" className="btn" onClick={() => void api.invoke('external:open', { provider: status.account.provider, link: 'errorCodes' })}>
            <Icon name="external" />
            <span>{t('diagnosis.errorCodes')}</span>
          </button>
        ) : null}
      </div>
    </section>
  );
}
