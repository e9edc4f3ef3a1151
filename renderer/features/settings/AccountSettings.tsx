/**
 * One account's settings panel: edit, save through 'accounts:update', or remove after a
 * confirmation (main also deletes the key from the keychain).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import { HEADLINE_PREFS, NOTIFY_KINDS, type AccountStatus } from '../../../shared/model';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { draftFrom, draftToPatch, type AccountDraft, type DraftErrors } from './account-draft';
import { intervalLabel, POLL_CHOICES } from './intervals';
import { EndpointSettings } from './EndpointSettings';
import { UnitInput } from './UnitInput';

type SaveState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved' }
  | { phase: 'failed'; reason: string };

/**
 * The draft lives here until Save; pushes from main do not overwrite what the user is typing.
 * `onRemove` is told just before the account is removed (its panel, and the focused Remove
 * button, go with it: the screen decides where the focus goes).
 */
export function AccountSettings({
  api,
  status,
  onRemove,
}: {
  api: CreditrayApi;
  status: AccountStatus;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const a = status.account;
  const uid = useId();
  const fid = (name: string) => `${uid}-${name}`;
  const [draft, setDraft] = useState<AccountDraft>(() => draftFrom(a));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const set = (patch: Partial<AccountDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSave({ phase: 'idle' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.phase === 'saving') return; // busy: Save keeps its focus (aria-disabled) and waits
    const r = draftToPatch(draft);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    setSave({ phase: 'saving' });
    const res = await api.invoke('accounts:update', { id: a.id, patch: r.patch });
    setSave(res.ok ? { phase: 'saved' } : { phase: 'failed', reason: res.error.message });
  };
  const remove = async () => {
    setConfirming(false);
    onRemove?.();
    await api.invoke('accounts:remove', { id: a.id });
  };
  const err = (k: keyof DraftErrors) =>
    errors[k] ? (
      <p className="form-error" id={fid(`${k}-err`)}>
        {t(errors[k])}
      </p>
    ) : null;
  // Thresholds and the budget are amounts in the headline currency: the fields say which.
  const unit =
    draft.headlineCurrency !== 'auto'
      ? draft.headlineCurrency
      : (status.headline?.currency ?? 'CNY');
  const pollChoices =
    draft.pollIntervalSec === null || POLL_CHOICES.includes(draft.pollIntervalSec)
      ? POLL_CHOICES
      : [...POLL_CHOICES, draft.pollIntervalSec];

  return (
    <form
      className="panel account-settings"
      id={`account-settings-${a.id}`}
      aria-labelledby={fid('title')}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id={fid('title')} className="panel-title" tabIndex={-1}>
        {a.label} <span className="muted mono small">{a.keyMask}</span>
      </h3>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={fid('label')}>{t('settings.label')}</label>
          <input
            id={fid('label')}
            type="text"
            maxLength={60}
            value={draft.label}
            onChange={(e) => set({ label: e.target.value })}
            aria-invalid={!!errors.label}
            aria-describedby={errors.label ? fid('label-err') : undefined}
          />
          {err('label')}
        </div>
        <div className="field">
          <label htmlFor={fid('headline')}>{t('settings.headline')}</label>
          <select
            id={fid('headline')}
            value={draft.headlineCurrency}
            onChange={(e) =>
              set({ headlineCurrency: e.target.value as AccountDraft['headlineCurrency'] })
            }
          >
            {HEADLINE_PREFS.map((p) => (
              <option key={p} value={p}>
                {p === 'auto' ? t('settings.headlineAuto') : p}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend>{t('settings.thresholds')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.useDefaults}
            onChange={(e) => set({ useDefaults: e.target.checked })}
          />
          <span>{t('settings.useDefaults')}</span>
        </label>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={fid('low')}>{t('settings.low')}</label>
            <UnitInput
              id={fid('low')}
              unit={unit}
              value={draft.low}
              disabled={draft.useDefaults}
              onChange={(v) => set({ low: v })}
              invalid={!!errors.low}
              errorId={errors.low ? fid('low-err') : undefined}
            />
            {err('low')}
          </div>
          <div className="field">
            <label htmlFor={fid('critical')}>{t('settings.critical')}</label>
            <UnitInput
              id={fid('critical')}
              unit={unit}
              value={draft.critical}
              disabled={draft.useDefaults}
              onChange={(v) => set({ critical: v })}
              invalid={!!errors.critical}
              errorId={errors.critical ? fid('critical-err') : undefined}
            />
            {err('critical')}
          </div>
        </div>
      </fieldset>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={fid('budget')}>{t('settings.budget')}</label>
          <select
            id={fid('budget')}
            value={draft.budgetKind}
            onChange={(e) => set({ budgetKind: e.target.value as AccountDraft['budgetKind'] })}
          >
            <option value="none">{t('settings.budgetNone')}</option>
            <option value="fixed">{t('settings.budgetFixed')}</option>
            <option value="since-top-up">{t('settings.budgetSinceTopUp')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={fid('amount')}>{t('settings.budgetAmount')}</label>
          <UnitInput
            id={fid('amount')}
            unit={unit}
            value={draft.budgetAmount}
            disabled={draft.budgetKind !== 'fixed'}
            onChange={(v) => set({ budgetAmount: v })}
            invalid={!!errors.budgetAmount}
            errorId={errors.budgetAmount ? fid('budgetAmount-err') : undefined}
          />
          {err('budgetAmount')}
        </div>
      </div>
      <div className="field narrow">
        <label htmlFor={fid('poll')}>{t('settings.accountPoll')}</label>
        <select
          id={fid('poll')}
          value={draft.pollIntervalSec ?? ''}
          onChange={(e) => set({ pollIntervalSec: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('settings.accountPollDefault')}</option>
          {pollChoices.map((sec) => (
            <option key={sec} value={sec}>
              {intervalLabel(t, sec)}
            </option>
          ))}
        </select>
      </div>
      <EndpointSettings api={api} account={a} />
      <fieldset className="fieldset">
        <legend>{t('settings.notify')}</legend>
        <div className="checks">
          {NOTIFY_KINDS.map((k) => (
            <label key={k} className="check">
              <input
                type="checkbox"
                checked={draft.notify[k]}
                onChange={(e) => set({ notify: { ...draft.notify, [k]: e.target.checked } })}
              />
              <span>{t(`settings.notifyKinds.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions spread">
        <button type="button" className="btn btn-danger-ghost" onClick={() => setConfirming(true)}>
          <Icon name="trash" />
          <span>{t('settings.remove')}</span>
        </button>
        <div className="save-row">
          <span className="muted small" role="status">
            {save.phase === 'saved'
              ? t('settings.saved')
              : save.phase === 'failed'
                ? t('settings.saveFailed', { reason: save.reason })
                : ''}
          </span>
          <button
            type="submit"
            className="btn btn-primary"
            aria-disabled={save.phase === 'saving' || undefined}
          >
            {save.phase === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('settings.removeTitle', { label: a.label })}
        text={t('settings.removeText')}
        confirmLabel={t('settings.removeConfirm')}
        cancelLabel={t('settings.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
