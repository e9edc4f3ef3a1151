import { describe, expect, it } from 'vitest';
import { parsePastedError } from '../../../../shared/diagnosis/pasted-error';

describe('parsePastedError', () => {
  it("reads DeepSeek's raw 402 JSON body", () => {
    const p = parsePastedError(
      '{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}',
    );
    expect(p).toMatchObject({
      recognised: true,
      status: 402,
      type: 'unknown_error',
      message: 'Insufficient Balance',
      source: 'deepseek-json',
      kind: 'insufficient-balance',
      isBalanceProblem: true,
    });
  });

  it("reads DeepSeek's 401 JSON body by its message and type, not its shared code", () => {
    const p = parsePastedError(
      '{"error":{"message":"Authentication Fails, Your api key: ****18b is invalid","type":"authentication_error","param":null,"code":"invalid_request_error"}}',
    );
    expect(p).toMatchObject({
      status: 401,
      type: 'authentication_error',
      source: 'deepseek-json',
      kind: 'auth',
      isBalanceProblem: false,
    });
  });

  it('reads a 402 printed by curl -i: status line, headers and body', () => {
    const text = [
      'HTTP/1.1 402 Payment Required',
      'Date: Fri, 27 Nov 2026 05:00:00 GMT',
      'Content-Type: application/json',
      'Content-Length: 118',
      '',
      '{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}',
    ].join('\r\n');
    expect(parsePastedError(text)).toMatchObject({
      recognised: true,
      status: 402,
      type: 'unknown_error',
      message: 'Insufficient Balance',
      source: 'curl',
      isBalanceProblem: true,
    });
  });

  it('reads an HTTP/2 status line without a reason phrase or body', () => {
    expect(parsePastedError('HTTP/2 503\ncontent-length: 0\n')).toMatchObject({
      status: 503,
      source: 'curl',
      kind: 'server',
      isBalanceProblem: false,
    });
  });

  it("reads the OpenAI Python SDK's dict repr with single quotes and None", () => {
    const p = parsePastedError(
      "openai.APIStatusError: Error code: 402 - {'error': {'message': 'Insufficient Balance', 'type': 'unknown_error', 'param': None, 'code': 'invalid_request_error'}}",
    );
    expect(p).toMatchObject({
      recognised: true,
      status: 402,
      type: 'unknown_error',
      message: 'Insufficient Balance',
      source: 'openai-python',
      isBalanceProblem: true,
    });
  });

  it('reads a Python traceback ending in a 429 and keeps a message with an apostrophe', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "app.py", line 12, in <module>',
      '    client.chat.completions.create(model="deepseek-chat", messages=msgs)',
      `openai.RateLimitError: Error code: 429 - {'error': {'message': "You're sending requests too fast", 'type': 'rate_limit_error', 'param': None, 'code': None}}`,
    ].join('\n');
    expect(parsePastedError(text)).toMatchObject({
      status: 429,
      message: "You're sending requests too fast",
      source: 'openai-python',
      kind: 'rate-limit',
      isBalanceProblem: false,
    });
  });

  it("reads the OpenAI JS SDK's `402 Insufficient Balance`", () => {
    expect(parsePastedError('402 Insufficient Balance')).toMatchObject({
      recognised: true,
      status: 402,
      message: 'Insufficient Balance',
      source: 'openai-js',
      isBalanceProblem: true,
    });
  });

  it("reads the OpenAI JS SDK's `Error: 402 status code (no body)`", () => {
    expect(
      parsePastedError(
        'Error: 402 status code (no body)\n    at APIError.generate (node_modules/openai/error.js:44:20)',
      ),
    ).toMatchObject({
      status: 402,
      source: 'openai-js',
      isBalanceProblem: true,
    });
  });

  it('reads JS SDK class-prefixed errors for 401, 500 and 422', () => {
    expect(
      parsePastedError('AuthenticationError: 401 Authentication Fails (no such user)'),
    ).toMatchObject({ status: 401, source: 'openai-js', kind: 'auth' });
    expect(parsePastedError('InternalServerError: 500 Internal Server Error')).toMatchObject({
      status: 500,
      source: 'openai-js',
      kind: 'server',
    });
    expect(parsePastedError('UnprocessableEntityError: 422 Invalid Parameters')).toMatchObject({
      status: 422,
      source: 'openai-js',
      kind: 'request',
    });
  });

  it('recognises a LangChain-style wrapper around the Python SDK message', () => {
    const p = parsePastedError(
      "langchain_core.exceptions.LangChainException: Error code: 402 - {'error': {'message': 'Insufficient Balance', 'type': 'unknown_error', 'param': None, 'code': 'invalid_request_error'}}",
    );
    expect(p).toMatchObject({
      status: 402,
      message: 'Insufficient Balance',
      source: 'langchain',
      isBalanceProblem: true,
    });
  });

  it('recognises any non-SDK exception class wrapping the JS SDK message as a wrapper', () => {
    expect(
      parsePastedError(
        'ChatModelCallError: 401 Authentication Fails (auth header format should be Bearer sk-...)',
      ),
    ).toMatchObject({
      status: 401,
      source: 'langchain',
      kind: 'auth',
      isBalanceProblem: false,
    });
  });

  it('reads plain "Insufficient Balance" text as a 402', () => {
    expect(parsePastedError('Insufficient Balance')).toMatchObject({
      recognised: true,
      status: 402,
      source: 'plain',
      isBalanceProblem: true,
    });
  });

  it('reads plain words for the other statuses', () => {
    expect(parsePastedError('Rate Limit Reached, please slow down')).toMatchObject({
      status: 429,
      kind: 'rate-limit',
      isBalanceProblem: false,
    });
    expect(parsePastedError('Server Overloaded')).toMatchObject({ status: 503, kind: 'server' });
    expect(parsePastedError('request failed with status code 400')).toMatchObject({
      status: 400,
      kind: 'request',
    });
    expect(parsePastedError('Invalid Parameters: temperature must be <= 2')).toMatchObject({
      status: 422,
      kind: 'request',
    });
  });

  it('reads the SDK connection errors as network problems without a status', () => {
    expect(parsePastedError('openai.APIConnectionError: Connection error.')).toMatchObject({
      status: null,
      kind: 'network',
      source: 'openai-python',
      message: 'Connection error.',
      isBalanceProblem: false,
    });
    expect(parsePastedError('APITimeoutError: Request timed out.')).toMatchObject({
      kind: 'timeout',
      source: 'openai-js',
    });
    expect(
      parsePastedError(
        'TypeError: fetch failed\n  cause: Error: getaddrinfo ENOTFOUND api.deepseek.com',
      ),
    ).toMatchObject({ kind: 'network', source: 'plain' });
  });

  it('says honestly when it does not recognise the text', () => {
    const p = parsePastedError('my script stopped working yesterday');
    expect(p).toEqual({
      recognised: false,
      status: null,
      type: null,
      message: 'my script stopped working yesterday',
      source: 'unknown',
      kind: null,
      isBalanceProblem: null,
      provider: null,
      code: null,
      moneyCause: null,
      tokens: null,
      bodyHidden: false,
    });
    expect(parsePastedError('   ')).toMatchObject({
      recognised: false,
      message: null,
      isBalanceProblem: null,
    });
  });

  it('never keeps an API key from the pasted text', () => {
    const key = 'sk-0123456789abcdef0123456789abcdef';
    const p = parsePastedError(
      `curl -i -H "Authorization: Bearer ${key}" https://api.deepseek.com/chat/completions\n401 Authentication Fails, Your api key: ${key} is invalid`,
    );
    expect(p.status).toBe(401);
    expect(JSON.stringify(p)).not.toContain('0123456789abcdef');
    expect(p.message).toContain('sk-…cdef');
  });

  it('does not mistake a number in prose for a status code', () => {
    expect(parsePastedError('I sent 500 requests and now nothing works').recognised).toBe(false);
  });
});
