/**
 * The add-account form. Whitespace around a pasted key is trimmed; main verifies the key
 * against DeepSeek before anything is saved, and a failure is shown by kind.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AppError } from '../../../shared/result';
import { describeProblem } from '../../app/describe-error';
import { Icon } from '../../components/Icon';

/** Keys look like sk- and 32 hex characters; anything else only earns a warning (the server decides). */
const KEY_SHAPE = /^sk-[A-Za-z0-9]{16,}$/;

/** Calls `onAdded` after main has verified and stored the key. */
export function AddAccountForm({ api, onAdded }: { api: CreditrayApi; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const ids = { label: useId(), key: useId(), note: useId(), err: useId() };
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | 'empty' | null>(null);

  const trimmed = key.trim();
  const shapeWarning = trimmed.length > 0 && !KEY_SHAPE.test(trimmed);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!trimmed) {
      setFailure('empty');
      return;
    }
    setBusy(true);
    setFailure(null);
    const r = await api.invoke('accounts:add', {
      provider: 'deepseek',
      label: label.trim() || t('onboarding.defaultLabel'),
      key: trimmed,
    });
    setBusy(false);
    if (r.ok) {
      setKey('');
      onAdded();
    } else {
      setFailure(r.error);
    }
  };

  const problem = failure && failure !== 'empty' ? describeProblem(t, i18n.language, failure) : null;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <div className="field">
        <label htmlFor={ids.label}>{t('onboarding.labelField')}</label>
        <input
          id={ids.label}
          type="text"
          value={label}
          maxLength={60}
          placeholder={t('onboarding.defaultLabel')}
          onChange={(e) => setLabel(e.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor={ids.key}>{t('onboarding.keyField')}</label>
          <button type="button" className="btn-link" onClick={() => void api.invoke('external:open', { provider: 'deepseek', link: 'apiKeys' })}>
            <Icon name="external" size={14} />
            <span>{t('onboarding.keysLink')}</span>
          </button>
        </div>
        <div className="input-with-button">
          <input
            id={ids.key}
            name="api-key"
            type={reveal ? 'text' : 'password'}
            value={key}
            placeholder={t('onboarding.keyPlaceholder')}
            onChange={(e) => setKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids.note}${problem || failure === 'empty' ? ' ' + ids.err : ''}`}
            aria-invalid={failure ? true : undefined}
            className="mono"
          />
          <button
            type="button"
            className="btn btn-icon"
            onClick={() => setReveal((v) => !v)}
            aria-label={reveal ? t('onboarding.hideKey') : t('onboarding.showKey')}
            aria-pressed={reveal}
          >
            <Icon name={reveal ? 'eyeOff' : 'eye'} />
          </button>
        </div>
        <p id={ids.note} className="field-note">
          <Icon name="lock" size={13} />
          <span>{t('onboarding.keychainNote')}</span>
        </p>
        {shapeWarning ? <p className="field-warn">{t('onboarding.shapeWarning')}</p> : null}
      </div>
      <div id={ids.err} aria-live="assertive">
        {failure === 'empty' ? <p className="form-error">{t('onboarding.emptyKey')}</p> : null}
        {problem ? (
          <div className="callout callout-error" role="alert" data-testid="add-error">
            <Icon name="error" size={18} />
            <div>
              <p className="callout-title">{problem.title}</p>
              <p>{problem.hint}</p>
            </div>
          </div>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? <span className="spinner spinner-sm" aria-hidden="true" /> : <Icon name="key" />}
          <span>{busy ? t('onboarding.verifying') : t('onboarding.submit')}</span>
        </button>
      </div>
    </form>
  );
}
