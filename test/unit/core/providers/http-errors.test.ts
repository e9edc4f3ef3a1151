import { describe, expect, it } from 'vitest';
import {
  classifyThrown,
  looksLikeHtml,
  parseRetryAfter,
  providerError,
  scrubSecrets,
} from '../../../../main/core/providers/http-errors';

/** What undici throws: TypeError('fetch failed') with the system error as cause. */
const undiciFailure = (code: string, message = `connect ${code}`) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

describe('classifyThrown', () => {
  it.each([
    ['ENOTFOUND', 'network', /could not look up api\.deepseek\.com \(DNS failed\)/],
    ['EAI_AGAIN', 'network', /DNS failed/],
    ['ECONNREFUSED', 'network', /refused the connection/],
    ['ECONNRESET', 'network', /connection reset/],
    ['UND_ERR_SOCKET', 'network', /connection reset/],
    ['EHOSTUNREACH', 'network', /offline/],
    ['CERT_HAS_EXPIRED', 'network', /certificate was not trusted/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'network', /certificate/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'network', /intercepting HTTPS/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'network', /TLS/],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', /did not answer in time/],
  ] as const)('maps undici/Node %s to %s in plain words', (code, kind, words) => {
    const e = classifyThrown(undiciFailure(code), 'api.deepseek.com', 5);
    expect(e).toMatchObject({ kind, status: null, at: 5 });
    expect(e.message).toMatch(words);
    expect(e.message).toContain(code);
  });

  it('finds the cause inside an AggregateError (happy eyeballs tried several addresses)', () => {
    const agg = new AggregateError(
      [Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' })],
      'all failed',
    );
    expect(classifyThrown(new TypeError('fetch failed', { cause: agg }), 'h', 0).message).toMatch(
      /refused/,
    );
  });

  it('recognises undici proxy tunnel failures', () => {
    const cause = Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), {
      code: 'UND_ERR_ABORTED',
    });
    expect(classifyThrown(new TypeError('fetch failed', { cause }), 'h', 0).message).toMatch(
      /proxy refused or broke/,
    );
  });

  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', /DNS failed/],
    ['net::ERR_CONNECTION_REFUSED', /refused/],
    ['net::ERR_PROXY_CONNECTION_FAILED', /proxy/],
    ['net::ERR_CERT_AUTHORITY_INVALID', /certificate/],
    ['net::ERR_INTERNET_DISCONNECTED', /offline/],
  ])('maps Electron net.fetch error %s', (message, words) => {
    expect(classifyThrown(new Error(message), 'api.deepseek.com', 0).message).toMatch(words);
  });

  it('falls back to the underlying message, scrubbed of keys', () => {
    const e = classifyThrown(
      new TypeError('fetch failed', { cause: new Error('weird thing with sk-abcdef0123456789') }),
      'h',
      0,
      'sk-abcdef0123456789',
    );
    expect(e.kind).toBe('network');
    expect(e.message).toContain('weird thing');
    expect(e.message).not.toContain('abcdef0123456789');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores nonsense', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')),
    ).toBe(60_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT')),
    ).toBe(0);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});

describe('scrubSecrets and looksLikeHtml', () => {
  it('removes keys, bearer tokens and the exact key but keeps DeepSeek masks', () => {
    const out = scrubSecrets(
      'key sk-0123456789abcdef0123456789abcdef; Bearer abc.def-ghi123; raw mysecretkey; ****18b',
      'mysecretkey',
    );
    expect(out).not.toMatch(/0123456789abcdef|abc\.def-ghi123|mysecretkey/);
    expect(out).toContain('****18b');
  });

  it('spots HTML by content type or by its first tag', () => {
    expect(looksLikeHtml('{}', 'text/html; charset=utf-8')).toBe(true);
    expect(looksLikeHtml('  <!DOCTYPE html><html>', null)).toBe(true);
    expect(looksLikeHtml('<html>', 'application/json')).toBe(true);
    expect(looksLikeHtml('{"a":"<html>"}', 'application/json')).toBe(false);
  });
});

