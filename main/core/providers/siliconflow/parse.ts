/**
 * SiliconFlow's /v1/user/info, read exactly (money as strings), with the currency taken
 * from the host (.cn CNY, .com USD). The China host retired this endpoint in 2026 (HTTP 410
 * or business code 20092): that is said plainly, never shown as a zero balance.
 */
import { z } from 'zod';
import type { ProviderError, Snapshot } from '../../../../shared/model';
import { err, ok, type Result } from '../../../../shared/result';
import { exactAmount } from '../amounts';
import { errorText, saidText, wrongShape, type AnswerCtx } from '../answer-classify';
import { providerError } from '../http-errors';
import type { RawAnswer } from '../http-call';
import { hostIn } from '../provider-url';

const amount = z.union([z.string(), z.number()]);
const infoSchema = z.object({
  code: z.number(),
  status: z.boolean().optional(),
  message: z.string().nullish(),
  data: z
    .object({
      balance: amount,
      chargeBalance: amount,
      totalBalance: amount,
      status: z.string().nullish(),
    })
    .nullish(),
});

/** The business code the China host answers with since the balance lookup was retired (seen in the wild). */
export const RETIRED_CODE = 20092;

/** USD on *.siliconflow.com, else CNY (the default host is the China one). */
export function siliconflowCurrency(host: string): 'CNY' | 'USD' {
  return hostIn(host, 'siliconflow.com') ? 'USD' : 'CNY';
}

/** Why the balance cannot be read on the China host; kept separate from auth and network errors. */
export function retiredError(ctx: AnswerCtx, status: number | null): ProviderError {
  return providerError(
    'request',
    `SiliconFlow's China site no longer shows the balance to API keys (${status === 410 ? 'HTTP 410' : `code ${RETIRED_CODE}`}): it is only visible in SiliconFlow's console (cloud.siliconflow.cn). Errors of your calls are still explained here; an account on api.siliconflow.com (USD) can still be watched.`,
    ctx.at,
    { status, key: ctx.key },
  );
}

/** Turns a 200 body into one row: total = totalBalance, granted = balance (gift), toppedUp = chargeBalance. */
export function parseSiliconflowInfo(
  json: unknown,
  ctx: AnswerCtx,
): Result<Snapshot, ProviderError> {
  const parsed = infoSchema.safeParse(json);
  if (!parsed.success)
    return err(wrongShape(ctx, parsed.error.issues[0]?.path.join('.') || 'the body'));
  const { code, data } = parsed.data;
  if (code === RETIRED_CODE) return err(retiredError(ctx, 200));
  if (code !== 20000 || !data)
    return err(
      providerError(
        'bad-response',
        `SiliconFlow answered without a balance (code ${code}).${saidText(json, ctx)}`,
        ctx.at,
        { status: 200, key: ctx.key },
      ),
    );
  const out: string[] = [];
  for (const name of ['totalBalance', 'balance', 'chargeBalance'] as const) {
    const a = exactAmount(data[name]);
    if (!a.ok)
      return err(
        providerError(
          'bad-response',
          `SiliconFlow sent an unusable amount in data.${name} (${a.error}).`,
          ctx.at,
          { status: 200, key: ctx.key },
        ),
      );
    out.push(a.value);
  }
  const available = (data.status ?? 'normal') === 'normal';
  const snap: Snapshot = {
    at: ctx.at,
    available,
    rows: [
      {
        currency: siliconflowCurrency(ctx.host),
        total: out[0]!,
        granted: out[1]!,
        toppedUp: out[2]!,
      },
    ],
  };
  if (!available)
    snap.notice = {
      code: 'account-status',
      message: `SiliconFlow reports the account status as "${String(data.status).slice(0, 40)}", not "normal": calls may be refused whatever the balance.`,
    };
  return ok(snap);
}

/** SiliconFlow's own failures: the retired China endpoint, and its `code` bodies (no `error` key). */
export function classifySiliconflow(
  ans: RawAnswer,
  json: unknown,
  ctx: AnswerCtx,
): ProviderError | null {
  const { code } = errorText(json);
  if (ans.status === 410 || code === String(RETIRED_CODE)) return retiredError(ctx, ans.status);
  const o = { status: ans.status, key: ctx.key };
  if (code === '30001' || code === '30011')
    return providerError(
      'insufficient-balance',
      `SiliconFlow says the balance is insufficient (${ans.status}, code ${code}${code === '30011' ? ': this model needs paid balance, gift credit does not count' : ''}).${saidText(json, ctx)}`,
      ctx.at,
      o,
    );
  return null;
}
