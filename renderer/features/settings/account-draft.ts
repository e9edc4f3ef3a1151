/**
 * The editable copy of an account's settings and its validation, kept pure so the form
 * component stays small. Messages are i18n keys, so errors show in the UI language.
 */
import type { InvokeRequest } from '../../../shared/ipc';
import { DEFAULT_THRESHOLDS, NOTIFY_KINDS, type AccountConfig, type HeadlinePref, type KnownCurrency, type NotifyPrefs } from '../../../shared/model';
import { toMicros } from '../../../shared/money';

/** Strings exactly as typed; parsed only on save. */
export interface AccountDraft {
  label: string;
  headlineCurrency: HeadlinePref;
  useDefaults: boolean;
  low: string;
  critical: string;
  budgetKind: 'none' | 'fixed' | 'since-top-up';
  budgetAmount: string;
  pollIntervalSec: number | null;
  notify: NotifyPrefs;
}

const AMOUNT = /^\d{1,10}(\.\d{1,6})?$/;

/** Starts from the saved account; default thresholds are prefilled so the fields are never blank. */
export function draftFrom(a: AccountConfig): AccountDraft {
  const cur: KnownCurrency = a.headlineCurrency === 'USD' ? 'USD' : 'CNY';
  const th = a.thresholds ?? DEFAULT_THRESHOLDS[cur];
  return {
    label: a.label,
    headlineCurrency: a.headlineCurrency,
    useDefaults: a.thresholds === null,
    low: th.low,
    critical: th.critical,
    budgetKind: a.budget.kind,
    budgetAmount: a.budget.kind === 'fixed' ? a.budget.amount : '',
    pollIntervalSec: a.pollIntervalSec,
    notify: { ...a.notify },
  };
}

export type DraftErrors = Partial<Record<'label' | 'low' | 'critical' | 'budgetAmount', string>>;
export type Patch = InvokeRequest<'accounts:update'>['patch'];

/** Either the patch to send or field errors as i18n keys. */
export function draftToPatch(d: AccountDraft): { ok: true; patch: Patch } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const label = d.label.trim();
  if (!label) errors.label = 'settings.labelRequired';
  if (!d.useDefaults) {
    if (!AMOUNT.test(d.low.trim())) errors.low = 'settings.invalidAmount';
    if (!AMOUNT.test(d.critical.trim())) errors.critical = 'settings.invalidAmount';
    if (!errors.low && !errors.critical && toMicros(d.critical.trim()) > toMicros(d.low.trim())) errors.critical = 'settings.criticalAboveLow';
  }
  if (d.budgetKind === 'fixed' && !AMOUNT.test(d.budgetAmount.trim())) errors.budgetAmount = 'settings.invalidAmount';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const notify: Partial<NotifyPrefs> = {};
  for (const k of NOTIFY_KINDS) notify[k] = d.notify[k];
  return {
    ok: true,
    patch: {
      label,
      headlineCurrency: d.headlineCurrency,
      thresholds: d.useDefaults ? null : { low: d.low.trim(), critical: d.critical.trim() },
      budget:
        d.budgetKind === 'fixed' ? { kind: 'fixed', amount: d.budgetAmount.trim() } : d.budgetKind === 'since-top-up' ? { kind: 'since-top-up' } : { kind: 'none' },
      pollIntervalSec: d.pollIntervalSec,
      notify,
    },
  };
}
