import { describe, expect, it } from 'vitest';
import { classifyThrown, looksLikeHtml, parseRetryAfter, scrubSecrets } from '../../../../main/core/providers/http-errors';

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
    const agg = new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' })], 'all failed');
    expect(classifyThrown(new TypeError('fetch failed', { cause: agg }), 'h', 0).message).toMatch(/refused/);
  });

  it('recognises undici proxy tunnel failures', () => {
    const cause = Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), { code: 'UND_ERR_ABORTED' });
    expect(classifyThrown(new TypeError('fetch failed', { cause }), 'h', 0).message).toMatch(/proxy refused or broke/);
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
    const e = classifyThrown(new TypeError('fetch failed', { cause: new Error('weird thing with sk-abcdef0123456789') }), 'h', 0, 'sk-abcdef0123456789');
    expect(e.kind).toBe('network');
    expect(e.message).toContain('weird thing');
    expect(e.message).not.toContain('abcdef0123456789');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores nonsense', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).toBe(0);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});

describe('scrubSecrets and looksLikeHtml', () => {
  it('removes keys, bearer tokens and the exact key but keeps DeepSeek masks', () => {
    const out = scrubSecrets('key sk-0123456789abcdef0123456789abcdef; Bearer abc.def-ghi123; raw mysecretkey; ****18b', 'mysecretkey');
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
    const marked = Object.assign(new Error('fetch through proxy proxy.corp:8080 failed', { cause: undiciFailure('ECONNREFUSED') }), { proxyHost: 'proxy.corp:8080' });
    const e = classifyThrown(marked, 'api.deepseek.com', 0);
    expect(e.message).toMatch(/the proxy proxy\.corp:8080 refused the connection/);
    expect(e.message).toMatch(/went through the proxy proxy\.corp:8080/);
  });

  it('keeps naming the API host for certificate failures inside the tunnel', () => {
    const marked = Object.assign(new Error('fetch through proxy p:1 failed', { cause: undiciFailure('SELF_SIGNED_CERT_IN_CHAIN') }), { proxyHost: 'p:1' });
    expect(classifyThrown(marked, 'api.deepseek.com', 0).message).toMatch(/connection to api\.deepseek\.com failed/);
  });
});
