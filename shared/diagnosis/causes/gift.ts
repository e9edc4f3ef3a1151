/**
 * `gift-credit-expired`: granted (gift) credit vanished in one interval, far faster than the
 * account usually spends and without touching the topped-up balance (shared/analytics'
 * "possible gift expiry"), while the topped-up balance left is zero or low. Ordinary
 * spending drains gift credit gradually instead.
 */
import { HOUR_MS, spentBetween } from '../history';
import { rowMicros } from '../rows';
import { balanceEvidence, recheck, step } from '../steps';
import { makeCause, pastedIs402, pastedIsOther, type CauseRule } from './make';

export const giftCreditExpired: CauseRule = (ctx) => {
  const snap = ctx.snap;
  if (!snap) return null;
  const drop = [...ctx.giftDrops].reverse().find((d) => rowMicros(snap, d.currency).toppedUp <= ctx.critical(d.currency));
  if (!drop) return null;
  const row = rowMicros(snap, drop.currency);
  const cur = drop.currency;
  const h = ctx.histories.find((x) => x.currency === cur);
  const weekSpent = h ? spentBetween(h, drop.from - 7 * 24 * HOUR_MS, drop.from) : 0;
  const evidence = [
    {
      kind: 'gift-drop' as const,
      text: ctx.t('ev.gift-drop', {
        before: ctx.money(drop.grantedBefore, cur),
        after: ctx.money(drop.grantedAfter, cur),
        time: ctx.time(drop.at),
        toppedUp: ctx.money(row.toppedUp, cur),
        weekSpent: ctx.money(weekSpent, cur),
      }),
      values: { at: drop.at, currency: cur, droppedMicros: drop.droppedMicros, weekSpentMicros: weekSpent },
    },
    ...balanceEvidence(ctx),
  ];
  let confidence = row.total <= ctx.critical(cur) ? 0.93 : 0.5;
  if (pastedIs402(ctx)) confidence += 0.02;
  if (pastedIsOther(ctx)) confidence = Math.min(confidence, 0.55);
  const ok = { kind: 'balance-above-zero-and-available' } as const;
  return makeCause(ctx, 'gift-credit-expired', confidence, evidence, [
    step(ctx, 'top-up', { kind: 'open-link', link: 'topUp' }, ok, { why: 'step.top-up-gift.why' }),
    step(ctx, 'check-usage', { kind: 'open-link', link: 'usage' }, null, { why: 'step.check-usage-gift.why' }),
    recheck(ctx, ok),
  ]);
};
