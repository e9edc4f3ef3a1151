/**
 * Reading DeepSeek's answers tolerantly: amounts as strings or numbers, rows in any order,
 * empty lists as zero, and everything else (HTML, empty, other JSON, absurd numbers, error
 * bodies) as a precise ProviderError instead of a wrong number on the tray.
 */
import { z } from 'zod';
import type { BalanceRow, ProviderError, Snapshot } from '../../../shared/model';
import { checkCurrencyCode } from '../../../shared/currency';
import { microsToDecimal, parseAmount, toMicros } from '../../../shared/money';
import { err, ok, type Result } from '../../../shared/result';
import { looksLikeHtml, parseRetryAfter, providerError, scrubSecrets } from './http-errors';
import type { RawAnswer } from './http-call';

const amount = z.union([z.string(), z.number()]);
const rowSchema = z.object({
  currency: z.string(),
  total_balance: amount,
  granted_balance: amount,
  topped_up_balance: amount,
});
const balanceSchema = z.object({ is_available: z.boolean(), balance_infos: z.array(rowSchema) });
const errorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().nullish(),
    code: z.string().nullish(),
  }),
});
const modelsSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

type Ctx = { at: number; host: string; key?: string };

/** The display string: the server's own text when it is a plain decimal, else a canonical one. */
function displayAmount(raw: string | number, micros: number): string {
  if (
    typeof raw === 'string' &&
    /^-?\d+(\.\d{1,6})?$/.test(raw) &&
    !(micros === 0 && raw.startsWith('-'))
  )
    return raw;
  return microsToDecimal(micros, 2);
}

function issuePath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('') || 'the body'
  );
}

/** Turns a parsed /user/balance JSON value into a Snapshot (rows sorted by currency). */
export function parseBalanceJson(json: unknown, ctx: Ctx): Result<Snapshot, ProviderError> {
  const parsed = balanceSchema.safeParse(json);
  if (!parsed.success) {
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: a failed safeParse always has an issue
    const where = issuePath(parsed.error.issues[0]?.path ?? []);
    return err(
      providerError(
        'bad-response',
        `${ctx.host} answered JSON of an unexpected shape ("${where}" is missing or has the wrong type): a relay or gateway may be answering instead of DeepSeek.`,
        ctx.at,
        { status: 200 },
      ),
    );
  }
  const rows: BalanceRow[] = [];
  for (const [i, r] of parsed.data.balance_infos.entries()) {
    const fields = [
      ['total_balance', r.total_balance],
      ['granted_balance', r.granted_balance],
      ['topped_up_balance', r.topped_up_balance],
    ] as const;
    const out: string[] = [];
    for (const [name, raw] of fields) {
      const m = parseAmount(raw);
      if (!m.ok) {
        return err(
          providerError(
            'bad-response',
            `DeepSeek sent an unusable amount in balance_infos[${i}].${name} (${m.error}).`,
            ctx.at,
            { status: 200 },
          ),
        );
      }
      out.push(displayAmount(raw, m.value));
    }
    const currency = checkCurrencyCode(r.currency);
    if (!currency.ok) {
      return err(
        providerError(
          'bad-response',
          `${ctx.host} sent an unusable currency in balance_infos[${i}].currency: it ${currency.error}. Nothing was stored.`,
          ctx.at,
          { status: 200 },
        ),
      );
    }
    rows.push({ currency: currency.value, total: out[0]!, granted: out[1]!, toppedUp: out[2]! });
  }
  const merged = mergeDuplicateRows(rows);
  if (!merged.ok)
    return err(
      providerError('bad-response', `${ctx.host} ${merged.error} Nothing was stored.`, ctx.at, {
        status: 200,
      }),
    );
  return ok({ at: ctx.at, available: parsed.data.is_available, rows: merged.value });
}

/**
 * One row per currency, sorted. The rule for a currency listed twice: identical rows are the
 * same fact repeated and collapse into one; rows that disagree are refused, since either
 * could be the wrong one and adding them up could double the money.
 */
export function mergeDuplicateRows(rows: readonly BalanceRow[]): Result<BalanceRow[], string> {
  const byCurrency = new Map<string, BalanceRow>();
  for (const r of rows) {
    const seen = byCurrency.get(r.currency);
    if (!seen) byCurrency.set(r.currency, r);
    else if (
      toMicros(seen.total) !== toMicros(r.total) ||
      toMicros(seen.granted) !== toMicros(r.granted) ||
      toMicros(seen.toppedUp) !== toMicros(r.toppedUp)
    ) {
      return err(
        `listed ${r.currency} twice with different amounts (${seen.total} and ${r.total}); which one is right cannot be told.`,
      );
    }
  }
  // Sorted by code unit, like `<` (the keys are unique, so no tie to break).
  return ok([...byCurrency.keys()].sort().map((c) => byCurrency.get(c)!));
}

