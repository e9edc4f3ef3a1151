/**
 * The plain money causes: nothing left, almost nothing left, and the look-alike where the
 * headline shows an empty currency row while another row holds the money.
 */
import { HOUR_MS, spentBetween } from '../history';
import { thresholdsFor } from '../../level';
import { parseAmount } from '../../money';
import { rowMicros } from '../rows';
import { balanceEvidence, pastedEvidence, recheck, step } from '../steps';
import { makeCause, moneySummary, pastedIs402, pastedIsOther, type CauseRule } from './make';
import type { Evidence } from '../types';

const BALANCE_OK = { kind: 'balance-above-zero-and-available' } as const;

/** `balance-depleted`: every currency row at or below zero. */
export const balanceDepleted: CauseRule = (ctx) => {
  if (!ctx.empty) return null;
  let confidence = ctx.fresh ? 0.9 : 0.7;
  const evidence = balanceEvidence(ctx, 'ev.balance-empty');
  if (ctx.pasted && pastedIs402(ctx)) {
    confidence += 0.05;
    evidence.push(pastedEvidence(ctx, ctx.pasted));
  }
  // A 401/429/... is what the user's call hit first; the empty balance is the next wall.
  if (pastedIsOther(ctx) || ctx.pollError?.kind === 'auth') confidence = 0.6;
  const { vars, summary } = moneySummary(ctx, 'balance-depleted');
  return makeCause(
    ctx,
    'balance-depleted',
    confidence,
    evidence,
    [
      step(ctx, 'top-up', { kind: 'open-link', link: 'topUp' }, BALANCE_OK),
      step(ctx, 'mark-paid', { kind: 'mark-paid' }, { kind: 'paid-declared' }),
      recheck(ctx, BALANCE_OK),
    ],
    vars,
    summary,
  );
};

/** `balance-low`: money left, but at or below the critical level or below recent spend. */
export const balanceLow: CauseRule = (ctx) => {
  const snap = ctx.snap;
  const best = ctx.funded[0];
  if (!snap || !best || !snap.available) return null;
  const evidence: Evidence[] = [];
  const allCritical = ctx.funded.every((r) => r.micros <= ctx.critical(r.currency));
  if (allCritical) {
    const threshold = ctx.money(ctx.critical(best.currency), best.currency);
    evidence.push({
      kind: 'balance',
      text: ctx.t('ev.balance-low', { balance: ctx.money(best.micros, best.currency), threshold }),
      values: { currency: best.currency, micros: best.micros },
    });
  }
  // The level `check` and the tray show: a "low" there must not be "healthy" here (issue 13).
  const lowLevel = ctx.status.level === 'low' || ctx.status.level === 'critical';
  if (!allCritical && lowLevel && ctx.status.headline) {
    const { currency } = ctx.status.headline;
    const left = parseAmount(ctx.status.headline.total);
    const low = parseAmount(thresholdsFor(ctx.status.account, currency).low);
    if (left.ok && low.ok)
      evidence.push({
        kind: 'balance',
        text: ctx.t('ev.balance-below-low', {
          balance: ctx.money(left.value, currency),
          threshold: ctx.money(low.value, currency),
        }),
        values: { currency, micros: left.value },
      });
  }
  const hours = 1;
  const h = ctx.histories.find((x) => x.currency === best.currency);
  const recent = { spentMicros: h ? spentBetween(h, ctx.now - hours * HOUR_MS, ctx.now) : 0 };
  if (recent.spentMicros > best.micros) {
    evidence.push({
      kind: 'spend-rate',
      text: ctx.t('ev.spend-exceeds-left', {
        hours,
        spent: ctx.money(recent.spentMicros, best.currency),
        balance: ctx.money(best.micros, best.currency),
      }),
      values: { spentMicros: recent.spentMicros, leftMicros: best.micros },
    });
  }
  if (evidence.length === 0) return null;
  let confidence = 0.6 + 0.1 * evidence.length;
  if (ctx.pasted && pastedIs402(ctx)) {
    confidence += 0.1;
    evidence.push(pastedEvidence(ctx, ctx.pasted));
  }
  if (pastedIsOther(ctx)) confidence = Math.min(confidence, 0.5);
  // Done once the balance clears both the critical level and what the last hour cost.
  const floor = Math.max(ctx.critical(best.currency), recent.spentMicros);
  const target = { kind: 'balance-above', currency: best.currency, micros: floor } as const;
  const { vars, summary } = moneySummary(ctx, 'balance-low');
  return makeCause(
    ctx,
    'balance-low',
    confidence,
    evidence,
    [
      step(ctx, 'top-up', { kind: 'open-link', link: 'topUp' }, target, {
        why: 'step.top-up-low.why',
      }),
      recheck(ctx, target),
    ],
    vars,
    summary,
  );
};

/** `headline-row-empty`: the shown currency is empty while another row has money. */
export const headlineRowEmpty: CauseRule = (ctx) => {
  const snap = ctx.snap;
  const best = ctx.funded[0];
  if (!snap || !best || ctx.funded.some((r) => r.currency === ctx.headlineCurrency)) return null;
  const currency = ctx.headlineCurrency;
  const funded = ctx.money(best.micros, best.currency);
  const balance = ctx.money(rowMicros(snap, currency).total, currency);
  return makeCause(
    ctx,
    'headline-row-empty',
    0.55,
    [
      {
        kind: 'balance',
        text: ctx.t('ev.headline', { currency, balance, funded }),
        values: { currency, funded: best.currency },
      },
    ],
    [
      step(
        ctx,
        'switch-headline',
        { kind: 'switch-headline', currency: best.currency },
        { kind: 'headline-is', currency: best.currency },
        {
          vars: { currency: best.currency },
        },
      ),
    ],
    { currency, fundedCurrency: best.currency },
  );
};
