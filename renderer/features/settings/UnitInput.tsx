/**
 * An amount field that shows its currency ("20 CNY"), so a threshold of 20 is never
 * guessed at. The unit is part of the field's description for screen readers too.
 */
import { useTranslation } from 'react-i18next';
import { currencySign } from '../../app/format';

interface Props {
  id: string;
  /** Currency code of the amount (the account's headline currency). */
  unit: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
  invalid: boolean;
  /** The error message's id, when there is one. */
  errorId: string | undefined;
}

/** A decimal input with the currency sign before it and the code after it. */
export function UnitInput({ id, unit, value, disabled, onChange, invalid, errorId }: Props) {
  const { i18n } = useTranslation();
  const sign = currencySign(unit, i18n.language);
  const unitId = `${id}-unit`;
  return (
    <span className={disabled ? 'unit-input is-disabled' : 'unit-input'}>
      {sign !== unit ? (
        <span className="unit-sign" aria-hidden="true">
          {sign}
        </span>
      ) : null}
      <input
        id={id}
        inputMode="decimal"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={[unitId, errorId].filter(Boolean).join(' ')}
      />
      <span className="unit-code" id={unitId}>
        {unit}
      </span>
    </span>
  );
}
