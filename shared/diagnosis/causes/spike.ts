/**
 * `usage-spike`: spend over the last hours far above the account's usual rate. That is the
 * signature of a runaway loop or of a leaked key, so rotating the key is part of the fix.
 */
import { HOUR_MS, spendInWindow } from '../spend-evidence';
import { recheck, step } from '../steps';
import { makeCause, pastedIsOther, type CauseRule } from './make';
import type { Evidence } from '../types';

const RECENT_H = 3;
const BASELINE_MS = 7 * 24 * HOUR_MS;
/** Less usual history than this and we cannot say what "usual" is. */
const MIN_BASELINE_MS = 12 * HOUR_MS;
const MIN_RATIO = 4;
/** Below one currency unit in three hours nobody needs to be alarmed. */
const MIN_SPEND_MICROS = 1_000_000;

export const usageSpike: CauseRule = (ctx) => {
  const history = ctx.input.history;
  const exclude = new Set(ctx.giftDrops.map((d) => d.at));
  const currencies = [...new Set(history.flatMap((s) => s.rows.map((r) => r.currency)))];
  let best: { evidence: Evidence; ratio: number } | null = null;
  for (const cur of currencies) {
    const recent = spendInWindow(history, cur, ctx.now - RECENT_H * HOUR_MS, ctx.now, exclude);
    const base = spendInWindow(history, cur, ctx.now - BASELINE_MS, ctx.now - RECENT_H * HOUR_MS, exclude);
    if (recent.perHourMicros === null || base.perHourMicros === null) continue;
    if (base.coveredMs < MIN_BASELINE_MS || recent.spentMicros < MIN_SPEND_MICROS) continue;
    const ratio = base.perHourMicros > 0 ? recent.perHourMicros / base.perHourMicros : Infinity;
    if (ratio < MIN_RATIO || (best && best.ratio >= ratio)) continue;
    const vars = {
      hours: RECENT_H,
      spent: ctx.money(recent.spentMicros, cur),
      rate: ctx.money(recent.perHourMicros, cur),
      usual: ctx.money(base.perHourMicros, cur),
      ratio: new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 0 }).format(ratio),
    };
    const key = Number.isFinite(ratio) ? 'ev.spike' : 'ev.spike-from-zero';
    best = {
      ratio,
      evidence: { kind: 'spend-rate', text: ctx.t(key, vars), values: { currency: cur, recentPerHourMicros: recent.perHourMicros, usualPerHourMicros: base.perHourMicros } },
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
