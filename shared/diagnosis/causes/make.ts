/** The shape every cause rule returns, built in one place so summaries are always localised. */
import type { DiagnosisMessageKey } from '../../i18n/diagnosis';
import type { Ctx } from '../context';
import type { Cause, CauseId, Evidence, Step } from '../types';

/** A rule looks at the context and returns its cause, or null when its evidence is absent. */
export type CauseRule = (ctx: Ctx) => Cause | null;

/** Assembles a cause; confidence is clamped to 0..1 and rounded for stable output. */
export function makeCause(
  ctx: Ctx,
  id: CauseId,
  confidence: number,
  evidence: Evidence[],
  steps: Step[],
  vars: Record<string, string | number> = {},
  /** Another summary for the same cause (e.g. one that names the provider). */
  summary: DiagnosisMessageKey = `cause.${id}` as DiagnosisMessageKey,
): Cause {
  const c = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
  return { id, confidence: c, summary: ctx.t(summary, vars), evidence, steps };
}

/**
 * The summary of an out-of-money cause quoting the status the user's calls get ("fail with
 * 429" for Moonshot, 402 for DeepSeek), or naming none where the provider's is unknown.
 */
export function moneySummary(
  ctx: Ctx,
  id: 'balance-depleted' | 'balance-low',
): { vars: Record<string, number>; summary: DiagnosisMessageKey } {
  return ctx.moneyStatus === null
    ? { vars: {}, summary: `cause.${id}-any-status` }
    : { vars: { status: ctx.moneyStatus }, summary: `cause.${id}` };
}

/** True when the user's own program hit a non-balance error we recognised. */
export function pastedIsOther(ctx: Ctx): boolean {
  return !!ctx.pasted?.recognised && ctx.pasted.isBalanceProblem === false;
}

/** True when the user pasted a 402. */
export function pastedIs402(ctx: Ctx): boolean {
  // Another provider's money error is no evidence about this account's balance.
  return ctx.pasted?.kind === 'insufficient-balance' && !ctx.foreignProvider;
}
