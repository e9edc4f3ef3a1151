/**
 * Causes that involve more than one account or key: this account is empty while another
 * has money (`wrong-account`), and a pasted 402 while this account has money, which means
 * the program is billing some other account (`key-mismatch`).
 */
import type { AccountStatus } from '../../model';
import { balanceText, fundedRows, MINUTE_MS, type Ctx } from '../context';
import { lastIncreaseAfter } from '../history';
import { pastedEvidence, recheck, step } from '../steps';
import { makeCause, pastedIsOther, type CauseRule } from './make';
import type { Evidence } from '../types';

/** Without a declared payment, a top-up on another account this recent still counts. */
const RECENT_TOP_UP_MS = 48 * 60 * MINUTE_MS;

/** Other accounts with a different key (the same key twice is the same account). */
function otherAccounts(ctx: Ctx): AccountStatus[] {
  const me = ctx.status.account;
  // A keyless (demo) account holds no money a program could be billed from.
  return ctx.input.others.filter(
    (o) => o.account.id !== me.id && o.account.keyMask !== '' && o.account.keyMask !== me.keyMask,
  );
}

export const wrongAccount: CauseRule = (ctx) => {
  if (!ctx.empty) return null;
  const funded = otherAccounts(ctx).filter(
    (o) => o.snapshot?.available && fundedRows(o.snapshot).length > 0,
  );
  const other = funded[0];
  if (!other) return null;
  const evidence: Evidence[] = [];
  let confidence = 0.55;
  const since = ctx.input.facts?.paidAt ?? ctx.now - RECENT_TOP_UP_MS;
  for (const o of funded) {
    const rise = lastIncreaseAfter(ctx.input.othersHistory?.[o.account.id] ?? [], since);
    if (rise) {
      confidence = 0.95;
      evidence.push({
        kind: 'other-account',
        text: ctx.t('ev.other-topped-up', {
          other: o.account.label,
          amount: ctx.money(rise.micros, rise.currency),
          time: ctx.time(rise.at),
        }),
        values: { account: o.account.label, at: rise.at },
      });
    }
  }
  evidence.unshift({
    kind: 'other-account',
    text: ctx.t('ev.other-funded', {
      other: other.account.label,
      otherKey: other.account.keyMask,
      otherBalance: balanceText(ctx, other.snapshot),
    }),
    values: { account: other.account.label },
  });
  if (pastedIsOther(ctx)) confidence = Math.min(confidence, 0.5);
  const vars = { other: other.account.label, otherKey: other.account.keyMask };
  return makeCause(ctx, 'wrong-account', confidence, evidence, [
    step(ctx, 'use-other-key', { kind: 'none' }, null, { vars }),
    step(
      ctx,
      'top-up',
      { kind: 'open-link', link: 'topUp' },
      { kind: 'balance-above-zero-and-available' },
      { title: 'step.top-up-this.title' },
    ),
  ]);
};

export const keyMismatch: CauseRule = (ctx) => {
  const snap = ctx.snap;
  // Another provider's out-of-money error says nothing about this account's key.
  if (ctx.foreignProvider) return null;
  if (
    !ctx.pasted ||
    ctx.pasted.kind !== 'insufficient-balance' ||
    !snap ||
    !snap.available ||
    ctx.funded.length === 0
  )
    return null;
  const comfortable = ctx.funded.some((r) => r.micros > ctx.critical(r.currency));
  const keyMask = ctx.status.account.keyMask;
  // The demo account has no key: no "(…)" after its name and no key to compare with.
  const keyless = keyMask === '';
  const evidence: Evidence[] = [
    pastedEvidence(ctx, ctx.pasted),
    {
      kind: 'balance',
      text: ctx.t(keyless ? 'ev.funded-keyless' : 'ev.funded', {
        balance: balanceText(ctx),
        label: ctx.status.account.label,
        keyMask,
        time: ctx.time(snap.at),
      }),
      values: { at: snap.at },
    },
  ];
  for (const o of otherAccounts(ctx)) {
    if (o.snapshot && fundedRows(o.snapshot).length === 0) {
      evidence.push({
        kind: 'other-account',
        text: ctx.t('ev.other-empty', { other: o.account.label, otherKey: o.account.keyMask }),
        values: { account: o.account.label },
      });
    }
  }
  // An old reading may simply predate the balance running out.
  const confidence = (comfortable ? 0.85 : 0.5) - (ctx.fresh ? 0 : 0.3);
  const recheckStep = recheck(ctx, { kind: 'poll-succeeds', after: ctx.now });
  return makeCause(
    ctx,
    'key-mismatch',
    confidence,
    evidence,
    keyless
      ? [recheckStep]
      : [step(ctx, 'compare-key', { kind: 'none' }, null, { vars: { keyMask } }), recheckStep],
  );
};
