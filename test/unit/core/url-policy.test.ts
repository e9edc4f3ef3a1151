import { describe, expect, it } from 'vitest';
import { endpoint, isLoopbackHost, normalizeBaseUrl } from '../../../main/core/url-policy';

const norm = (s: string) => {
  const r = normalizeBaseUrl(s);
  return r.ok ? r.value : `ERR ${r.error.code}`;
};

describe('normalizeBaseUrl', () => {
  it('accepts https and keeps the origin', () => {
    expect(norm('https://api.deepseek.com')).toBe('https://api.deepseek.com');
    expect(norm('  https://api.deepseek.com  ')).toBe('https://api.deepseek.com');
  });

  it('strips a trailing slash and a trailing /v1 (the balance endpoint is not under /v1)', () => {
    expect(norm('https://api.deepseek.com/')).toBe('https://api.deepseek.com');
    expect(norm('https://api.deepseek.com/v1')).toBe('https://api.deepseek.com');
    expect(norm('https://api.deepseek.com/v1/')).toBe('https://api.deepseek.com');
    expect(norm('https://api.deepseek.com/V1')).toBe('https://api.deepseek.com');
  });

  it('keeps a relay path prefix', () => {
    expect(norm('https://relay.example.com/deepseek/v1')).toBe('https://relay.example.com/deepseek');
  });

  it('allows plain http only for loopback', () => {
    expect(norm('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(norm('http://localhost:3000/v1')).toBe('http://localhost:3000');
    expect(norm('http://[::1]:9000')).toBe('http://[::1]:9000');
    expect(norm('http://api.deepseek.com')).toBe('ERR insecure-base-url');
    expect(norm('http://192.168.1.10:8080')).toBe('ERR insecure-base-url');
    expect(norm('ftp://api.deepseek.com')).toBe('ERR insecure-base-url');
  });

  it('refuses credentials, queries, fragments and non-URLs', () => {
    expect(norm('https://user:pass@api.deepseek.com')).toBe('ERR bad-base-url');
    expect(norm('https://api.deepseek.com/?key=x')).toBe('ERR bad-base-url');
    expect(norm('https://api.deepseek.com/#x')).toBe('ERR bad-base-url');
    expect(norm('api.deepseek.com')).toBe('ERR bad-base-url');
  });

  it('names the host in the insecure message so the user knows what was refused', () => {
    const r = normalizeBaseUrl('http://evil.example.com');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('evil.example.com');
  });
});

describe('endpoint and isLoopbackHost', () => {
  it('builds endpoint URLs under the normalised base', () => {
    expect(endpoint('https://api.deepseek.com/v1/', '/user/balance')).toEqual({ ok: true, value: 'https://api.deepseek.com/user/balance' });
    expect(endpoint('https://api.deepseek.com', 'models')).toEqual({ ok: true, value: 'https://api.deepseek.com/models' });
    expect(endpoint('http://example.com', '/user/balance').ok).toBe(false);
  });

  it('recognises loopback hosts only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.evil.com')).toBe(false);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });
});