describe('classifyThrown through a proxy', () => {
  it('names the proxy when the hop to it failed, and says a proxy was in the path', () => {
    const marked = Object.assign(
      new Error('fetch through proxy proxy.corp:8080 failed', {
        cause: undiciFailure('ECONNREFUSED'),
      }),
      { proxyHost: 'proxy.corp:8080' },
    );
    const e = classifyThrown(marked, 'api.deepseek.com', 0);
    expect(e.message).toMatch(/the proxy proxy\.corp:8080 refused the connection/);
    expect(e.message).toMatch(/went through the proxy proxy\.corp:8080/);
  });

  it('names the proxy when there is no route to it (this computer is offline)', () => {
    for (const code of ['ENETUNREACH', 'EHOSTUNREACH']) {
      const marked = Object.assign(
        new Error('fetch through proxy p:1 failed', { cause: undiciFailure(code) }),
        { proxyHost: 'p:1' },
      );
      expect(classifyThrown(marked, 'api.deepseek.com', 0).message, code).toMatch(
        /^Network error: no route to the proxy p:1: this computer seems to be offline/,
      );
    }
  });

  it('keeps naming the API host for certificate failures inside the tunnel', () => {
    const marked = Object.assign(
      new Error('fetch through proxy p:1 failed', {
        cause: undiciFailure('SELF_SIGNED_CERT_IN_CHAIN'),
      }),
      { proxyHost: 'p:1' },
    );
    expect(classifyThrown(marked, 'api.deepseek.com', 0).message).toMatch(
      /connection to api\.deepseek\.com failed/,
    );
  });
});

