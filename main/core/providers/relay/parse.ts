/**
 * one-api / new-api relays, read with the relay `sk-` key: the OpenAI-style billing pair
 * (`hard_limit_usd` in dollars, `total_usage` in cents), or new-api's `/api/usage/token/`
 * in quota units. Relays answer errors as HTTP 200 with an `error` object as often as with
 * 401/403: an invalid or expired key is auth, an exhausted key or user quota is a depleted
 * reading (never a bad response).
 */
import { z } from 'zod';
import type { ProviderError, Snapshot } from '../../../../shared/model';
import { microsToDecimal, MAX_ABS_MICROS } from '../../../../shared/money';
import { err, ok, type Result } from '../../../../shared/result';
import { exactAmount, shiftedAmount, subtractAmounts } from '../amounts';
import { errorText, saidText, wrongShape, type AnswerCtx } from '../answer-classify';
import { providerError } from '../http-errors';
import type { RawAnswer } from '../http-call';

/** one-api's marker for an unlimited key's `hard_limit_usd`. */
export const UNLIMITED_USD = 100_000_000;
/** one-api's default quota units per dollar. */
export const DEFAULT_QUOTA_PER_UNIT = 500_000;

const num = z.union([z.number(), z.string()]);
const subscriptionSchema = z.object({ hard_limit_usd: num, access_until: z.number().nullish() });
const usageSchema = z.object({ total_usage: num });
const tokenSchema = z.object({
  code: z.union([z.boolean(), z.number()]).nullish(),
  data: z.object({
    total_available: num,
    total_used: num.nullish(),
    total_granted: num.nullish(),
    unlimited_quota: z.boolean().nullish(),
  }),
});
const statusSchema = z.object({ data: z.object({ quota_per_unit: z.number().positive() }) });

/** Which money ran out, from a relay's error wording (Chinese and English, one-api and new-api). */
export function relayExhaustion(
  json: unknown,
): 'key-limit-reached' | 'user-quota-exhausted' | null {
  const { message, code } = errorText(json);
  if (/令牌额度已用尽|token quota (is )?(exhausted|used up)|token_quota_exhausted/i.test(message))
    return 'key-limit-reached';
  if (
    code === 'insufficient_user_quota' ||
    /用户额度不足|user quota is not enough|insufficient user quota/i.test(message)
  )
    return 'user-quota-exhausted';
  return null;
}

