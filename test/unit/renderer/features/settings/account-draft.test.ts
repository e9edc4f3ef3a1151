import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFY, type AccountConfig } from '../../../../../shared/model';
import { draftFrom, draftToPatch } from '../../../../../renderer/features/settings/account-draft';
import { testAccount } from '../../../../fakes/account-fixture';

const account: AccountConfig = testAccount({ keyMask: 'sk-…c18b' });

describe('account settings draft', () => {
  it('prefills the default thresholds so the fields are never blank, and sends null while defaults are used', () => {
    const d = draftFrom(account);
    expect([d.low, d.critical, d.useDefaults]).toEqual(['20', '5', true]);
    const r = draftToPatch(d);
    expect(r.ok && r.patch.thresholds).toBeNull();
  });

  it('refuses a critical threshold above the low one, comparing exact amounts', () => {
    const r = draftToPatch({
      ...draftFrom(account),
      useDefaults: false,
      low: '10.5',
      critical: '10.500001',
    });
    expect(r).toEqual({ ok: false, errors: { critical: 'settings.criticalAboveLow' } });
  });

  it('refuses amounts with separators or exponents, and an empty name', () => {
    const r = draftToPatch({
      ...draftFrom(account),
      label: '  ',
      useDefaults: false,
      low: '1,000',
      critical: '1e3',
      budgetKind: 'fixed',
      budgetAmount: '',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.keys(r.errors).sort()).toEqual(['budgetAmount', 'critical', 'label', 'low']);
  });

  it('builds the patch main expects: trimmed label, fixed budget, notification choices', () => {
    const d = {
      ...draftFrom(account),
      label: ' Prod ',
      budgetKind: 'fixed' as const,
      budgetAmount: ' 200 ',
      notify: { ...DEFAULT_NOTIFY, recovered: false },
    };
    const r = draftToPatch(d);
    expect(r.ok && r.patch).toMatchObject({
      label: 'Prod',
      budget: { kind: 'fixed', amount: '200' },
      notify: { recovered: false, low: true },
    });
  });
});
