import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, type ErrorKind } from '../../../../shared/model';
import { describeError, errorsMessages } from '../../../../shared/i18n/errors';

const e = (kind: ErrorKind, status: number | null = null, message = 'raw detail', code?: string) => ({ kind, status, message, code });

describe('describeError', () => {
  it('has the same message keys in English and Simplified Chinese, none empty', () => {
    expect(Object.keys(errorsMessages['zh-CN']).sort()).toEqual(Object.keys(errorsMessages.en).sort());
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const v of Object.values(errorsMessages[lang])) expect(v.trim()).not.toBe('');
    }
  });

  it('gives every error kind its own title and a hint in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const titles = ERROR_KINDS.map((k) => describeError(e(k), lang).title);
      expect(new Set(titles).size).toBe(ERROR_KINDS.length);
      for (const k of ERROR_KINDS) expect(describeError(e(k), lang).hint.length).toBeGreaterThan(10);
    }
  });

  it('tells the user a refused key is wrong or deleted and where to create one', () => {
    const d = describeError(e('auth', 401, 'Authentication Fails'), 'en');
    expect(d.title).toBe('The API key was refused');
    expect(d.hint).toMatch(/wrong, was deleted/);
    expect(d.hint).toContain('platform.deepseek.com/api_keys');
    expect(describeError(e('auth', 401), 'zh-CN').title).toBe('API 密钥被拒绝');
  });

  it('names an overloaded server apart from other server failures, with the status when known', () => {
    expect(describeError(e('server', 503), 'en').title).toBe('The provider is overloaded (503)');
    expect(describeError(e('server', 500), 'en').title).toBe("The provider's server had a problem (500)");
    expect(describeError(e('server', null), 'zh-CN').title).toBe('服务商的服务器出错');
    expect(describeError(e('request', 422), 'zh-CN').title).toBe('服务商拒绝了请求（422）');
  });

  it('blames a proxy or gateway, not the provider, for an HTML answer', () => {
    expect(describeError(e('bad-response', 200, 'got HTML'), 'en').title).toMatch(/proxy or gateway/);
  });

  it('distinguishes a locked, denied or missing keychain by code, else by message', () => {
    expect(describeError(e('keychain', null, 'x', 'keychain-locked'), 'en').title).toBe('The system keychain is locked');
    expect(describeError(e('keychain', null, 'Access to the system keychain was denied'), 'en').title).toBe('Access to the keychain was denied');
    expect(describeError(e('keychain', null, 'The system keychain is not available'), 'zh-CN').title).toBe('系统钥匙串不可用');
    expect(describeError(e('keychain', null, 'no key stored'), 'en').title).toBe('The API key could not be read from the keychain');
  });
});
