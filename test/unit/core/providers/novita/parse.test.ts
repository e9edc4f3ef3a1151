import { describe, expect, it } from 'vitest';
import {
  NOVITA_UNIT_DIGITS,
  parseNovitaBalance,
} from '../../../../../main/core/providers/novita/parse';
import { ctxFor, failure, value } from '../parse-helpers';

const ctx = ctxFor('Novita', 'api.novita.ai');

describe('parseNovitaBalance', () => {
  it('moves the decimal point four places: 10000 units are one dollar', () => {
    expect(NOVITA_UNIT_DIGITS).toBe(4);
    expect(
      value(
        parseNovitaBalance(
          {
            availableBalance: '125000',
            cashBalance: 100000,
            creditLimit: '0',
            pendingCharges: '2500',
            outstandingInvoices: '10000',
          },
          ctx,
        ),
      ),
    ).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'USD', total: '12.50', granted: '0.00', toppedUp: '10.00' }],
      facts: [
        { id: 'credit-limit', currency: 'USD', amount: '0.00' },
        { id: 'pending-charges', currency: 'USD', amount: '0.25' },
        { id: 'outstanding-invoices', currency: 'USD', amount: '1.00' },
      ],
    });
  });

  it('takes the total as topped up when the cash balance is missing, and lists only the facts given', () => {
    expect(
      value(
        parseNovitaBalance(
          { availableBalance: '30000', cashBalance: null, pendingCharges: '1' },
          ctx,
        ),
      ),
    ).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'USD', total: '3.00', granted: '0.00', toppedUp: '3.00' }],
      facts: [{ id: 'pending-charges', currency: 'USD', amount: '0.0001' }],
    });
  });

  it('names the field when the shape is wrong', () => {
    const e = failure(parseNovitaBalance({ cashBalance: '1' }, ctx));
    expect(e).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
    expect(e.message).toContain('("availableBalance" is missing');
    expect(failure(parseNovitaBalance('x', ctx)).message).toContain('("the body" is missing');
  });

  it('refuses an unusable amount in any field, naming it', () => {
    for (const field of [
      'availableBalance',
      'cashBalance',
      'creditLimit',
      'pendingCharges',
      'outstandingInvoices',
    ]) {
      const e = failure(parseNovitaBalance({ availableBalance: '1', [field]: '1.2.3' }, ctx));
      expect(e, field).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
      expect(e.message, field).toMatch(
        new RegExp(`^Novita sent an unusable amount in ${field} \\(`),
      );
    }
  });
});