/** The depleted reading an exhausted key or user stands for: zero left, and why. */
export function exhaustedSnapshot(
  cause: 'key-limit-reached' | 'user-quota-exhausted',
  json: unknown,
  ctx: AnswerCtx,
): Snapshot {
  const what =
    cause === 'key-limit-reached'
      ? "This relay key's own quota is used up (the relay account may still have money: raise the key's limit or use another key)."
      : "The relay account's quota is used up: top up on the relay's site.";
  return {
    at: ctx.at,
    available: true,
    rows: [{ currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' }],
    notice: { code: cause, message: `${what}${saidText(json, ctx)}` },
  };
}

/** Relay wording for a bad key, at any status (including 200). */
export function classifyRelay(ans: RawAnswer, json: unknown, ctx: AnswerCtx): ProviderError | null {
  const { message } = errorText(json);
  if (
    /无效的令牌|令牌已过期|令牌已被禁用|令牌状态不可用|未提供令牌|invalid token|token (has )?expired|token.*disabled/i.test(
      message,
    )
  )
    return providerError(
      'auth',
      `The relay rejected the key (${ans.status}): it is invalid, expired or disabled.${saidText(json, ctx)}`,
      ctx.at,
      { status: ans.status, key: ctx.key },
    );
  return null;
}

/** `hard_limit_usd` as an exact amount, or 'unlimited'. */
export function parseSubscription(
  json: unknown,
  ctx: AnswerCtx,
): Result<string | 'unlimited', ProviderError> {
  const p = subscriptionSchema.safeParse(json);
  if (!p.success) return err(wrongShape(ctx, p.error.issues[0]?.path.join('.') || 'the body'));
  const a = exactAmount(p.data.hard_limit_usd);
  if (!a.ok) {
    if (Number(p.data.hard_limit_usd) >= UNLIMITED_USD) return ok('unlimited');
    return err(
      providerError(
        'bad-response',
        `The relay sent an unusable hard_limit_usd (${a.error}).`,
        ctx.at,
        { status: 200, key: ctx.key },
      ),
    );
  }
  return ok(Number(a.value) >= UNLIMITED_USD ? 'unlimited' : a.value);
}

/** The key's remaining dollars: hard limit − total_usage/100 (usage is in cents). */
export function parseUsage(
  json: unknown,
  hardLimit: string,
  ctx: AnswerCtx,
): Result<Snapshot, ProviderError> {
  const p = usageSchema.safeParse(json);
  if (!p.success) return err(wrongShape(ctx, p.error.issues[0]?.path.join('.') || 'the body'));
  const used = shiftedAmount(p.data.total_usage, 2);
  if (!used.ok)
    return err(
      providerError(
        'bad-response',
        `The relay sent an unusable total_usage (${used.error}).`,
        ctx.at,
        { status: 200, key: ctx.key },
      ),
    );
  const total = subtractAmounts(hardLimit, used.value);
  return ok({
    at: ctx.at,
    available: true,
    rows: [{ currency: 'USD', total, granted: '0.00', toppedUp: total }],
    facts: [
      { id: 'key-limit', currency: 'USD', amount: hardLimit },
      { id: 'usage', currency: 'USD', amount: used.value },
    ],
  });
}

/** Quota units per dollar from new-api's /api/status; the default when the relay does not say. */
export function parseQuotaPerUnit(json: unknown): number {
  const p = statusSchema.safeParse(json);
  return p.success && Number.isSafeInteger(p.data.data.quota_per_unit)
    ? p.data.data.quota_per_unit
    : DEFAULT_QUOTA_PER_UNIT;
}

/** Quota units to dollars exactly (BigInt), truncated at the micro-unit like every amount. */
export function quotaToDollars(units: unknown, perUnit: number): Result<string, string> {
  const text =
    typeof units === 'number' ? String(units) : typeof units === 'string' ? units.trim() : '';
  if (!/^-?\d+$/.test(text))
    return err(`not a whole number of quota units: ${JSON.stringify(text.slice(0, 30))}`);
  const micros = (BigInt(text) * 1_000_000n) / BigInt(perUnit);
  if (micros > BigInt(MAX_ABS_MICROS) || micros < -BigInt(MAX_ABS_MICROS))
    return err(`amount out of range: ${text.slice(0, 30)}`);
  return ok(microsToDecimal(Number(micros), 2));
}

/** new-api's /api/usage/token/ (`code` is a bool): unlimited, or the remaining quota in dollars. */
export function parseTokenUsage(
  json: unknown,
  perUnit: number,
  ctx: AnswerCtx,
): Result<Snapshot, ProviderError> {
  const p = tokenSchema.safeParse(json);
  if (!p.success || p.data.code === false)
    return err(
      p.success
        ? providerError(
            'bad-response',
            `The relay answered without the key's usage.${saidText(json, ctx)}`,
            ctx.at,
            { status: 200, key: ctx.key },
          )
        : wrongShape(ctx, p.error.issues[0]?.path.join('.') || 'the body'),
    );
  if (p.data.data.unlimited_quota)
    return ok({ at: ctx.at, available: true, rows: [], unlimited: true });
  const total = quotaToDollars(p.data.data.total_available, perUnit);
  if (!total.ok)
    return err(
      providerError(
        'bad-response',
        `The relay sent an unusable data.total_available (${total.error}).`,
        ctx.at,
        { status: 200, key: ctx.key },
      ),
    );
  const facts = [];
  const used =
    p.data.data.total_used === null || p.data.data.total_used === undefined
      ? null
      : quotaToDollars(p.data.data.total_used, perUnit);
  if (used?.ok) facts.push({ id: 'usage', currency: 'USD', amount: used.value });
  return ok({
    at: ctx.at,
    available: true,
    rows: [{ currency: 'USD', total: total.value, granted: '0.00', toppedUp: total.value }],
    facts,
  });
}
