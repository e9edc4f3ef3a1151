/**
 * Where the key is sent, for the providers where the user has to say: the site a Moonshot
 * or SiliconFlow key was created on (it decides the host and the currency), a relay's own
 * address (it has no default), or the full URL of a custom endpoint's balance GET. Every
 * other provider needs nothing here and shows nothing.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS, needsBaseUrl, type Pickable } from './provider-choices';

interface Props {
  provider: Pickable;
  baseUrl: string;
  onChange(baseUrl: string): void;
  /** The relay address was left empty on submit. */
  missing: boolean;
  disabled?: boolean;
}

/** A site radio group, a relay address field, or nothing. */
export function EndpointFields({ provider, baseUrl, onChange, missing, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const regions = REGIONS[provider];
  if (regions && (provider === 'moonshot' || provider === 'siliconflow')) {
    return (
      <fieldset
        className="fieldset region-picker"
        disabled={disabled}
        aria-describedby={`${id}-note`}
      >
        <legend>{t('onboarding.regionField')}</legend>
        {regions.map((r) => (
          <label key={r.id} className="radio-row">
            <input
              type="radio"
              name={`${id}-region`}
              value={r.baseUrl}
              checked={baseUrl === r.baseUrl}
              onChange={() => onChange(r.baseUrl)}
            />
            <span>{t(`onboarding.region.${provider}.${r.id}`)}</span>
          </label>
        ))}
        <p id={`${id}-note`} className="field-note">
          {t(`onboarding.regionNote.${provider}`)}
        </p>
      </fieldset>
    );
  }
  if (!needsBaseUrl(provider)) return null;
  // A custom endpoint is one GET: its field asks for the whole URL, path and query included.
  const words = provider === 'custom' ? 'onboarding.custom' : 'onboarding';
  return (
    <div className="field">
      <label htmlFor={`${id}-url`}>{t(`${words}.baseUrlField`)}</label>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        value={baseUrl}
        maxLength={2048}
        placeholder={t(`${words}.baseUrlPlaceholder`)}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        required
        aria-describedby={`${id}-hint${missing ? ` ${id}-err` : ''}`}
        aria-invalid={missing ? true : undefined}
        className="mono"
      />
      <p id={`${id}-hint`} className="field-note">
        {t(`${words}.baseUrlHint`)}
      </p>
      {missing ? (
        <p id={`${id}-err`} className="form-error">
          {t(`${words}.emptyBaseUrl`)}
        </p>
      ) : null}
    </div>
  );
}
