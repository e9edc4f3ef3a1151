/**
 * OpenRouter's key and credit answers, read exactly (USD JSON numbers). A key's `limit`
 * caps what it can spend; the account's credit is only visible to a management key
 * (`/credits`). What a call can spend is the smaller of the two; when neither is known the
 * balance is unknown, never $0.
 */
import { z } from 'zod';
import type { ProviderError, SnapshotFact } from '../../../../shared/model';
import { err, ok, type Result } from '../../../../shared/result';
import { exactAmount, subtractAmounts } from '../amounts';
import { wrongShape, type AnswerCtx } from '../answer-classify';
import { providerError } from '../http-errors';

const num = z.union([z.number(), z.string()]);
const keySchema = z.object({
  data: z.object({
    limit: num.nullish(),
    limit_remaining: num.nullish(),
    usage: num.nullish(),
    usage_daily: num.nullish(),
    usage_weekly: num.nullish(),
    usage_monthly: num.nullish(),
    is_free_tier: z.boolean().nullish(),
    is_management_key: z.boolean().nullish(),
    is_provisioning_key: z.boolean().nullish(),
  }),
});
const creditsSchema = z.object({ data: z.object({ total_credits: num, total_usage: num }) });

/** What /api/v1/key says about the key itself. */
export interface OpenRouterKey {
  management: boolean;
  /** The key's cap and what is left of it; null when the key has no cap. */
  limit: string | null;
  limitRemaining: string | null;
  /** usage, usage-daily, usage-weekly, usage-monthly (whatever the answer had). */
  facts: SnapshotFact[];
}

function bad(ctx: AnswerCtx, field: string, why: string): ProviderError {
  return providerError(
    'bad-response',
    `OpenRouter sent an unusable amount in ${field} (${why}).`,
    ctx.at,
    { status: 200, key: ctx.key },
  );
}

/** Reads /api/v1/key (every field optional: older answers lack some; `is_provisioning_key` is the old name). */
export function parseOpenRouterKey(
  json: unknown,
  ctx: AnswerCtx,
): Result<OpenRouterKey, ProviderError> {
  const parsed = keySchema.safeParse(json);
  if (!parsed.success)
    return err(wrongShape(ctx, parsed.error.issues[0]?.path.join('.') || 'data'));
  const d = parsed.data.data;
  const read = (field: keyof typeof d): Result<string | null, ProviderError> => {
    const v = d[field];
    if (v === null || v === undefined) return ok(null);
    const a = exactAmount(v);
    return a.ok ? ok(a.value) : err(bad(ctx, `data.${field}`, a.error));
  };
  const limit = read('limit');
  if (!limit.ok) return limit;
  const remaining = read('limit_remaining');
  if (!remaining.ok) return remaining;
  const facts: SnapshotFact[] = [];
  for (const [field, id] of [
    ['usage', 'usage'],
    ['usage_daily', 'usage-daily'],
    ['usage_weekly', 'usage-weekly'],
    ['usage_monthly', 'usage-monthly'],
  ] as const) {
    const r = read(field);
    if (!r.ok) return r;
    if (r.value !== null) facts.push({ id, currency: 'USD', amount: r.value });
  }
  if (limit.value !== null) facts.push({ id: 'key-limit', currency: 'USD', amount: limit.value });
  // A cap with no remaining figure: the remaining amount is unknown, not the whole cap.
  return ok({
    management: d.is_management_key === true || d.is_provisioning_key === true,
    limit: limit.value,
    limitRemaining: limit.value === null ? null : remaining.value,
    facts,
  });
}

/** The account's remaining credit from /api/v1/credits (can be negative); null when both are zero (unknown). */
export function parseOpenRouterCredits(
  json: unknown,
  ctx: AnswerCtx,
): Result<string | null, ProviderError> {
  const parsed = creditsSchema.safeParse(json);
  if (!parsed.success)
    return err(wrongShape(ctx, parsed.error.issues[0]?.path.join('.') || 'data'));
  const total = exactAmount(parsed.data.data.total_credits);
  if (!total.ok) return err(bad(ctx, 'data.total_credits', total.error));
  const used = exactAmount(parsed.data.data.total_usage);
  if (!used.ok) return err(bad(ctx, 'data.total_usage', used.error));
  // Some ordinary keys get 200 with both zero: that says nothing about the account.
  if (/^0(\.0*)?$/.test(total.value) && /^0(\.0*)?$/.test(used.value)) return ok(null);
  return ok(subtractAmounts(total.value, used.value));
}

/** The "unknown, never $0" answer: an ordinary key without a cap cannot see the account's money. */
export function managementKeyNeeded(ctx: AnswerCtx, key: OpenRouterKey): ProviderError {
  const used = key.facts
    .filter((f) => f.id.startsWith('usage'))
    .map((f) => `${f.id.replace('usage-', '').replace('usage', 'all time')} $${f.amount}`)
    .join(', ');
  return providerError(
    'config',
    `OpenRouter does not show the account's credit to an ordinary API key without a spending limit, so the balance is unknown (not $0). Use a management key (openrouter.ai/settings/management-keys) for this account, or set a limit on this key.${used ? ` This key's usage: ${used}.` : ''}`,
    ctx.at,
    { status: null, key: ctx.key },
  );
}
