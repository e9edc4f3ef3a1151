/**
 * DeepSeek's answers read without a socket: every status and body a gateway or DeepSeek can
 * send becomes the right kind of error with the right words, and every balance shape the right
 * rows (issue 15, item 10: a bare or HTML 402 from a gateway is still a money error).
 */
import { describe, expect, it } from 'vitest';
import {
  classifyAnswer,
  describeBadBody,
  jsonOrFailure,
  mergeDuplicateRows,
  parseBalanceJson,
  parseModelsJson,
} from '../../../../main/core/providers/deepseek-parse';
import type { RawAnswer } from '../../../../main/core/providers/http-call';

const KEY = 'sk-0123456789abcdef0123456789abcdef';
const ctx = { at: 7, host: 'api.deepseek.com', key: KEY };
const answer = (status: number, body: string, headers: Record<string, string> = {}): RawAnswer => ({
  status,
  body,
  headers: new Headers(headers),
  type: 'basic',
});
const errJson = (message?: string, type?: string | null) =>
  JSON.stringify({
    error: {
      ...(message === undefined ? {} : { message }),
      ...(type === undefined ? {} : { type }),
      code: null,
    },
  });
const HTML = '<html><body><h1>402 Payment Required</h1></body></html>';

describe('classifyAnswer by status', () => {
  it.each([
    [401, 'auth', /rejected the API key \(401 Authentication Fails\)/],
    [402, 'insufficient-balance', /run out of balance \(402 Insufficient Balance\)/],
    [429, 'rate-limit', /rate limiting this account \(429/],
    [407, 'network', /proxy asks for a user name and password \(407/],
    [500, 'server', /DeepSeek had a server error \(500\); try again shortly\./],
    [502, 'server', /had a server error \(502\)/],
    [503, 'server', /DeepSeek is overloaded \(503\)/],
    [400, 'request', /refused the request as malformed \(400\)/],
    [422, 'request', /malformed \(422\)/],
    [404, 'request', /^api\.deepseek\.com refused the request \(404\)\.$/],
    [499, 'request', /refused the request \(499\)/],
  ] as const)('a bare %i is %s', (status, kind, words) => {
    const e = classifyAnswer(answer(status, ''), ctx);
    expect(e).toMatchObject({ kind, status, at: 7 });
    expect(e.message).toMatch(words);
    expect(e.message).not.toMatch(/said|HTML/);
  });

  it('a bare or HTML 402 from a gateway is insufficient balance, not a request error', () => {
    const bare = classifyAnswer(answer(402, ''), ctx);
    expect(bare.kind).toBe('insufficient-balance');
    const html = classifyAnswer(answer(402, HTML, { 'content-type': 'text/html' }), ctx);
    expect(html.kind).toBe('insufficient-balance');
    expect(html.message).toMatch(
      /The answer was an HTML page, probably from a proxy or gateway in between\./,
    );
    const other = classifyAnswer(answer(402, errJson('Payment required by gateway')), ctx);
    expect(other.kind).toBe('insufficient-balance');
    expect(other.message).toContain('DeepSeek said: "Payment required by gateway".');
  });

  it('quotes DeepSeek’s message, scrubbed of the key, and says when an HTML page answered', () => {
    const e = classifyAnswer(
      answer(401, errJson(`Authentication Fails, Your api key: ${KEY} is invalid`)),
      ctx,
    );
    expect(e.message).toContain('DeepSeek said: "Authentication Fails, Your api key:');
    expect(e.message).not.toContain('0123456789abcdef');
    const html = classifyAnswer(answer(503, HTML), ctx);
    expect(html.message).toMatch(
      /overloaded \(503\); try again shortly\. The answer was an HTML page/,
    );
  });

  it('cuts a long message to 200 characters after scrubbing', () => {
    const e = classifyAnswer(answer(400, errJson('x'.repeat(300))), ctx);
    expect(e.message).toContain(`"${'x'.repeat(200)}"`);
    expect(e.message).not.toContain('x'.repeat(201));
  });

  it('passes Retry-After on for 429 and 5xx only, in milliseconds', () => {
    const h = { 'retry-after': '30' };
    expect(classifyAnswer(answer(429, '', h), ctx).retryAfterMs).toBe(30_000);
    expect(classifyAnswer(answer(503, '', h), ctx).retryAfterMs).toBe(30_000);
    expect(classifyAnswer(answer(401, '', h), ctx).retryAfterMs).toBeNull();
    expect(classifyAnswer(answer(429, ''), ctx).retryAfterMs).toBeNull();
  });
});

describe('classifyAnswer by DeepSeek’s words when the status says nothing', () => {
  it('an authentication_error type or "Authentication Fails" text is auth', () => {
    const byType = classifyAnswer(answer(200, errJson('nope', 'authentication_error')), ctx);
    expect(byType).toMatchObject({ kind: 'auth', status: 200 });
    expect(byType.message).toBe('DeepSeek rejected the API key (200). DeepSeek said: "nope".');
    expect(classifyAnswer(answer(403, errJson('authentication fails')), ctx).kind).toBe('auth');
  });

  it('"Insufficient Balance" text is a money error whatever the status', () => {
    const e = classifyAnswer(answer(200, errJson('Insufficient Balance')), ctx);
    expect(e).toMatchObject({ kind: 'insufficient-balance', status: 200 });
    expect(e.message).toBe(
      'DeepSeek says the account has run out of balance (200). DeepSeek said: "Insufficient Balance".',
    );
    expect(classifyAnswer(answer(403, errJson('insufficient balance')), ctx).kind).toBe(
      'insufficient-balance',
    );
  });

  it('another error object on a 2xx is a bad response naming the host', () => {
    const e = classifyAnswer(answer(200, errJson('something else', 'invalid_request_error')), ctx);
    expect(e).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(e.message).toBe(
      'api.deepseek.com answered with an error instead of a balance. DeepSeek said: "something else".',
    );
    const silent = classifyAnswer(answer(200, errJson()), ctx);
    expect(silent.message).toBe('api.deepseek.com answered with an error instead of a balance.');
  });

  it('a null type is no type, and a body that is not an error object is described', () => {
    expect(classifyAnswer(answer(200, errJson('x', null)), ctx).kind).toBe('bad-response');
    expect(classifyAnswer(answer(200, 'hello'), ctx).message).toMatch(/not JSON: "hello"/);
  });
});

describe('describeBadBody and jsonOrFailure', () => {
  it('tells an HTML page, an empty body and other text apart', () => {
    expect(describeBadBody(answer(200, HTML), ctx).message).toMatch(
      /^A proxy or gateway answered with an HTML page/,
    );
    expect(
      describeBadBody(answer(200, '{}', { 'content-type': 'text/html' }), ctx).message,
    ).toMatch(/HTML page/);
    expect(describeBadBody(answer(200, '  \n'), ctx).message).toBe(
      "api.deepseek.com answered with an empty body instead of DeepSeek's JSON.",
    );
    const long = describeBadBody(answer(204, `  ${'y'.repeat(80)}  `), ctx);
    expect(long).toMatchObject({ kind: 'bad-response', status: 204 });
    expect(long.message).toBe(
      `api.deepseek.com answered with something that is not JSON: "${'y'.repeat(60)}".`,
    );
  });

  it('gives JSON back, and an error object or non-JSON as a classified failure', () => {
    expect(jsonOrFailure(answer(200, '{"a":1}'), ctx)).toEqual({ ok: true, value: { a: 1 } });
    const errObj = jsonOrFailure(answer(200, errJson('Insufficient Balance')), ctx);
    expect(!errObj.ok && errObj.error.kind).toBe('insufficient-balance');
    const empty = jsonOrFailure(answer(200, ''), ctx);
    expect(!empty.ok && empty.error.message).toMatch(/empty body/);
    const text = jsonOrFailure(answer(200, 'not json'), ctx);
    expect(!text.ok && text.error.message).toMatch(/not JSON: "not json"/);
  });
});

describe('parseBalanceJson', () => {
  const row = (
    currency: string,
    total: string | number,
    granted: string | number,
    topped: string | number,
  ) => ({
    currency,
    total_balance: total,
    granted_balance: granted,
    topped_up_balance: topped,
  });
  const body = (...rows: object[]) => ({ is_available: true, balance_infos: rows });

  it('reads rows sorted by currency, keeping the server’s own decimal text', () => {
    const r = parseBalanceJson(
      body(row('USD', '1.5', '0.5', '1'), row('CNY', '110.00', '10.00', '100.00')),
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        at: 7,
        available: true,
        rows: [
          { currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' },
          { currency: 'USD', total: '1.5', granted: '0.5', toppedUp: '1' },
        ],
      },
    });
  });

  it('writes numbers, long decimals and "-0" canonically', () => {
    const r = parseBalanceJson(
      { is_available: false, balance_infos: [row('CNY', 12.5, '-0.00', '1.1234567')] },
      ctx,
    );
    expect(r.ok && r.value).toEqual({
      at: 7,
      available: false,
      rows: [{ currency: 'CNY', total: '12.50', granted: '0.00', toppedUp: '1.123456' }],
    });
    const neg = parseBalanceJson(body(row('CNY', '-1.50', '-1', '0')), ctx);
    expect(neg.ok && neg.value.rows[0]).toEqual({
      currency: 'CNY',
      total: '-1.50',
      granted: '-1',
      toppedUp: '0',
    });
  });

  it('names the missing or mistyped field, or the body, when the shape is wrong', () => {
    const where = (json: unknown) => {
      const r = parseBalanceJson(json, ctx);
      return r.ok ? null : r.error;
    };
    expect(where({ is_available: true })).toMatchObject({
      kind: 'bad-response',
      status: 200,
      at: 7,
    });
    expect(where({ is_available: true })?.message).toBe(
      'api.deepseek.com answered JSON of an unexpected shape ("balance_infos" is missing or has the wrong type): a relay or gateway may be answering instead of DeepSeek.',
    );
    expect(
      where(body({ currency: 'CNY', total_balance: '1', granted_balance: '1' }))?.message,
    ).toContain('"balance_infos[0].topped_up_balance"');
    expect(where(null)?.message).toContain('("the body" is missing');
  });

  it('refuses an unusable amount or currency, naming where it was', () => {
    const bad = parseBalanceJson(
      body(row('CNY', '1.00', '0', '1'), row('USD', '1.00', 'lots', '1')),
      ctx,
    );
    expect(!bad.ok && bad.error).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(!bad.ok && bad.error.message).toMatch(
      /^DeepSeek sent an unusable amount in balance_infos\[1\]\.granted_balance \(/,
    );
    const cur = parseBalanceJson(body(row('C NY', '1', '0', '1')), ctx);
    expect(!cur.ok && cur.error.message).toMatch(
      /^api\.deepseek\.com sent an unusable currency in balance_infos\[0\]\.currency: it .+\. Nothing was stored\.$/,
    );
    expect(!cur.ok && cur.error.status).toBe(200);
  });

  it('collapses a currency listed twice with equal amounts and refuses one listed with different amounts', () => {
    const same = parseBalanceJson(
      body(row('CNY', '1.0', '0', '1'), row('CNY', '1.00', '0.0', '1.000')),
      ctx,
    );
    expect(same.ok && same.value.rows).toEqual([
      { currency: 'CNY', total: '1.0', granted: '0', toppedUp: '1' },
    ]);
    const diff = parseBalanceJson(body(row('CNY', '1', '0', '1'), row('CNY', '2', '0', '2')), ctx);
    expect(!diff.ok && diff.error).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(!diff.ok && diff.error.message).toBe(
      'api.deepseek.com listed CNY twice with different amounts (1 and 2); which one is right cannot be told. Nothing was stored.',
    );
  });
});

describe('mergeDuplicateRows', () => {
  const r = (currency: string, total: string, granted: string, toppedUp: string) => ({
    currency,
    total,
    granted,
    toppedUp,
  });

  it('refuses rows that differ in any one amount', () => {
    expect(mergeDuplicateRows([r('CNY', '1', '0', '1'), r('CNY', '2', '0', '1')]).ok).toBe(false);
    expect(mergeDuplicateRows([r('CNY', '1', '0', '1'), r('CNY', '1', '1', '1')]).ok).toBe(false);
    expect(mergeDuplicateRows([r('CNY', '1', '0', '1'), r('CNY', '1', '0', '0')]).ok).toBe(false);
  });

  it('sorts by currency code and keeps the first of equal rows', () => {
    const out = mergeDuplicateRows([
      r('USD', '1', '0', '1'),
      r('CNY', '2', '0', '2'),
      r('EUR', '3', '0', '3'),
      r('USD', '1.0', '0', '1'),
    ]);
    expect(out.ok && out.value.map((x) => `${x.currency} ${x.total}`)).toEqual([
      'CNY 2',
      'EUR 3',
      'USD 1',
    ]);
    const two = mergeDuplicateRows([r('CNY', '2', '0', '2'), r('USD', '1', '0', '1')]);
    expect(two.ok && two.value.map((x) => x.currency)).toEqual(['CNY', 'USD']);
  });
});

describe('parseModelsJson', () => {
  it('lists the model ids, or says the shape is wrong', () => {
    expect(
      parseModelsJson({ data: [{ id: 'deepseek-chat' }, { id: 'deepseek-reasoner' }] }, ctx),
    ).toEqual({
      ok: true,
      value: ['deepseek-chat', 'deepseek-reasoner'],
    });
    const bad = parseModelsJson({ models: [] }, ctx);
    expect(!bad.ok && bad.error).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
    expect(!bad.ok && bad.error.message).toBe(
      'api.deepseek.com/models answered JSON of an unexpected shape (no "data" list of models): a relay or gateway may be answering instead of DeepSeek.',
    );
  });
});

describe('amount text', () => {
  it('keeps a plain decimal as the server wrote it, trailing zeros and all', () => {
    const r = parseBalanceJson(
      {
        is_available: true,
        balance_infos: [
          {
            currency: 'CNY',
            total_balance: '10.500',
            granted_balance: '0.500000',
            topped_up_balance: '10',
          },
        ],
      },
      ctx,
    );
    expect(r.ok && r.value.rows[0]).toEqual({
      currency: 'CNY',
      total: '10.500',
      granted: '0.500000',
      toppedUp: '10',
    });
  });

  it('says an empty body is a bad response', () => {
    expect(describeBadBody(answer(200, ''), ctx)).toMatchObject({
      kind: 'bad-response',
      status: 200,
      at: 7,
    });
  });
});
