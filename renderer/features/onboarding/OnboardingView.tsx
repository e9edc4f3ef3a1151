/**
 * First run (and "Add account"): paste a key, we verify it live through main before it is
 * saved, and explain any failure in plain words. The key lives in this component's state
 * only while the user types; it is sent once with 'accounts:add' and then forgotten.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import type { Route } from '../../app/useNavigation';
import { Icon } from '../../components/Icon';
import { AddAccountForm } from './AddAccountForm';

interface Props {
  api: CreditrayApi;
  hasAccounts: boolean;
  go: (r: Route) => void;
}

/** The welcome screen when there are no accounts, the add screen otherwise. */
export function OnboardingView({ api, hasAccounts, go }: Props) {
  const { t } = useTranslation();
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);

  const startDemo = async () => {
    if (demoBusy) return; // the button keeps its focus while busy (aria-disabled)
    setDemoBusy(true);
    setDemoError(null);
    const r = await api.invoke('demo:start', undefined);
    setDemoBusy(false);
    if (r.ok) go({ view: 'dashboard' });
    else setDemoError(r.error.message);
  };

  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <div className="onboarding-card">
        {hasAccounts ? (
          <button
            type="button"
            className="btn btn-ghost back"
            onClick={() => go({ view: 'dashboard' })}
          >
            <Icon name="back" />
            <span>{t('onboarding.back')}</span>
          </button>
        ) : (
          <div className="hero-mark" aria-hidden="true">
            <Icon name="spark" size={28} />
          </div>
        )}
        <h1 id="onboarding-title">
          {hasAccounts ? t('onboarding.addTitle') : t('onboarding.title')}
        </h1>
        {hasAccounts ? null : <p className="lede">{t('onboarding.subtitle')}</p>}
        <AddAccountForm api={api} onAdded={() => go({ view: 'dashboard' })} />
        <div className="divider" role="separator">
          <span>{t('onboarding.or')}</span>
        </div>
        <div className="demo-row">
          <button
            type="button"
            className="btn"
            onClick={() => void startDemo()}
            aria-disabled={demoBusy || undefined}
          >
            <Icon name="spark" />
            <span>{t('onboarding.demo')}</span>
          </button>
          <span className="muted">{t('onboarding.demoHint')}</span>
        </div>
        {demoError ? (
          <p className="form-error" role="alert">
            {demoError}
          </p>
        ) : null}
      </div>
    </section>
  );
}
