/**
 * The custom endpoint's mapping as the form holds it (every field a string the user is typing)
 * and its conversion to the mapping main accepts, checked by the same schema main uses, so
 * a mistake is shown on its field before anything is sent.
 */
import type { TFunction } from 'i18next';
import {
  customMappingSchema,
  type CustomEndpoint,
  type CustomMapping,
  type KeyPlacement,
} from '../../../shared/custom-endpoint';

export interface MappingDraft {
  keyPlacement: KeyPlacement;
  keyHeader: string;
  balance: string;
  /** Whether the currency is a fixed code or read from the answer. */
  currencyFrom: 'code' | 'path';
  currency: string;
  currencyPath: string;
  granted: string;
  toppedUp: string;
  available: string;
  decimals: number;
}

/** The field an error belongs to, so the form can mark and focus it. */
export type DraftField = Exclude<keyof MappingDraft, 'currencyFrom'>;

export const EMPTY_DRAFT: MappingDraft = {
  keyPlacement: 'bearer',
  keyHeader: '',
  balance: '',
  currencyFrom: 'code',
  currency: 'USD',
  currencyPath: '',
  granted: '',
  toppedUp: '',
  available: '',
  decimals: 0,
};

/** The draft of a stored mapping, for editing it in Settings. */
export function draftFromMapping(m: CustomEndpoint | undefined): MappingDraft {
  if (!m) return EMPTY_DRAFT;
  return {
    keyPlacement: m.keyPlacement,
    keyHeader: m.keyHeader ?? '',
    balance: m.balance,
    currencyFrom: m.currencyPath !== undefined ? 'path' : 'code',
    currency: m.currency ?? 'USD',
    currencyPath: m.currencyPath ?? '',
    granted: m.granted ?? '',
    toppedUp: m.toppedUp ?? '',
    available: m.available ?? '',
    decimals: m.decimals ?? 0,
  };
}

/** The sub-unit choices offered: amounts as sent, cents, 1/10000 (Novita-style), micro-units. */
export const DECIMAL_CHOICES = [0, 2, 4, 6] as const;

const FIELDS: readonly DraftField[] = [
  'keyPlacement',
  'keyHeader',
  'balance',
  'currency',
  'currencyPath',
  'granted',
  'toppedUp',
  'available',
  'decimals',
];

/** The mapping, or the first field that is wrong with the schema's reason (English detail). */
export function mappingFromDraft(
  d: MappingDraft,
):
  | { ok: true; mapping: CustomMapping }
  | { ok: false; field: DraftField; detail: string; empty: boolean } {
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const raw = {
    keyPlacement: d.keyPlacement,
    keyHeader: d.keyPlacement === 'header' ? d.keyHeader.trim() : undefined,
    // An empty required path is sent as '' so the schema names it ("is empty").
    balance: d.balance.trim(),
    currency: d.currencyFrom === 'code' ? d.currency.trim() : undefined,
    currencyPath: d.currencyFrom === 'path' ? d.currencyPath.trim() : undefined,
    granted: opt(d.granted),
    toppedUp: opt(d.toppedUp),
    available: opt(d.available),
    decimals: d.decimals || undefined,
  };
  const parsed = customMappingSchema.safeParse(raw);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const issue = parsed.error.issues[0];
  const named = String(issue?.path[0] ?? 'balance');
  // The schema files "neither or both currency" under `currency`; the user typed in the path field.
  const field: DraftField =
    named === 'currency' && d.currencyFrom === 'path'
      ? 'currencyPath'
      : (FIELDS.find((f) => f === named) ?? 'balance');
  const value = field === 'decimals' || field === 'keyPlacement' ? '' : String(raw[field] ?? '');
  return { ok: false, field, detail: issue?.message ?? '', empty: value.trim() === '' };
}

/** The error the form shows on a field: which one, and the sentence in the UI language. */
export interface DraftError {
  field: DraftField;
  message: string;
}

/** mappingFromDraft, its refusal worded for the field ("Fill in this field." or why it cannot be used). */
export function checkDraft(
  d: MappingDraft,
  t: TFunction,
): { ok: true; mapping: CustomMapping } | { ok: false; error: DraftError } {
  const m = mappingFromDraft(d);
  if (m.ok) return m;
  const message = m.empty
    ? t('onboarding.custom.errors.empty')
    : t('onboarding.custom.errors.invalid', { detail: m.detail });
  return { ok: false, error: { field: m.field, message } };
}
