/**
 * The diagnosis engine: runs every cause rule over the evidence and ranks what holds.
 * Pure (no clock, no I/O), so main, the window and the CLI all get the same answer.
 */
import type { Lang } from '../i18n/language';
import { buildContext, type Ctx } from './context';
import { accountUnavailable } from './causes/unavailable';
import { balanceDepleted, balanceLow, headlineRowEmpty } from './causes/balance';
import { invalidKey, network, rateLimited, requestError, serverError } from './causes/errors';
import { giftCreditExpired } from './causes/gift';
import { keyMismatch, wrongAccount } from './causes/accounts';
import type { CauseRule } from './causes/make';
import { usageSpike } from './causes/spike';
import {
  accountOverdue,
  keyLimitReached,
  paidBalanceRequired,
  pastedDepleted,
  requestExceedsBalance,
} from './causes/pasted-money';
import { topUpPending } from './causes/top-up';
import type { Cause, Diagnosis, DiagnosisInput, ParsedError } from './types';
import { isConditionMet } from './verify';

/** Rule order breaks confidence ties: the more specific explanation first. */
const RULES: readonly CauseRule[] = [
  paidBalanceRequired,
  requestExceedsBalance,
  keyLimitReached,
  accountOverdue,
  invalidKey,
  wrongAccount,
  giftCreditExpired,
  topUpPending,
  accountUnavailable,
  balanceDepleted,
  pastedDepleted,
  keyMismatch,
  usageSpike,
  balanceLow,
  rateLimited,
  serverError,
  network,
  requestError,
  headlineRowEmpty,
];

function pastedNote(ctx: Ctx, p: ParsedError | null): string | null {
  if (!p) return null;
  // `recognised` is `kind !== null` (parsePastedError).
  if (!p.kind) return ctx.t('pasted.unknown');
  const source = ctx.t(`source.${p.source}`);
  const what =
    p.status !== null
      ? ctx.t('what.status', { status: p.status, message: p.message ?? '' }).trim()
      : (p.message ?? p.kind);
  const provider = p.provider ? ctx.providerName : null;
  if (p.isBalanceProblem)
    return provider
      ? ctx.t('pasted.balance-provider', { source, what, provider })
      : ctx.t('pasted.balance', { source, what });
  // 'meaning.other' is for kinds a paste never yields (bad-response, keychain, config): kept
  // so a new kind still reads sensibly, unreachable today.
  const meaning =
    // Stryker disable next-line ConditionalExpression: see above, every kind a paste yields is listed
    p.kind === 'auth' ||
    p.kind === 'rate-limit' ||
    p.kind === 'server' ||
    p.kind === 'request' ||
    p.kind === 'network' ||
    p.kind === 'timeout'
      ? ctx.t(`meaning.${p.kind}`)
      : // Stryker disable next-line StringLiteral: unreachable, see above
        ctx.t('meaning.other');
  return provider
    ? ctx.t('pasted.not-balance-provider', { source, what, meaning, provider })
    : ctx.t('pasted.not-balance', { source, what, meaning });
}

/** Ranks every cause the evidence supports, highest confidence first. */
export function diagnose(input: DiagnosisInput, lang: Lang): Diagnosis {
  const ctx = buildContext(input, lang);
  // Array.prototype.sort is stable, so causes of equal confidence keep the rule order.
  const causes = RULES.map((rule) => rule(ctx))
    .filter((c): c is Cause => c !== null)
    .sort((a, b) => b.confidence - a.confidence);
  return {
    causes,
    healthy: causes.length === 0,
    pasted: ctx.pasted,
    pastedNote: pastedNote(ctx, ctx.pasted),
  };
}

/**
 * Re-diagnoses with new evidence while a fix is in progress: steps stay done once observed
 * (their conditions keep the time of the first diagnosis), and causes that no longer hold
 * stay listed as `cleared` after the live ones, so the view can show what was fixed.
 */
export function trackProgress(previous: Diagnosis, input: DiagnosisInput, lang: Lang): Diagnosis {
  const current = diagnose(input, lang);
  const seen = (prev: Cause | undefined, cause: Cause): Cause => ({
    ...cause,
    steps: cause.steps.map((s) => {
      const old = prev?.steps.find((p) => p.id === s.id);
      const verify = old?.verify ?? s.verify;
      return {
        ...s,
        verify,
        done:
          !!old?.done || (verify !== null && isConditionMet(verify, input.account, input.facts)),
      };
    }),
  });
  const live = current.causes.map((c) =>
    seen(
      previous.causes.find((p) => p.id === c.id),
      c,
    ),
  );
  const cleared = previous.causes
    .filter((p) => !current.causes.some((c) => c.id === p.id))
    .map((p) => ({ ...seen(p, p), cleared: true }));
  return { ...current, causes: [...live, ...cleared] };
}
