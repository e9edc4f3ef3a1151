/**
 * Builders for playbook steps and the evidence lines several causes share, so every cause
 * words the same fact the same way and every step's `done` comes from the same check.
 */
import type { DiagnosisMessageKey } from '../i18n/diagnosis';
import type { LinkKind } from '../providers';
import { pastedProviderLink } from './error-providers';
import type { ProviderError } from '../model';
import { balanceText, type Ctx } from './context';
import type { Evidence, ParsedError, Step, StepAction, VerifyCondition } from './types';
import { isConditionMet } from './verify';
import { clipWords } from './clip';

/** Step text keys: `step.<key>.title` / `.why`. */
type StepKey =
  | 'top-up'
  | 'mark-paid'
  | 'recheck'
  | 'check-usage'
  | 'create-key'
  | 'replace-key'
  | 'check-key'
  | 'use-same-key'
  | 'check-account'
  | 'contact-support'
  | 'check-status'
  | 'wait-retry'
  | 'slow-down'
  | 'check-connection'
  | 'read-error-codes'
  | 'fix-request'
  | 'use-other-key'
  | 'check-payment'
  | 'compare-key'
  | 'switch-headline'
  | 'other-model'
  | 'lower-max-tokens'
  | 'raise-key-limit'
  | 'ask-relay-admin'
  | 'top-up-relay'
  | 'pay-overdue'
  | 'check-billing'
  | 'curl-body';

export interface StepOptions {
  /** Another `why` (or title) for the same step in a particular cause. */
  why?: DiagnosisMessageKey;
  title?: DiagnosisMessageKey;
  vars?: Record<string, string | number>;
}

/** One step with its `done` already evaluated against the input. */
export function step(
  ctx: Ctx,
  key: StepKey,
  action: StepAction,
  verify: VerifyCondition | null,
  opts: StepOptions = {},
): Step {
  const vars = opts.vars ?? {};
  return {
    id: key,
    title: ctx.t(opts.title ?? (`step.${key}.title` as DiagnosisMessageKey), vars),
    why: ctx.t(opts.why ?? (`step.${key}.why` as DiagnosisMessageKey), vars),
    action:
      ctx.pastedOnly && action.kind === 'open-link' && !action.url
        ? pastedLink(ctx, action.link)
        : action,
    verify,
    done: verify !== null && isConditionMet(verify, ctx.status, ctx.input.facts),
  };
}

/**
 * A page of the provider the pasted error came from. It names that provider (and its URL) when
 * it is not the account's own, so the window and the CLI never open the account's page instead;
 * with no page known the step stays, without a button.
 */
export function pastedLink(ctx: Ctx, link: LinkKind): StepAction {
  const p = ctx.pastedLinkProvider;
  const url = p ? pastedProviderLink(p, link) : null;
  if (!p || !url) return { kind: 'none' };
  return ctx.pastedOnly || ctx.foreignProvider
    ? { kind: 'open-link', link, provider: p, url }
    : { kind: 'open-link', link, url };
}

/** The usual pair: re-check now, done when the same condition as the fix is observed. */
export function recheck(ctx: Ctx, verify: VerifyCondition): Step {
  return step(ctx, 'recheck', { kind: 'recheck' }, verify);
}

/** "HTTP 402 Insufficient Balance" for a pasted or polled error. */
function what(ctx: Ctx, status: number | null, message: string | null): string {
  const msg = clipWords((message ?? '').replace(/[\s.。]+$/, ''), 160);
  return status !== null
    ? ctx.t('what.status', { status, message: msg }).trim()
    : ctx.t('what.message', { message: msg });
}

/** Evidence line quoting the pasted error. */
export function pastedEvidence(ctx: Ctx, p: ParsedError): Evidence {
  return {
    kind: 'pasted',
    text: ctx.t('ev.pasted', { what: what(ctx, p.status, p.message) }),
    values: { status: p.status ?? '', source: p.source },
  };
}

/** Evidence line for Creditray's own failed check (plus its Retry-After when given). */
export function pollEvidence(ctx: Ctx, e: ProviderError): Evidence[] {
  const out: Evidence[] = [
    {
      kind: 'poll-error',
      text: ctx.t('ev.poll-error', { time: ctx.time(e.at), what: what(ctx, e.status, e.message) }),
      values: { at: e.at, status: e.status ?? '' },
    },
  ];
  if (e.retryAfterMs !== null) {
    const seconds = Math.ceil(e.retryAfterMs / 1000);
    out.push({
      kind: 'poll-error',
      text: ctx.t('ev.retry-after', { seconds }),
      values: { seconds },
    });
  }
  return out;
}

/** "Balance at 14:05: ¥0.00", plus a staleness line when the reading is old. */
export function balanceEvidence(
  ctx: Ctx,
  key: 'ev.balance' | 'ev.balance-empty' = 'ev.balance',
): Evidence[] {
  const snap = ctx.snap;
  if (!snap) return [];
  const out: Evidence[] = [
    {
      kind: 'balance',
      text: ctx.t(key, { time: ctx.time(snap.at), balance: balanceText(ctx) }),
      values: { at: snap.at },
    },
  ];
  if (!ctx.fresh)
    out.push({
      kind: 'stale',
      text: ctx.t('ev.stale', { time: ctx.time(snap.at), ago: ctx.ago(snap.at) }),
      values: { at: snap.at },
    });
  return out;
}
