/**
 * The pasted-error recogniser on the variants real logs carry (shared/diagnosis/pasted-error.ts):
 * the status table, wrapper classes with odd spacing, timeouts in any wording, a status that
 * outranks network words, old Mac line ends, padded messages, and bearer tokens.
 */
import { describe, expect, it } from 'vitest';
import {
  kindForStatus,
  parsePastedError,
  redactKeys,
} from '../../../../shared/diagnosis/pasted-error';

const BODY402 = "{'error': {'message': 'Insufficient Balance', 'type': 'unknown_error'}}";

describe('kindForStatus', () => {
  it('maps each status the way polls do', () => {
    const table: [number, string][] = [
      [400, 'request'],
      [401, 'auth'],
      [402, 'insufficient-balance'],
      [403, 'auth'],
      [404, 'request'],
      [422, 'request'],
      [429, 'rate-limit'],
      [499, 'request'],
      [500, 'server'],
      [503, 'server'],
      [529, 'server'],
    ];
    for (const [status, kind] of table) expect(kindForStatus(status), String(status)).toBe(kind);
  });
});

describe('who printed it', () => {
  it('a wrapper class right before the SDK text, with or without spaces around the colon', () => {
    for (const text of [
      `MyWrapperError: Error code: 402 - ${BODY402}`,
      `MyWrapperError : Error code: 402 - ${BODY402}`,
      `MyWrapperError:Error code: 402 - ${BODY402}`,
      `MyWrapperError(Error code: 402 - ${BODY402}`,
    ])
      expect(parsePastedError(text).source, text).toBe('langchain');
  });

  it('the SDK’s own class last on the line is the SDK, whatever wrapped it earlier', () => {
    const text = `RuntimeError: retry failed after openai.APIStatusError: Error code: 402 - ${BODY402}`;
    expect(parsePastedError(text).source).toBe('openai-python');
  });
});

describe('classification details', () => {
  it('a timeout in any wording is a timeout, not just a network error', () => {
    for (const text of [
      'request timeout',
      'the read timed out',
      'connect time out',
      'Error: ETIMEDOUT',
    ])
      expect(parsePastedError(text).kind, text).toBe('timeout');
    expect(parsePastedError('getaddrinfo ENOTFOUND api.deepseek.com').kind).toBe('network');
  });

  it('a printed status outranks network words in the same text', () => {
    const p = parsePastedError(
      'HTTP/1.1 502 Bad Gateway\n\nproxy error: upstream connection refused',
    );
    expect(p).toMatchObject({ status: 502, kind: 'server' });
  });

  it('the error type decides a status before the message does', () => {
    const p = parsePastedError(
      '{"error":{"type":"rate_limit_error","message":"insufficient balance on this tier"}}',
    );
    expect(p).toMatchObject({ status: 429, kind: 'rate-limit', isBalanceProblem: false });
  });

  it('trims a padded message', () => {
    const p = parsePastedError('{"error":{"message":"  Insufficient Balance  ","type":"x"}}');
    expect(p.message).toBe('Insufficient Balance');
    expect(p).toMatchObject({ provider: 'deepseek', kind: 'insufficient-balance' });
  });

  it('reads curl output with old Mac line ends (CR only) like any other', () => {
    const p = parsePastedError(
      'HTTP/1.1 402 Payment Required\rcontent-type: application/json\r\r{"error":{"message":"Insufficient Balance","type":"unknown_error"}}',
    );
    expect(p).toMatchObject({ source: 'curl', status: 402, message: 'Insufficient Balance' });
  });

  it('a body that curl or the Python SDK printed is not a hidden body', () => {
    const p = parsePastedError('Error code: 403 - Forbidden https://api.siliconflow.cn/v1');
    expect(p).toMatchObject({ provider: 'siliconflow', kind: 'auth', bodyHidden: false });
    expect(p.isBalanceProblem).toBe(false);
  });

  it('reads an Anthropic envelope’s inner type even with spaces before the colon', () => {
    const p = parsePastedError(
      '{"request_id" : "req_0123456789abcdef0123", "type" : "error", "error" : {"type" : "overloaded_error", "message" : "Overloaded"}}',
    );
    expect(p.type).toBe('overloaded_error');
    expect(p.message).toBe('Overloaded');
  });
});

describe('redactKeys', () => {
  it('masks a bearer token of 12 characters or more, keeping the word Bearer', () => {
    const out = redactKeys('Authorization: Bearer  abcdefghijklmnop0123');
    expect(out.startsWith('Authorization: Bearer  ')).toBe(true);
    expect(out).not.toContain('abcdefghijklmnop0123');
    expect(redactKeys('authorization: bearer abcdefghijkl')).not.toContain('abcdefghijkl');
    expect(redactKeys('Bearer abcdefghijk')).toBe('Bearer abcdefghijk');
    expect(redactKeys('Bearer ----------------')).not.toContain('----------------');
  });

  it('masks sk- keys of 8 characters or more after the prefix', () => {
    expect(redactKeys('key sk-0123456789abcdef')).not.toContain('0123456789abcdef');
    expect(redactKeys('key sk-0123456')).toBe('key sk-0123456');
  });
});
