/**
 * Replace an account's key without leaving the diagnosis: main verifies the new key before
 * it replaces the old one in the keychain, then re-checks the account (the push re-runs
 * the diagnosis, and the "key replaced" step ticks itself off).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AccountConfig } from '../../../shared/model';
import { describeProblem } from '../../app/describe-error';

interface Props {
  api: CreditrayApi;
  account: AccountConfig;
  onDone(): void;
  onCancel(): void;
}

/** A one-field form; the key is held only in this component's state until it is sent. */
export function ReplaceKeyForm({ api, account, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async () => {
    if (busy || !key.trim()) return; // Save keeps its focus while busy (aria-disabled)
    setBusy(true);
    setError(null);
    try {
      const r = await api.invoke('accounts:replace-key', { id: account.id, key: key.trim() });
      if (r.ok) {
        setKey('');
        onDone();
        return;
      }
      const p = describeProblem(t, i18n.language, { code: r.error.code, message: r.error.message });
      setError(`${p.title}. ${p.hint}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel dx-replace"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('diagnosis.replace.label', { label: account.label })}</label>
        <input
          ref={input}
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          placeholder="sk-…"
        />
        {error ? (
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('diagnosis.replace.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" aria-disabled={busy || !key.trim() || undefined} aria-busy={busy}>
          {busy ? t('diagnosis.replace.saving') : t('diagnosis.replace.save')}
        </button>
      </div>
    </form>
  );
}
