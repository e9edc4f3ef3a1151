/**
 * `usage-spike`: spend over the last hours far above the account's usual rate. That is the
 * signature of a runaway loop or of a leaked key, so rotating the key is part of the fix.
 * Rates come from shared/analytics (top-ups and likely gift expiries are not spend).
 */
import { HOUR_MS, rateEnding } from '../history';
import { recheck, step } from '../steps';
import { makeCause, pastedIsOther, type CauseRule } from './make';
import type { Evidence } from '../types';

const RECENT_MS = 3 * HOUR_MS;
const WEEK_MS = 7 * 24 * HOUR_MS;
const MIN_RATIO = 4;
/** Below one currency unit in three hours nobody needs to be alarmed. */
const MIN_SPEND_MICROS = 1_000_000;

export const usageSpike: CauseRule = (ctx) => {
  let best: { evidence: Evidence; ratio: number } | null = null;
  for (const h of ctx.histories) {
    const cur = h.currency;
    const recent = rateEnding(h, RECENT_MS, ctx.now);
    // "Usual" is the week before the recent window, or at least the day before it.
    const base = rateEnding(h, WEEK_MS - RECENT_MS, ctx.now - RECENT_MS) ?? rateEnding(h, 24 * HOUR_MS, ctx.now - RECENT_MS);
    if (!recent || !base || recent.spentMicros < MIN_SPEND_MICROS) continue;
    const ratio = base.perHourMicros > 0 ? recent.perHourMicros / base.perHourMicros : Infinity;
    if (ratio < MIN_RATIO || (best && best.ratio >= ratio)) continue;
    const vars = {
      hours: RECENT_MS / HOUR_MS,
      spent: ctx.money(recent.spentMicros, cur),
      rate: ctx.money(recent.perHourMicros, cur),
      usual: ctx.money(base.perHourMicros, cur),
      ratio: new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 0 }).format(ratio),
    };
    best = {
      ratio,
      evidence: {
        kind: 'spend-rate',
        text: ctx.t(Number.isFinite(ratio) ? 'ev.spike' : 'ev.spike-from-zero', vars),
        values: { currency: cur, recentPerHourMicros: recent.perHourMicros, usualPerHourMicros: base.perHourMicros },
      },
    };
  }
  if (!best) return null;
  let confidence = best.ratio >= 10 ? 0.85 : 0.7;
  if (pastedIsOther(ctx)) confidence = Math.min(confidence, 0.5);
  const mask = ctx.status.account.keyMask;
  return makeCause(ctx, 'usage-spike', confidence, [best.evidence], [
    step(ctx, 'check-usage', { kind: 'open-link', link: 'usage' }, null),
    step(ctx, 'create-key', { kind: 'open-link', link: 'apiKeys' }, null),
    step(ctx, 'replace-key', { kind: 'replace-key' }, { kind: 'key-replaced', previousMask: mask }),
    recheck(ctx, { kind: 'poll-succeeds', after: ctx.now }),
  ]);
};
