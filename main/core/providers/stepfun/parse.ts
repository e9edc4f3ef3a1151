/**
 * StepFun's /v1/accounts, read exactly (CNY JSON numbers). `balance` is what can be spent.
 * StepFun's API reference calls `total_cash_balance` the account's total top-ups and
 * `total_voucher_balance` its total gifts: lifetime totals, not parts of the balance (a
 * peer's fixture has balance 150 with 200 and 50), so they are shown only as labelled facts.
 */
import { z } from 'zod';
import type { ProviderError, Snapshot, SnapshotFact } from '../../../../shared/model';
import { err, ok, type Result } from '../../../../shared/result';
import { exactAmount } from '../amounts';
import { wrongShape, type AnswerCtx } from '../answer-classify';
import { providerError } from '../http-errors';

const amount = z.union([z.number(), z.string()]);
const accountSchema = z.object({
  balance: amount,
  total_cash_balance: amount.nullish(),
  total_voucher_balance: amount.nullish(),
  type: z.string().nullish(),
});

/** Turns a 200 body into one CNY row (total = balance) plus the two ambiguous totals as facts. */
export function parseStepfunAccount(
  json: unknown,
  ctx: AnswerCtx,
): Result<Snapshot, ProviderError> {
  const parsed = accountSchema.safeParse(json);
  if (!parsed.success)
    return err(wrongShape(ctx, parsed.error.issues[0]?.path.join('.') || 'the body'));
  const d = parsed.data;
  const total = exactAmount(d.balance);
  if (!total.ok)
    return err(
      providerError(
        'bad-response',
        `StepFun sent an unusable amount in balance (${total.error}).`,
        ctx.at,
        { status: 200, key: ctx.key },
      ),
    );
  const facts: SnapshotFact[] = [];
  for (const [field, id] of [
    ['total_cash_balance', 'lifetime-top-ups'],
    ['total_voucher_balance', 'lifetime-gifts'],
  ] as const) {
    const v = d[field];
    if (v === null || v === undefined) continue;
    const a = exactAmount(v);
    if (!a.ok)
      return err(
        providerError(
          'bad-response',
          `StepFun sent an unusable amount in ${field} (${a.error}).`,
          ctx.at,
          { status: 200, key: ctx.key },
        ),
      );
    facts.push({ id, currency: 'CNY', amount: a.value });
  }
  return ok({
    at: ctx.at,
    available: true,
    rows: [{ currency: 'CNY', total: total.value, granted: '0.00', toppedUp: total.value }],
    facts,
  });
}
