/**
 * `account-unavailable`: DeepSeek says calls cannot be paid for (`is_available` false) while
 * money remains. With a zero balance, false is simply what "depleted" looks like, so that
 * case belongs to `balance-depleted` instead.
 */
import { balanceText } from '../context';
import { pastedEvidence, recheck, step } from '../steps';
import { makeCause, pastedIs402, pastedIsOther, type CauseRule } from './make';
import type { Evidence } from '../types';

export const accountUnavailable: CauseRule = (ctx) => {
  const snap = ctx.snap;
  if (!snap || snap.available || ctx.empty) return null;
  const evidence: Evidence[] = [
    { kind: 'available', text: ctx.t('ev.unavailable', { time: ctx.time(snap.at), balance: balanceText(ctx) }), values: { at: snap.at } },
  ];
  let confidence = ctx.fresh ? 0.9 : 0.7;
  if (ctx.pasted && pastedIs402(ctx)) {
    confidence += 0.05;
    evidence.push(pastedEvidence(ctx, ctx.pasted));
  }
  if (pastedIsOther(ctx)) confidence = 0.6;
  return makeCause(ctx, 'account-unavailable', confidence, evidence, [
    step(ctx, 'check-account', { kind: 'open-link', link: 'usage' }, { kind: 'available' }),
    step(ctx, 'check-status', { kind: 'open-link', link: 'status' }, null),
    step(ctx, 'contact-support', { kind: 'none' }, null),
    recheck(ctx, { kind: 'balance-above-zero-and-available' }),
  ]);
};
