/**
 * Moonshot / Kimi's balance answer, read exactly: JSON numbers kept digit for digit, the
 * currency taken from the host (the body names none), success only when `code == 0` and
 * `status == true`, and its error `type`s classified before the HTTP status (a 429 can be
 * money, a rate limit or an overload).
 */
import { z } from 'zod';
import type { ProviderError, Snapshot } from '../../../../shared/model';
import { err, ok, type Result } from '../../../../shared/result';
import { exactAmount } from '../amounts';
import type { AnswerCtx } from '../answer-classify';
import { errorText, saidText } from '../answer-classify';
import { parseRetryAfter, providerError } from '../http-errors';
import type { RawAnswer } from '../http-call';
import { hostIn } from '../provider-url';

const amount = z.union([z.number(), z.string()]);
const balanceSchema = z.object({
  code: z.number(),
  status: z.boolean(),
  scode: z.string().optional(),
  data: z
    .object({ available_balance: amount, voucher_balance: amount, cash_balance: amount })
    .nullish(),
});

/** CNY on *.moonshot.cn, USD on *.moonshot.ai; any other host (a proxy, a test) is the default, China. */
export function moonshotCurrency(host: string): 'CNY' | 'USD' {
  return hostIn(host, 'moonshot.ai') ? 'USD' : 'CNY';
}

/** Turns a 200 body into one row: total = available, granted = voucher, toppedUp = cash (may be negative). */
export function parseMoonshotBalance(
  json: unknown,
  ctx: AnswerCtx,
): Result<Snapshot, ProviderError> {
  const parsed = balanceSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'the body';
    return err(
      providerError(
        'bad-response',
        `${ctx.host} answered JSON of an unexpected shape ("${where}" is missing or has the wrong type): a relay or gateway may be answering instead of Moonshot.`,
        ctx.at,
        { status: 200, key: ctx.key },
      ),
    );
  }
  const { code, status, scode, data } = parsed.data;
  if (code !== 0 || !status || !data) {
    return err(
      providerError(
        'bad-response',
        `Moonshot answered without a balance (code ${code}, status ${String(status)}${scode ? `, scode ${scode}` : ''}).${saidText(json, ctx)}`,
        ctx.at,
        { status: 200, key: ctx.key },
      ),
    );
  }
  const out: string[] = [];
  for (const name of ['available_balance', 'voucher_balance', 'cash_balance'] as const) {
    const a = exactAmount(data[name]);
    if (!a.ok)
      return err(
        providerError(
          'bad-response',
          `Moonshot sent an unusable amount in data.${name} (${a.error}).`,
          ctx.at,
          { status: 200, key: ctx.key },
        ),
      );
    out.push(a.value);
  }
  const currency = moonshotCurrency(ctx.host);
  return ok({
    at: ctx.at,
    available: true,
    rows: [{ currency, total: out[0]!, granted: out[1]!, toppedUp: out[2]! }],
  });
}

/** Moonshot's own error types first: money, rate limit and overload all arrive as 429. */
export function classifyMoonshot(
  ans: RawAnswer,
  json: unknown,
  ctx: AnswerCtx,
): ProviderError | null {
  const { type, message } = errorText(json);
  const said = saidText(json, ctx);
  const o = { status: ans.status, key: ctx.key };
  const retry = parseRetryAfter(ans.headers.get('retry-after'), ctx.at);
  if (
    type === 'exceeded_current_quota_error' ||
    /insufficient balance|is not active|token quota/i.test(message)
  )
    return providerError(
      'insufficient-balance',
      `Moonshot refuses calls for lack of money (${ans.status} ${type || 'quota'}): the account is out of balance or suspended.${said}`,
      ctx.at,
      o,
    );
  if (type === 'rate_limit_reached_error')
    return providerError(
      'rate-limit',
      `Moonshot is rate limiting this account (${ans.status}: concurrency, RPM, TPM or TPD cap); not a money problem.${said}`,
      ctx.at,
      { ...o, retryAfterMs: retry },
    );
  if (type === 'engine_overloaded_error')
    return providerError(
      'server',
      `Moonshot is overloaded (${ans.status}); try again shortly.${said}`,
      ctx.at,
      { ...o, retryAfterMs: retry },
    );
  if (ans.status === 401 || type === 'invalid_authentication_error') {
    const other = hostIn(ctx.host, 'moonshot.ai')
      ? 'https://api.moonshot.cn (China)'
      : 'https://api.moonshot.ai (international)';
    return providerError(
      'auth',
      `Moonshot rejected the API key (${ans.status}): it is wrong or deleted, or it belongs to the other region. Keys are region-bound: a key from the other platform only works on ${other}; set that as the base URL if that is where you created it.${said}`,
      ctx.at,
      o,
    );
  }
  return null;
}
