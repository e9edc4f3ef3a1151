/**
 * How a custom endpoint's answer is read: where the balance is (a JSON path such as
 * data.balance), its currency (a fixed code or another path), whether amounts come in whole
 * sub-units, how the key is sent, and optionally where the gift and paid parts are. One
 * error at a time is shown on its field, and that field takes the focus.
 */
import { useEffect, useId, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_PLACEMENTS } from '../../../shared/custom-endpoint';
import {
  DECIMAL_CHOICES,
  type DraftError,
  type DraftField,
  type MappingDraft,
} from './custom-mapping-draft';

interface Props {
  draft: MappingDraft;
  onChange(next: MappingDraft): void;
  error: DraftError | null;
  disabled?: boolean;
}

export function CustomMappingFields({ draft, onChange, error, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const fieldId = (f: DraftField) => `${id}-${f}`;
  const errId = `${id}-error`;
  const set = <K extends keyof MappingDraft>(k: K, v: MappingDraft[K]) =>
    onChange({ ...draft, [k]: v });
  const root = useRef<HTMLFieldSetElement>(null);

  // A refused mapping puts the focus on the field to fix (the message is read with it).
  useEffect(() => {
    if (error)
      root.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(error.field))}`)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new error moves the focus
  }, [error]);

  /** Props every text field shares: id, value, error wiring, no autocorrect. */
  const text = (f: Exclude<DraftField, 'keyPlacement' | 'decimals'>, hintId?: string) => ({
    id: fieldId(f),
    type: 'text' as const,
    value: draft[f],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(f, e.target.value),
    autoComplete: 'off',
    spellCheck: false,
    className: 'mono',
    'aria-invalid': error?.field === f ? true : undefined,
    'aria-describedby':
      [hintId, error?.field === f ? errId : undefined].filter(Boolean).join(' ') || undefined,
  });
  const errorFor = (f: DraftField) =>
    error?.field === f ? (
      <p id={errId} className="form-error">
        {error.message}
      </p>
    ) : null;

  return (
    <fieldset
      ref={root}
      className="fieldset custom-mapping"
      disabled={disabled}
      aria-describedby={`${id}-intro`}
    >
      <legend>{t('onboarding.custom.legend')}</legend>
      <p id={`${id}-intro`} className="field-note">
        {t('onboarding.custom.intro')}
      </p>

      <div className="field">
        <label htmlFor={fieldId('balance')}>{t('onboarding.custom.balance')}</label>
        <input {...text('balance', `${id}-balance-hint`)} placeholder="data.balance" required />
        <p id={`${id}-balance-hint`} className="field-note">
          {t('onboarding.custom.balanceHint')}
        </p>
        {errorFor('balance')}
      </div>

      <fieldset className="fieldset custom-currency">
        <legend>{t('onboarding.custom.currency')}</legend>
        <label className="radio-row">
          <input
            type="radio"
            name={`${id}-currency-from`}
            checked={draft.currencyFrom === 'code'}
            onChange={() => set('currencyFrom', 'code')}
          />
          <span>{t('onboarding.custom.currencyCode')}</span>
        </label>
        {draft.currencyFrom === 'code' ? (
          <div className="field nested-field">
            <label htmlFor={fieldId('currency')} className="sr-only">
              {t('onboarding.custom.currencyCodeField')}
            </label>
            <input
              {...text('currency')}
              placeholder="USD"
              maxLength={3}
              className="mono short-input"
            />
            {errorFor('currency')}
          </div>
        ) : null}
        <label className="radio-row">
          <input
            type="radio"
            name={`${id}-currency-from`}
            checked={draft.currencyFrom === 'path'}
            onChange={() => set('currencyFrom', 'path')}
          />
          <span>{t('onboarding.custom.currencyPath')}</span>
        </label>
        {draft.currencyFrom === 'path' ? (
          <div className="field nested-field">
            <label htmlFor={fieldId('currencyPath')} className="sr-only">
              {t('onboarding.custom.currencyPathField')}
            </label>
            <input {...text('currencyPath')} placeholder="data.currency" />
            {errorFor('currencyPath')}
          </div>
        ) : null}
      </fieldset>

      <div className="field">
        <label htmlFor={fieldId('decimals')}>{t('onboarding.custom.decimals')}</label>
        <select
          id={fieldId('decimals')}
          value={draft.decimals}
          onChange={(e) => set('decimals', Number(e.target.value))}
        >
          {DECIMAL_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t(`onboarding.custom.decimalsChoice.${n}`)}
            </option>
          ))}
        </select>
        {errorFor('decimals')}
      </div>

      <div className="field">
        <label htmlFor={fieldId('keyPlacement')}>{t('onboarding.custom.keyPlacement')}</label>
        <select
          id={fieldId('keyPlacement')}
          value={draft.keyPlacement}
          onChange={(e) => set('keyPlacement', e.target.value as MappingDraft['keyPlacement'])}
        >
          {KEY_PLACEMENTS.map((p) => (
            <option key={p} value={p}>
              {t(`onboarding.custom.placement.${p}`)}
            </option>
          ))}
        </select>
        {errorFor('keyPlacement')}
      </div>
      {draft.keyPlacement === 'header' ? (
        <div className="field">
          <label htmlFor={fieldId('keyHeader')}>{t('onboarding.custom.keyHeader')}</label>
          <input {...text('keyHeader')} placeholder="X-Api-Key" maxLength={64} />
          {errorFor('keyHeader')}
        </div>
      ) : null}

      <details
        className="custom-parts"
        open={
          Boolean(
            draft.granted ||
            draft.toppedUp ||
            draft.available ||
            error?.field === 'granted' ||
            error?.field === 'toppedUp' ||
            error?.field === 'available',
          ) || undefined
        }
      >
        <summary>{t('onboarding.custom.parts')}</summary>
        <p className="field-note">{t('onboarding.custom.partsHint')}</p>
        <div className="field">
          <label htmlFor={fieldId('granted')}>{t('onboarding.custom.granted')}</label>
          <input {...text('granted')} placeholder="data.gift_balance" />
          {errorFor('granted')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('toppedUp')}>{t('onboarding.custom.toppedUp')}</label>
          <input {...text('toppedUp')} placeholder="data.paid_balance" />
          {errorFor('toppedUp')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('available')}>{t('onboarding.custom.available')}</label>
          <input {...text('available')} placeholder="data.is_available" />
          {errorFor('available')}
        </div>
      </details>
    </fieldset>
  );
}