describe('classifyThrown: every code of every rule', () => {
  it.each([
    ...['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ERR_NAME_NOT_RESOLVED'].map(
      (c) => [c, 'network', 'could not look up h (DNS failed)'] as const,
    ),
    ...['ECONNREFUSED', 'ERR_CONNECTION_REFUSED'].map(
      (c) => [c, 'network', 'h refused the connection'] as const,
    ),
    ...[
      'ECONNRESET',
      'EPIPE',
      'UND_ERR_SOCKET',
      'UND_ERR_CLOSED',
      'ERR_CONNECTION_RESET',
      'ERR_CONNECTION_CLOSED',
      'ERR_EMPTY_RESPONSE',
    ].map((c) => [c, 'network', 'the connection to h was cut'] as const),
    ...[
      'ENETUNREACH',
      'EHOSTUNREACH',
      'ENETDOWN',
      'ERR_INTERNET_DISCONNECTED',
      'ERR_NETWORK_CHANGED',
      'ERR_ADDRESS_UNREACHABLE',
    ].map((c) => [c, 'network', 'no route to h: this computer seems to be offline'] as const),
    ...[
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'ERR_SSL_HTTP_REQUEST',
      'ERR_SSL_PACKET_LENGTH_TOO_LONG',
    ].map((c) => [c, 'network', 'the server answered plain HTTP on an https URL'] as const),
    ...[
      'CERT_HAS_EXPIRED',
      'UNABLE_TO_GET_ISSUER_CERT',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'ERR_SSL_PROTOCOL_ERROR',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'EPROTO',
    ].map((c) => [c, 'network', 'its certificate was not trusted'] as const),
    ...[
      'ETIMEDOUT',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'ERR_TIMED_OUT',
      'ERR_CONNECTION_TIMED_OUT',
    ].map((c) => [c, 'timeout', 'h did not answer in time (the network timed out)'] as const),
    ...['UND_ERR_PRX_TLS', 'ERR_PROXY_CONNECTION_FAILED', 'ERR_TUNNEL_CONNECTION_FAILED'].map(
      (c) => [c, 'network', 'the proxy refused or broke the connection'] as const,
    ),
  ])('%s is %s: "%s"', (code, kind, words) => {
    // A bare Node system error (no undici wrapper, a message that names nothing).
    const e = classifyThrown(Object.assign(new Error('failed'), { code }), 'h', 3);
    expect(e).toEqual({
      kind,
      status: null,
      retryAfterMs: null,
      at: 3,
      message: expect.stringContaining(words) as string,
    });
    expect(e.message).toMatch(/^Network error: /);
    expect(e.message).toMatch(new RegExp(`\\.? \\[${code}\\]$`));
  });

  it('a plain Node ETIMEDOUT (connect ETIMEDOUT) is a timeout, not a network error', () => {
    const e = classifyThrown(
      undiciFailure('ETIMEDOUT', 'connect ETIMEDOUT 1.2.3.4:443'),
      'api.deepseek.com',
      0,
    );
    expect(e.kind).toBe('timeout');
  });

  it('does not read an unknown code, or a code that merely contains a known one, as that one', () => {
    expect(classifyThrown(Object.assign(new Error('x'), { code: 'XETIMEDOUT' }), 'h', 0).kind).toBe(
      'network',
    );
    expect(
      classifyThrown(
        Object.assign(new Error('x'), { code: 'ERR_SSL_WRONG_VERSION_NUMBERS' }),
        'h',
        0,
      ).message,
    ).toMatch(/certificate/);
    expect(
      classifyThrown(Object.assign(new Error('x'), { code: 'MY_ERR_TLS_X' }), 'h', 0).message,
    ).toBe('Network error talking to h: x');
    expect(
      classifyThrown(Object.assign(new Error('x'), { code: 'EPROTONOSUPPORT' }), 'h', 0).message,
    ).toBe('Network error talking to h: x');
    expect(
      classifyThrown(Object.assign(new Error('x'), { code: 'X_ERR_PROXY_Y' }), 'h', 0).message,
    ).toBe('Network error talking to h: x');
  });

  it('reads "wrong version number" and "proxy" in a message, but no timeout from words alone', () => {
    expect(classifyThrown(new Error('SSL routines: wrong version number'), 'h', 0).message).toMatch(
      /plain HTTP on an https URL/,
    );
    expect(classifyThrown(new Error('Proxy said no'), 'h', 0).message).toMatch(
      /proxy refused or broke/,
    );
    expect(classifyThrown(new Error('timed out ETIMEDOUT'), 'h', 0)).toMatchObject({
      kind: 'network',
    });
  });

  it('follows causes six levels deep and no further', () => {
    const nest = (levels: number) => {
      let e: unknown = Object.assign(new Error('inner'), { code: 'ECONNREFUSED' });
      for (let i = 0; i < levels; i++) e = new Error('fetch failed', { cause: e });
      return e;
    };
    expect(classifyThrown(nest(6), 'h', 0).message).toMatch(/refused/);
    expect(classifyThrown(nest(7), 'h', 0).message).toBe(
      'Network error talking to h: unknown error',
    );
  });

  it('ignores a non-string code or message and a non-object thrown value', () => {
    expect(classifyThrown(Object.assign(new Error('odd'), { code: 42 }), 'h', 0).message).toBe(
      'Network error talking to h: odd',
    );
    expect(classifyThrown('a string', 'h', 0).message).toBe(
      'Network error talking to h: unknown error',
    );
    expect(classifyThrown(null, 'h', 0).message).toBe('Network error talking to h: unknown error');
    expect(classifyThrown({ message: 7 }, 'h', 0).message).toBe(
      'Network error talking to h: unknown error',
    );
    expect(classifyThrown(new TypeError('fetch failed'), 'h', 0).message).toBe(
      'Network error talking to h: unknown error',
    );
  });

  it('falls back to the last message, cut to 200 characters, without the proxy wrapper', () => {
    const long = new Error('fetch through proxy p:1 failed', { cause: new Error('z'.repeat(300)) });
    const e = classifyThrown(Object.assign(long, { proxyHost: 'p:1' }), 'h', 0);
    expect(e.message).toBe(
      `Network error talking to h: ${'z'.repeat(200)} (The request went through the proxy p:1 from your proxy settings.)`,
    );
  });

  it('names the first proxy host marked on the chain, and the API host for rules not on the proxy hop', () => {
    const inner = Object.assign(
      new Error('fetch through proxy second failed', { cause: undiciFailure('ENOTFOUND') }),
      { proxyHost: 'second' },
    );
    const outer = Object.assign(new Error('fetch through proxy first failed', { cause: inner }), {
      proxyHost: 'first',
    });
    expect(classifyThrown(outer, 'h', 0).message).toMatch(
      /^Network error: could not look up the proxy first/,
    );
    const reset = Object.assign(new Error('x', { cause: undiciFailure('ECONNRESET') }), {
      proxyHost: 'p',
    });
    expect(classifyThrown(reset, 'h', 0).message).toMatch(
      /^Network error: the connection to h was cut/,
    );
    const timeout = Object.assign(new Error('x', { cause: undiciFailure('ETIMEDOUT') }), {
      proxyHost: 'p',
    });
    expect(classifyThrown(timeout, 'h', 0).message).toMatch(
      /^Network error: h did not answer in time/,
    );
  });

  it('scrubs the key out of every message it builds', () => {
    const key = 'sk-0123456789abcdef0123456789abcdef';
    const e = classifyThrown(new Error(`bad ${key.slice(3)}`), 'h', 0, key);
    expect(e.message).not.toContain('0123456789abcdef');
  });
});

