/**
 * `top-up-pending`: the user says they paid, a while has passed, and fresh readings still
 * show no increase. Right after paying this is normal, so the rule waits before speaking.
 */
import { lastIncreaseAfter } from '../history';
import { rowMicros } from '../rows';
import { balanceText, MINUTE_MS } from '../context';
import { recheck, step } from '../steps';
import { makeCause, type CauseRule } from './make';
import type { Evidence } from '../types';

/** Payments usually land within minutes; after this long, "pending" is worth saying. */
export const PENDING_AFTER_MS = 15 * MINUTE_MS;
/** A top-up seen shortly before the user clicked "I have paid" still counts as arrived. */
const CLOCK_SLACK_MS = 5 * MINUTE_MS;

export const topUpPending: CauseRule = (ctx) => {
  const paidAt = ctx.input.facts?.paidAt;
  const snap = ctx.snap;
  if (paidAt === undefined || !snap || ctx.now - paidAt < PENDING_AFTER_MS) return null;
  // We only know it has not moved if we looked after it should have.
  if (!ctx.fresh || snap.at < paidAt + PENDING_AFTER_MS) return null;
  if (lastIncreaseAfter(ctx.input.history, paidAt - CLOCK_SLACK_MS)) return null;
  const cur = ctx.headlineCurrency;
  const from = rowMicros(snap, cur).total;
  const anyOtherRose = ctx.input.others.some((o) => lastIncreaseAfter(ctx.input.othersHistory?.[o.account.id] ?? [], paidAt));
  const evidence: Evidence[] = [
    { kind: 'paid', text: ctx.t('ev.paid', { time: ctx.time(paidAt), ago: ctx.ago(paidAt) }), values: { paidAt } },
    {
      kind: 'balance',
      text: ctx.t('ev.paid-no-change', { balance: balanceText(ctx), checked: ctx.time(snap.at) }),
      values: { at: snap.at },
    },
  ];
  const grows = { kind: 'balance-increased', currency: cur, fromMicros: from } as const;
  return makeCause(ctx, 'top-up-pending', anyOtherRose ? 0.5 : 0.92, evidence, [
    step(ctx, 'check-payment', { kind: 'open-link', link: 'topUp' }, grows),
    recheck(ctx, grows),
    step(ctx, 'contact-support', { kind: 'none' }, null),
  ]);
};
