/**
 * Reads a custom endpoint's answer through the user's mapping: one row whose total, gift and
 * paid parts come from the JSON paths given, amounts kept exact (JSON numbers digit for digit,
 * strings as sent, whole sub-units shifted by text). When a path does not fit the answer the
 * error names the path and the members that are there, so the mapping can be fixed without
 * guessing; values themselves are never echoed (an answer may carry an e-mail or a token).
 */
import {
  formatJsonPath,
  parseJsonPath,
  readJsonPath,
  type CustomEndpoint,
} from '../../../../shared/custom-endpoint';
import type { ProviderError, Snapshot } from '../../../../shared/model';
import { err, ok, type Result } from '../../../../shared/result';
import { exactAmount, shiftedAmount, subtractAmounts } from '../amounts';
import type { AnswerCtx } from '../answer-classify';
import { providerError } from '../http-errors';

type Read<T> = Result<T, ProviderError>;

/** Symbols and words answers use for a currency, mapped to its code. */
const CURRENCY_WORDS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '¥': 'CNY',
  '￥': 'CNY',
  元: 'CNY',
  RMB: 'CNY',
};

function mappingError(ctx: AnswerCtx, message: string): ProviderError {
  return providerError('bad-response', `${ctx.host}: ${message}`, ctx.at, {
    status: 200,
    key: ctx.key,
  });
}

/** The value at a mapping path, or an error naming where the answer stopped matching. */
function valueAt(json: unknown, path: string, field: string, ctx: AnswerCtx): Read<unknown> {
  const parsed = parseJsonPath(path);
  // The schema validated every stored path; a bad one here is a settings file edited by hand.
  if (!parsed.ok) return err(mappingError(ctx, `the ${field} path "${path}" ${parsed.error}.`));
  const got = readJsonPath(json, parsed.steps);
  if (got.found) return ok(got.value);
  const reached = formatJsonPath(parsed.steps.slice(0, got.at)) || 'the top level';
  const there =
    got.keys.length > 0
      ? ` (it has: ${got.keys.join(', ')})`
      : ' (it is not an object with members there)';
  return err(
    mappingError(
      ctx,
      `the answer has nothing at ${formatJsonPath(parsed.steps)}, the ${field} path you gave: it stops at ${reached}${there}.`,
    ),
  );
}

/** An exact amount at a path, in whole sub-units when the mapping says so. */
function amountAt(
  json: unknown,
  path: string,
  field: string,
  mapping: CustomEndpoint,
  ctx: AnswerCtx,
): Read<string> {
  const v = valueAt(json, path, field, ctx);
  if (!v.ok) return v;
  const a = mapping.decimals ? shiftedAmount(v.value, mapping.decimals) : exactAmount(v.value);
  if (!a.ok)
    return err(mappingError(ctx, `the ${field} at ${path} is not an amount (${a.error}).`));
  return a;
}

/** The row's currency: the fixed code, or the one the answer names at currencyPath. */
function currencyOf(json: unknown, mapping: CustomEndpoint, ctx: AnswerCtx): Read<string> {
  if (mapping.currency) return ok(mapping.currency);
  const path = mapping.currencyPath ?? '';
  const v = valueAt(json, path, 'currency', ctx);
  if (!v.ok) return v;
  const text = typeof v.value === 'string' ? v.value.trim() : '';
  const code = CURRENCY_WORDS[text] ?? text.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code))
    return err(
      mappingError(
        ctx,
        `the currency at ${path} is not a currency code such as USD or CNY; give the code itself instead of a path.`,
      ),
    );
  return ok(code);
}

/**
 * Whether calls can be paid for now: the boolean at the `available` path, or true when the
 * mapping names none (the level then decides from the amount alone).
 */
function availableOf(json: unknown, mapping: CustomEndpoint, ctx: AnswerCtx): Read<boolean> {
  if (!mapping.available) return ok(true);
  const v = valueAt(json, mapping.available, 'calls-allowed', ctx);
  if (!v.ok) return v;
  if (typeof v.value === 'boolean') return ok(v.value);
  return err(
    mappingError(
      ctx,
      `the calls-allowed value at ${mapping.available} is not true or false; map a field that is.`,
    ),
  );
}

/**
 * One snapshot from the answer. Without a split the whole balance counts as paid (as for
 * providers that report one number); with one part given, the other is what remains.
 */
export function parseCustomAnswer(
  json: unknown,
  mapping: CustomEndpoint,
  ctx: AnswerCtx,
): Read<Snapshot> {
  const currency = currencyOf(json, mapping, ctx);
  if (!currency.ok) return currency;
  const total = amountAt(json, mapping.balance, 'balance', mapping, ctx);
  if (!total.ok) return total;
  const granted = mapping.granted ? amountAt(json, mapping.granted, 'gift', mapping, ctx) : null;
  if (granted && !granted.ok) return granted;
  const toppedUp = mapping.toppedUp ? amountAt(json, mapping.toppedUp, 'paid', mapping, ctx) : null;
  if (toppedUp && !toppedUp.ok) return toppedUp;
  const available = availableOf(json, mapping, ctx);
  if (!available.ok) return available;
  const g = granted?.value ?? (toppedUp ? subtractAmounts(total.value, toppedUp.value) : '0.00');
  const t = toppedUp?.value ?? (granted ? subtractAmounts(total.value, g) : total.value);
  return ok({
    at: ctx.at,
    available: available.value,
    rows: [{ currency: currency.value, total: total.value, granted: g, toppedUp: t }],
  });
}
