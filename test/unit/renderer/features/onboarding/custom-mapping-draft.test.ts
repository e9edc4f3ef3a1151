/** The add form's custom mapping draft: what is sent, and which field an error lands on. */
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, mappingFromDraft, type MappingDraft } from '../../../../../renderer/features/onboarding/custom-mapping-draft';

const draft = (d: Partial<MappingDraft>): MappingDraft => ({ ...EMPTY_DRAFT, balance: 'data.balance', ...d });

describe('mappingFromDraft', () => {
  it('sends only the fields that apply, trimmed, with the currency upper-cased', () => {
    expect(mappingFromDraft(draft({ balance: ' data.balance ', currency: 'usd', keyHeader: 'ignored' }))).toEqual({
      ok: true,
      mapping: { keyPlacement: 'bearer', balance: 'data.balance', currency: 'USD' },
    });
    expect(
      mappingFromDraft(
        draft({ currencyFrom: 'path', currencyPath: 'data.cur', currency: 'USD', keyPlacement: 'header', keyHeader: ' X-Key ', granted: 'g', toppedUp: ' ', decimals: 4 }),
      ),
    ).toEqual({
      ok: true,
      mapping: { keyPlacement: 'header', keyHeader: 'X-Key', balance: 'data.balance', currencyPath: 'data.cur', granted: 'g', decimals: 4 },
    });
  });

  it.each([
    [{ balance: '' }, 'balance', true],
    [{ balance: 'a..b' }, 'balance', false],
    [{ currency: '' }, 'currency', true],
    [{ currency: 'dollar' }, 'currency', false],
    [{ currencyFrom: 'path' as const, currencyPath: '' }, 'currencyPath', true],
    [{ currencyFrom: 'path' as const, currencyPath: 'x y' }, 'currencyPath', false],
    [{ keyPlacement: 'header' as const, keyHeader: '' }, 'keyHeader', true],
    [{ keyPlacement: 'header' as const, keyHeader: 'Cookie' }, 'keyHeader', false],
    [{ granted: 'a.' }, 'granted', false],
    [{ toppedUp: '[x]' }, 'toppedUp', false],
    [{ available: 'a..b' }, 'available', false],
  ])('%j -> error on %s (empty: %s)', (d, field, empty) => {
    expect(mappingFromDraft(draft(d))).toMatchObject({ ok: false, field, empty });
  });
});
