/**
 * Every spelling a rule of the pasted-error recogniser (shared/diagnosis/pasted-error.ts) is meant
 * to accept, and the forms that must not be mistaken for another printer. Each row is written so
 * that only the rule under test can give its answer: no provider wording, no second status in
 * the text, so loosening or tightening one separator, anchor or count changes the result.
 */
import { describe, expect, it } from 'vitest';
import { parsePastedError } from '../../../../shared/diagnosis/pasted-error';

type Row = [text: string, expected: { status: number | null; kind: string; source: string }];
const check = (rows: Row[]) => {
  for (const [text, expected] of rows)
    expect(parsePastedError(text), text).toMatchObject({ recognised: true, ...expected });
};
const plain = (status: number, kind: string) => ({ status, kind, source: 'plain' });

describe('status from words alone, with any separator or none', () => {
  it('402, 401 and 429 words written together, with underscores, or with a spaced hyphen', () => {
    check([
      ['InsufficientBalance', plain(402, 'insufficient-balance')],
      ['insufficient_balance', plain(402, 'insufficient-balance')],
      ['insufficient - balance', plain(402, 'insufficient-balance')],
      ['insufficientquota', plain(402, 'insufficient-balance')],
      ['insufficient - quota', plain(402, 'insufficient-balance')],
      ['authenticationfails', plain(401, 'auth')],
      ['authentication - fails', plain(401, 'auth')],
      ['invalid apikey', plain(401, 'auth')],
      ['invalid api - key', plain(401, 'auth')],
      ['Unauthorized', plain(401, 'auth')],
      ['Unauthorised', plain(401, 'auth')],
      ['ratelimit', plain(429, 'rate-limit')],
      ['rate - limit', plain(429, 'rate-limit')],
      ['gateway timeout', plain(500, 'server')],
      ['gateway time-out', plain(500, 'server')],
    ]);
  });

  it('a timeout in words with no status: "timeout", "timed out", "time out"', () => {
    for (const text of [
      'timeout talking to upstream',
      'request timed out',
      'the call did time out',
    ])
      expect(parsePastedError(text), text).toMatchObject({ status: null, kind: 'timeout' });
  });
});

describe('a status printed in a log line', () => {
  it('HTTP/1.1 anywhere in the line, status with a space, colon, equals sign or quotes', () => {
    check([
      ['upstream returned HTTP/1.1 503', plain(503, 'server')],
      ['upstream returned HTTP/1.1  503', plain(503, 'server')],
      ['status 503', plain(503, 'server')],
      ['status: 503', plain(503, 'server')],
      ['status : 503', plain(503, 'server')],
      ["status='503'", plain(503, 'server')],
      ['status_code=503', plain(503, 'server')],
    ]);
  });

  it('before a JSON body: the body has no status of its own, the log line does', () => {
    check([
      [
        'request failed with status 503: {"error":{"message":"busy","type":"server_error"}}',
        { status: 503, kind: 'server', source: 'deepseek-json' },
      ],
      [
        'HTTP 429 { "error" : { "message" : "slow down", "type" : "x" } }',
        { status: 429, kind: 'rate-limit', source: 'deepseek-json' },
      ],
    ]);
  });

  it('inside a JSON body: status, statusCode, http_code (number or text) or a 4xx/5xx code', () => {
    const json = (status: number) => ({ status, kind: 'server', source: 'deepseek-json' });
    check([
      ['{"status":503,"error":{"message":"busy","type":"x"}}', json(503)],
      ['{"status" : "503","error":{"message":"busy"}}', json(503)],
      ['{"statusCode": 503, "message":"busy"}', json(503)],
      ['{"http_code":503,"message":"busy"}', json(503)],
      ['{"code": 503, "message":"busy"}', json(503)],
      ['{"code" :503, "message":"busy"}', json(503)],
    ]);
  });

  it('a JSON body followed by more log text is read as plain text, not as a bare body', () => {
    expect(parsePastedError('{"code":30001,"message":"busy"} (request 42)')).toMatchObject({
      source: 'plain',
      provider: 'siliconflow',
    });
    expect(parsePastedError('  {"code":30001,"message":"busy"}\n')).toMatchObject({
      source: 'json',
      provider: 'siliconflow',
    });
  });

  it('keeps at most the first 200 characters of an unstructured first line as the message', () => {
    const long = `Insufficient Balance ${'x'.repeat(400)}`;
    const parsed = parsePastedError(`${long}\nsecond line`);
    expect(parsed.message).toBe(long.slice(0, 200));
  });
});

describe('the SDKs’ own forms with odd spacing', () => {
  it('Python SDK: no space after the colon, a hyphen without spaces, or no body at all', () => {
    const py = (status: number) => ({ status, source: 'openai-python' });
    const body = "{'error': {'message': 'Insufficient Balance', 'type': 'unknown_error'}}";
    for (const [text, want] of [
      [`openai.APIStatusError: Error code:402 - ${body}`, py(402)],
      [`Error code: 402- ${body}`, py(402)],
      [`Error code: 402 -${body}`, py(402)],
      ['openai.APIStatusError: Error code: 402', py(402)],
    ] as const)
      expect(parsePastedError(text), text).toMatchObject(want);
    expect(parsePastedError(`Error code: 402 -${body}`).message).toBe('Insufficient Balance');
  });

  it('JS SDK: no space after "Error:", and a printed message is not a hidden body', () => {
    expect(parsePastedError('Error:402 Insufficient Balance')).toMatchObject({
      status: 402,
      source: 'openai-js',
      bodyHidden: false,
    });
  });

  it('connection errors with no space after the colon or a space before it', () => {
    expect(parsePastedError('openai.APIConnectionError:Connection error.')).toMatchObject({
      kind: 'network',
      source: 'openai-python',
      message: 'Connection error.',
    });
    expect(parsePastedError('APIConnectionError : Connection error.')).toMatchObject({
      kind: 'network',
      source: 'openai-js',
      message: 'Connection error.',
    });
  });

  it('curl -i: the answer’s body, not the JSON request in the command above it', () => {
    const text = [
      `$ curl -i https://api.deepseek.com/chat/completions -d '{"messages":[{"role":"user","message":"hi","type":"text"}]}'`,
      '',
      'HTTP/1.1 402 Payment Required',
      'content-type: application/json',
      '',
      '{"error":{"message":"Insufficient Balance","type":"unknown_error"}}',
    ].join('\n');
    expect(parsePastedError(text)).toMatchObject({
      source: 'curl',
      status: 402,
      message: 'Insufficient Balance',
      type: 'unknown_error',
    });
  });
});