describe('providerError', () => {
  it('fills null for what is not given, and scrubs the message', () => {
    expect(providerError('server', 'boom sk-abcdefghijkl', 9)).toEqual({
      kind: 'server',
      status: null,
      message: 'boom sk-…',
      retryAfterMs: null,
      at: 9,
    });
    expect(providerError('rate-limit', 'x', 9, { status: 429, retryAfterMs: 5 })).toEqual({
      kind: 'rate-limit',
      status: 429,
      message: 'x',
      retryAfterMs: 5,
      at: 9,
    });
  });
});

describe('scrubSecrets edges', () => {
  it('keeps sk- tokens shorter than six characters and words that end in sk-', () => {
    expect(scrubSecrets('sk-abcde and task-abcdefgh')).toBe('sk-abcde and task-abcdefgh');
    expect(scrubSecrets('sk-abcdef')).toBe('sk-…');
    expect(scrubSecrets('bearer abcdef and Bearer abcde')).toBe('Bearer … and Bearer abcde');
  });

  it('parses only whole numbers as delta-seconds and tolerates spaces', () => {
    expect(parseRetryAfter(' 5 ', 0)).toBe(5000);
    expect(parseRetryAfter('', 0)).toBeNull();
  });

  it('spots HTML by its first tag only', () => {
    for (const tag of ['<html>', '<HEAD>', '<body>', '<?xml version="1.0"?>', '<!doctype html>'])
      expect(looksLikeHtml(`\n ${tag}`, null), tag).toBe(true);
    expect(looksLikeHtml('x<html>', null)).toBe(false);
    expect(looksLikeHtml('{}', 'TEXT/HTML')).toBe(true);
    expect(looksLikeHtml('{}', 'application/json')).toBe(false);
  });
});

describe('classifyThrown: anchors, depth and what it quotes', () => {
  it('matches the TLS code patterns only at the start of a code', () => {
    const fallback = (code: string) =>
      classifyThrown(Object.assign(new Error('x'), { code }), 'h', 0).message;
    for (const code of [
      'X_ERR_SSL_WRONG_VERSION_NUMBER',
      'XUNABLE_TO_GET_ISSUER',
      'X_ERR_SSL_OTHER',
      'XDEPTH_ZERO_SELF',
      'XEPROTO',
    ])
      expect(fallback(code), code).toBe('Network error talking to h: x');
    expect(fallback('DEPTH_ZERO_X')).toMatch(/certificate was not trusted/);
    expect(fallback('UNABLE_TO_X')).toMatch(/certificate was not trusted/);
  });

  it('quotes a message-only hit without a code in brackets', () => {
    expect(classifyThrown(new Error('Proxy said no'), 'h', 0).message).toBe(
      'Network error: the proxy refused or broke the connection (check HTTPS_PROXY / your system proxy settings).',
    );
  });

  it('follows AggregateError members six levels deep and no further', () => {
    const nest = (levels: number) => {
      let e: unknown = Object.assign(new Error('inner'), { code: 'ECONNREFUSED' });
      for (let i = 0; i < levels; i++) e = new AggregateError([e], 'fetch failed');
      return e;
    };
    expect(classifyThrown(nest(6), 'h', 0).message).toMatch(/refused/);
    expect(classifyThrown(nest(7), 'h', 0).message).toBe(
      'Network error talking to h: unknown error',
    );
  });

  it('ignores a proxy host that is not a string', () => {
    const e = classifyThrown(
      Object.assign(new Error('x', { cause: undiciFailure('ECONNREFUSED') }), { proxyHost: 5 }),
      'h',
      0,
    );
    expect(e.message).toBe(
      'Network error: h refused the connection (nothing is listening there, or a firewall said no). [ECONNREFUSED]',
    );
  });

  it('names the proxy when the computer cannot reach it at all', () => {
    const e = classifyThrown(
      Object.assign(new Error('x', { cause: undiciFailure('EHOSTUNREACH') }), { proxyHost: 'p:1' }),
      'h',
      0,
    );
    expect(e.message).toMatch(/^Network error: no route to the proxy p:1/);
  });

  it('scrubs a key that shows up in the host too', () => {
    const key = 'abcdefghijklmnopqrstuvwx';
    for (const thrown of [undiciFailure('ENOTFOUND'), new Error('odd')]) {
      const e = classifyThrown(thrown, `${key}.example`, 0, key);
      expect(e.message).not.toContain(key.slice(0, 8));
    }
  });

  it('reads only whole Retry-After seconds, and a Bearer token after any spaces', () => {
    expect(parseRetryAfter('5s', 0)).toBeNull();
    expect(parseRetryAfter('x5', 0)).toBeNull();
    expect(scrubSecrets('Bearer   abcdefgh')).toBe('Bearer …');
  });
});
