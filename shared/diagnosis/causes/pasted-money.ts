/**
 * Causes a pasted out-of-money error proves by itself, in each provider's own terms: the
 * account is empty, gift credit cannot pay for this model, this one request is more than is
 * left, the key's own cap is used up, or the account is in arrears. They hold with or without
 * a configured account (the CLI explains a pasted error alone), and their steps open the
 * pasted provider's pages, not the account's.
 */
import type { DiagnosisMessageKey } from '../../i18n/diagnosis';
import type { Ctx } from '../context';
import { pastedEvidence, pastedLink, step } from '../steps';
import { makeCause, moneySummary, type CauseRule } from './make';
import type { Evidence, MoneyCauseId, ParsedError } from '../types';

function pastedMoney(ctx: Ctx, id: MoneyCauseId): ParsedError | null {
  return ctx.pasted?.moneyCause === id ? ctx.pasted : null;
}

/** A line that explains what the provider's wording means. */
function wording(
  ctx: Ctx,
  key: DiagnosisMessageKey,
  vars: Record<string, string | number> = {},
): Evidence {
  return {
    kind: 'pasted',
    text: ctx.t(key, { provider: ctx.providerName, ...vars }),
    values: { provider: ctx.pasted?.provider ?? '' },
  };
}

/** Read from the body: near certain; guessed from a hidden body: only likely. */
function confidenceOf(p: ParsedError): number {
  return p.bodyHidden ? 0.6 : 0.9;
}

const vars = (ctx: Ctx) => ({ provider: ctx.providerName });

function topUp(ctx: Ctx, why: DiagnosisMessageKey = 'step.top-up-provider.why') {
  return step(ctx, 'top-up', pastedLink(ctx, 'topUp'), null, {
    title: 'step.top-up-provider.title',
    why,
    vars: vars(ctx),
  });
}

/**
 * `balance-depleted` from the pasted text alone: when there is no reading of this account, or
 * the error is another provider's. An empty reading is `balanceDepleted`'s; a funded one of the
 * same provider is `key-mismatch`'s.
 */
export const pastedDepleted: CauseRule = (ctx) => {
  const p = pastedMoney(ctx, 'balance-depleted');
  if (!p || ctx.empty || (ctx.snap && !ctx.foreignProvider && !ctx.pastedOnly)) return null;
  const evidence = [pastedEvidence(ctx, p)];
  if (p.bodyHidden) evidence.push(wording(ctx, 'ev.wording.body-hidden'));
  else if (p.provider) evidence.push(wording(ctx, 'ev.wording.balance-depleted'));
  const steps = [];
  if (p.bodyHidden) steps.push(step(ctx, 'curl-body', { kind: 'none' }, null));
  if (p.provider === 'relay') steps.push(step(ctx, 'top-up-relay', { kind: 'none' }, null));
  else
    steps.push(
      topUp(ctx),
      step(ctx, 'check-usage', pastedLink(ctx, 'usage'), null, {
        why: 'step.check-usage-provider.why',
      }),
    );
  const own = ctx.snap === null && !ctx.foreignProvider && !ctx.pastedOnly;
  const named = !!p.provider && p.provider !== 'deepseek';
  const money = moneySummary(ctx, 'balance-depleted');
  return makeCause(
    ctx,
    'balance-depleted',
    confidenceOf(p) - (own ? 0.1 : 0),
    evidence,
    steps,
    { ...vars(ctx), ...money.vars },
    named ? 'cause.balance-depleted-provider' : money.summary,
  );
};

/** `paid-balance-required`: SiliconFlow 30011, gift balance cannot pay for this model. */
export const paidBalanceRequired: CauseRule = (ctx) => {
  const p = pastedMoney(ctx, 'paid-balance-required');
  if (!p) return null;
  return makeCause(
    ctx,
    'paid-balance-required',
    confidenceOf(p),
    [pastedEvidence(ctx, p), wording(ctx, 'ev.wording.paid-balance-required')],
    [topUp(ctx, 'step.top-up-paid.why'), step(ctx, 'other-model', { kind: 'none' }, null)],
    vars(ctx),
  );
};

/** `request-exceeds-balance`: OpenRouter reserves credit for max_tokens; this request's reservation is more than is left. */
export const requestExceedsBalance: CauseRule = (ctx) => {
  const p = pastedMoney(ctx, 'request-exceeds-balance');
  if (!p) return null;
  const t = p.tokens;
  const evidence = [
    pastedEvidence(ctx, p),
    t ? wording(ctx, 'ev.wording.tokens', t) : wording(ctx, 'ev.wording.request-exceeds-balance'),
  ];
  const lower = t
    ? step(ctx, 'lower-max-tokens', { kind: 'none' }, null, { vars: { affordable: t.affordable } })
    : step(ctx, 'lower-max-tokens', { kind: 'none' }, null, {
        why: 'step.lower-max-tokens-unknown.why',
      });
  return makeCause(
    ctx,
    'request-exceeds-balance',
    confidenceOf(p),
    evidence,
    [lower, topUp(ctx)],
    vars(ctx),
  );
};

/** `key-limit-reached`: the key's (or project's) own cap, not the account's money. */
export const keyLimitReached: CauseRule = (ctx) => {
  const p = pastedMoney(ctx, 'key-limit-reached');
  if (!p) return null;
  const relay = p.provider === 'relay';
  const evidence = [
    pastedEvidence(ctx, p),
    wording(ctx, relay ? 'ev.wording.key-limit-relay' : 'ev.wording.key-limit-reached'),
  ];
  const steps = relay
    ? [step(ctx, 'ask-relay-admin', { kind: 'none' }, null)]
    : [
        step(ctx, 'raise-key-limit', pastedLink(ctx, 'apiKeys'), null),
        step(ctx, 'check-usage', pastedLink(ctx, 'usage'), null, {
          why: 'step.check-usage-provider.why',
        }),
      ];
  return makeCause(ctx, 'key-limit-reached', confidenceOf(p), evidence, steps, vars(ctx));
};

/** `account-overdue`: arrears (DashScope, Volcengine Ark) or an inactive account (Moonshot). */
export const accountOverdue: CauseRule = (ctx) => {
  const p = pastedMoney(ctx, 'account-overdue');
  if (!p) return null;
  return makeCause(
    ctx,
    'account-overdue',
    confidenceOf(p),
    [pastedEvidence(ctx, p), wording(ctx, 'ev.wording.account-overdue')],
    [
      step(ctx, 'pay-overdue', pastedLink(ctx, 'topUp'), null, { vars: vars(ctx) }),
      step(ctx, 'check-billing', pastedLink(ctx, 'usage'), null),
    ],
    vars(ctx),
  );
};

/** Providers that send their money error with the same status as a rate limit or overload. */
const TWIN_STATUS = new Set(['moonshot', 'openai', 'zhipu', 'xai', 'minimax', 'anthropic']);

/** For a look-alike (Moonshot's 429 rate limit, OpenAI's `rate_limit_exceeded`): why it is not money. */
export function lookalikeEvidence(ctx: Ctx): Evidence | null {
  const p = ctx.pasted;
  if (!p?.provider || p.isBalanceProblem !== false || !TWIN_STATUS.has(p.provider)) return null;
  const code = p.code && !/^\d+$/.test(p.code) ? p.code : null;
  const type = code ?? (p.type && p.type !== 'error' ? p.type : null);
  if (!type || (p.status !== 429 && p.status !== 403 && p.status !== 529)) return null;
  return wording(ctx, 'ev.wording.lookalike', { type });
}