/** Classifies a non-success answer: HTTP status first, then DeepSeek's error.type, then its message. */
export function classifyAnswer(ans: RawAnswer, ctx: Ctx): ProviderError {
  const { status, body } = ans;
  const errBody = errorSchema.safeParse(safeJson(body));
  // Scrubbed before the cut: a cut through an echoed key would leave a part the scrubber misses.
  const serverMsg = errBody.success
    ? scrubSecrets(errBody.data.error.message ?? '', ctx.key).slice(0, 200)
    : '';
  const type = errBody.success ? errBody.data.error.type : null;
  const said = serverMsg ? ` DeepSeek said: "${serverMsg}".` : '';
  const html = looksLikeHtml(body, ans.headers.get('content-type'));
  const via = html
    ? ' The answer was an HTML page, probably from a proxy or gateway in between.'
    : '';
  const o = { status, key: ctx.key };
  const retry = parseRetryAfter(ans.headers.get('retry-after'), ctx.at);

  if (status === 401)
    return providerError(
      'auth',
      `DeepSeek rejected the API key (401 Authentication Fails): it is wrong, deleted or malformed.${said}${via}`,
      ctx.at,
      o,
    );
  if (status === 402)
    return providerError(
      'insufficient-balance',
      `DeepSeek says the account has run out of balance (402 Insufficient Balance).${said}${via}`,
      ctx.at,
      o,
    );
  if (status === 429)
    return providerError(
      'rate-limit',
      `DeepSeek is rate limiting this account (429 Rate Limit Reached).${said}${via}`,
      ctx.at,
      { ...o, retryAfterMs: retry },
    );
  if (status === 407)
    return providerError(
      'network',
      `The proxy asks for a user name and password (407 Proxy Authentication Required).`,
      ctx.at,
      o,
    );
  if (status >= 500) {
    const what = status === 503 ? 'is overloaded (503)' : `had a server error (${status})`;
    return providerError('server', `DeepSeek ${what}; try again shortly.${said}${via}`, ctx.at, {
      ...o,
      retryAfterMs: retry,
    });
  }
  if (status === 400 || status === 422)
    return providerError(
      'request',
      `DeepSeek refused the request as malformed (${status}).${said}${via}`,
      ctx.at,
      o,
    );
  if (type === 'authentication_error' || /authentication fails/i.test(serverMsg)) {
    return providerError('auth', `DeepSeek rejected the API key (${status}).${said}`, ctx.at, o);
  }
  if (/insufficient balance/i.test(serverMsg))
    return providerError(
      'insufficient-balance',
      `DeepSeek says the account has run out of balance (${status}).${said}`,
      ctx.at,
      o,
    );
  // Stryker disable next-line EqualityOperator: a 400 itself was answered above (malformed request)
  if (status >= 400)
    return providerError(
      'request',
      `${ctx.host} refused the request (${status}).${said}${via}`,
      ctx.at,
      o,
    );
  if (errBody.success)
    return providerError(
      'bad-response',
      `${ctx.host} answered with an error instead of a balance.${said}`,
      ctx.at,
      o,
    );
  return describeBadBody(ans, ctx);
}

/** Why a 2xx body is not usable: HTML, empty, not JSON, or an error object. */
export function describeBadBody(ans: RawAnswer, ctx: Ctx): ProviderError {
  const o = { status: ans.status, key: ctx.key };
  if (looksLikeHtml(ans.body, ans.headers.get('content-type'))) {
    return providerError(
      'bad-response',
      `A proxy or gateway answered with an HTML page instead of DeepSeek's JSON (captive portal, corporate proxy or a wrong base URL?).`,
      ctx.at,
      o,
    );
  }
  if (ans.body.trim() === '')
    return providerError(
      'bad-response',
      `${ctx.host} answered with an empty body instead of DeepSeek's JSON.`,
      ctx.at,
      o,
    );
  return providerError(
    'bad-response',
    `${ctx.host} answered with something that is not JSON: "${ans.body.trim().slice(0, 60)}".`,
    ctx.at,
    o,
  );
}

/** Interprets a 2xx JSON body: an error object (seen behind gateways) is classified, not parsed as money. */
export function jsonOrFailure(ans: RawAnswer, ctx: Ctx): Result<unknown, ProviderError> {
  const json = safeJson(ans.body);
  if (json === undefined) return err(describeBadBody(ans, ctx));
  if (errorSchema.safeParse(json).success) return err(classifyAnswer(ans, ctx));
  return ok(json);
}

/** Checks a /models answer has the list shape DeepSeek sends. */
export function parseModelsJson(json: unknown, ctx: Ctx): Result<string[], ProviderError> {
  const parsed = modelsSchema.safeParse(json);
  if (!parsed.success) {
    return err(
      providerError(
        'bad-response',
        `${ctx.host}/models answered JSON of an unexpected shape (no "data" list of models): a relay or gateway may be answering instead of DeepSeek.`,
        ctx.at,
        { status: 200 },
      ),
    );
  }
  return ok(parsed.data.data.map((m) => m.id));
}

/** The parsed body, or undefined when it is not JSON (empty, HTML, cut short). */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: undefined.
  }
  return undefined;
}
