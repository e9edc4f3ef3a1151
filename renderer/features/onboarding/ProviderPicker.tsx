/**
 * Which provider the new key belongs to: one native radio per provider (arrow keys move
 * between them, the group has a legend), each with its name, monogram and a line saying
 * what Creditray reads there, so nobody adds a key hoping for a figure it cannot show.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProviderMark } from '../../components/ProviderMark';
import { PICKABLE, pickerTitle, type Pickable } from './provider-choices';
import './onboarding.css';

interface Props {
  value: Pickable;
  onChange(p: Pickable): void;
  disabled?: boolean;
}

/** A fieldset of radio tiles; the radio's name is the provider's, its description the reads line. */
export function ProviderPicker({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <fieldset className="fieldset provider-picker" disabled={disabled}>
      <legend>{t('onboarding.providerField')}</legend>
      <div className="provider-grid">
        {PICKABLE.map((p) => (
          <label key={p} className="provider-tile" data-provider={p}>
            <input
              type="radio"
              name={`${base}-provider`}
              value={p}
              checked={value === p}
              onChange={() => onChange(p)}
              aria-labelledby={`${base}-${p}-name`}
              aria-describedby={`${base}-${p}-reads`}
            />
            <ProviderMark provider={p} />
            <span className="provider-text">
              <span id={`${base}-${p}-name`} className="provider-name">
                {pickerTitle(p, t)}
              </span>
              <span id={`${base}-${p}-reads`} className="provider-reads muted small">
                {t(`onboarding.reads.${p}`)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
