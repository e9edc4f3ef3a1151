import { describe, expect, it } from 'vitest';
import { parseStepfunAccount } from '../../../../../main/core/providers/stepfun/parse';
import { ctxFor, failure, value } from '../parse-helpers';

const ctx = ctxFor('StepFun', 'api.stepfun.com');

describe('parseStepfunAccount', () => {
  it('reads balance as one CNY row and the lifetime totals as labelled facts only', () => {
    expect(
      value(
        parseStepfunAccount(
          { balance: 150, total_cash_balance: 200, total_voucher_balance: '50.5', type: 'x' },
          ctx,
        ),
      ),
    ).toEqual({
      at: 7,
      available: true,
      rows: [{ currency: 'CNY', total: '150.00', granted: '0.00', toppedUp: '150.00' }],
      facts: [
        { id: 'lifetime-top-ups', currency: 'CNY', amount: '200.00' },
        { id: 'lifetime-gifts', currency: 'CNY', amount: '50.5' },
      ],
    });
  });

  it('leaves out a total that is null or absent', () => {
    expect(
      value(parseStepfunAccount({ balance: '1.25', total_cash_balance: null }, ctx)).facts,
    ).toEqual([]);
    expect(value(parseStepfunAccount({ balance: 0, total_voucher_balance: 3 }, ctx)).facts).toEqual(
      [{ id: 'lifetime-gifts', currency: 'CNY', amount: '3.00' }],
    );
  });

  it('names the field when the shape is wrong', () => {
    expect(failure(parseStepfunAccount({ total_cash_balance: 1 }, ctx))).toMatchObject({
      kind: 'bad-response',
      status: 200,
      at: 7,
    });
    expect(failure(parseStepfunAccount({ total_cash_balance: 1 }, ctx)).message).toContain(
      '("balance" is missing',
    );
    expect(failure(parseStepfunAccount(null, ctx)).message).toContain('("the body" is missing');
    expect(failure(parseStepfunAccount(null, ctx)).message).toContain('instead of StepFun');
  });

  it('refuses an unusable amount in the balance or in either total', () => {
    expect(failure(parseStepfunAccount({ balance: 'lots' }, ctx)).message).toMatch(
      /^StepFun sent an unusable amount in balance \(/,
    );
    for (const field of ['total_cash_balance', 'total_voucher_balance']) {
      const e = failure(parseStepfunAccount({ balance: 1, [field]: 'x' }, ctx));
      expect(e).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
      expect(e.message).toMatch(new RegExp(`^StepFun sent an unusable amount in ${field} \\(`));
    }
  });
});
