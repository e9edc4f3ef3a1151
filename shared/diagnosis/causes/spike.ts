/**
 * `usage-spike`: spend far above the account's usual rate. That is the signature of a runaway
 * loop or of a leaked key, so rotating the key is part of the fix. The rule is the one the
 * spike notification and `check --json` use (shared/analytics/spike: last hour against the
 * usual hourly rate, 5x and one whole unit; top-ups and likely gift expiries are not spend).
 * A 402 is often diagnosed after the money ran out, so the last three hours are each checked:
 * a spike that drained the account two hours ago still explains it.
 */
import { measureSpike, type SpikeMeasure } from '../../analytics';
import { HOUR_MS } from '../history';
import { recheck, step } from '../steps';
import { makeCause, pastedIsOther, type CauseRule } from './make';
import type { Evidence } from '../types';

/** How many hours back a spike still explains an error. */
const LOOKBACK_HOURS = 3;

const rank = (m: SpikeMeasure) => m.ratio ?? Infinity;

export const usageSpike: CauseRule = (ctx) => {
  let best: { evidence: Evidence; ratio: number } | null = null;
  for (const h of ctx.histories) {
    const cur = h.currency;
    for (let k = 0; k < LOOKBACK_HOURS; k++) {
      const m = measureSpike(h.points, ctx.now - k * HOUR_MS);
      if (!m || m.level !== 'spike' || (best && best.ratio >= rank(m))) continue;
      const vars = {
        hours: 1,
        spent: ctx.money(m.recentSpentMicros, cur),
        rate: ctx.money(m.recentPerHourMicros, cur),
        usual: ctx.money(m.usualPerHourMicros, cur),
        ratio: String(Math.floor(rank(m))),
      };
      best = {
        ratio: rank(m),
        evidence: {
          kind: 'spend-rate',
          text: ctx.t(m.ratio === null ? 'ev.spike-from-zero' : 'ev.spike', vars),
          values: {
            currency: cur,
            recentPerHourMicros: m.recentPerHourMicros,
            usualPerHourMicros: m.usualPerHourMicros,
          },
        },
      };
    }
  }
  if (!best) return null;
  let confidence = best.ratio >= 10 ? 0.85 : 0.7;
  if (pastedIsOther(ctx)) confidence = Math.min(confidence, 0.5);
  const mask = ctx.status.account.keyMask;
  return makeCause(
    ctx,
    'usage-spike',
    confidence,
    [best.evidence],
    [
      step(ctx, 'check-usage', { kind: 'open-link', link: 'usage' }, null),
      // A keyless (demo) account has no key to leak or replace.
      ...(mask === ''
        ? []
        : [
            step(ctx, 'create-key', { kind: 'open-link', link: 'apiKeys' }, null),
            step(
              ctx,
              'replace-key',
              { kind: 'replace-key' },
              { kind: 'key-replaced', previousMask: mask },
            ),
          ]),
      recheck(ctx, { kind: 'poll-succeeds', after: ctx.now }),
    ],
  );
};
