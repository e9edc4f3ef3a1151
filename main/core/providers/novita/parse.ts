/**
 * Novita's balance detail: strings counting 1/10000 USD ("10000" = $1.00), converted by
 * moving the decimal point, never by dividing a float.
 */
import { z } from 'zod';
import type { ProviderError, Snapshot, SnapshotFact } from '../../../../shared/model';
import { err, ok, type Result } from '../../../../shared/result';
import { shiftedAmount } from '../amounts';
import { wrongShape, type AnswerCtx } from '../answer-classify';
import { providerError } from '../http-errors';

const units = z.union([z.string(), z.number()]);
const detailSchema = z.object({
  availableBalance: units,
  cashBalance: units.nullish(),
  creditLimit: units.nullish(),
  pendingCharges: units.nullish(),
  outstandingInvoices: units.nullish(),
});

/** Novita amounts are in 1/10000 USD. */
export const NOVITA_UNIT_DIGITS = 4;

/** One USD row: total = availableBalance, toppedUp = cashBalance; credit limit and debts as facts. */
export function parseNovitaBalance(json: unknown, ctx: AnswerCtx): Result<Snapshot, ProviderError> {
  const parsed = detailSchema.safeParse(json);
  if (!parsed.success)
    return err(wrongShape(ctx, parsed.error.issues[0]?.path.join('.') || 'the body'));
  const d = parsed.data;
  const read = (field: keyof typeof d): Result<string | null, ProviderError> => {
    const v = d[field];
    if (v === null || v === undefined) return ok(null);
    const a = shiftedAmount(v, NOVITA_UNIT_DIGITS);
    return a.ok
      ? ok(a.value)
      : err(
          providerError(
            'bad-response',
            `Novita sent an unusable amount in ${field} (${a.error}).`,
            ctx.at,
            { status: 200, key: ctx.key },
          ),
        );
  };
  const total = read('availableBalance');
  if (!total.ok) return total;
  const cash = read('cashBalance');
  if (!cash.ok) return cash;
  const facts: SnapshotFact[] = [];
  for (const [field, id] of [
    ['creditLimit', 'credit-limit'],
    ['pendingCharges', 'pending-charges'],
    ['outstandingInvoices', 'outstanding-invoices'],
  ] as const) {
    const r = read(field);
    if (!r.ok) return r;
    if (r.value !== null) facts.push({ id, currency: 'USD', amount: r.value });
  }
  const t = total.value ?? '0.00';
  return ok({
    at: ctx.at,
    available: true,
    rows: [{ currency: 'USD', total: t, granted: '0.00', toppedUp: cash.value ?? t }],
    facts,
  });
}
