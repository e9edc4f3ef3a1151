import { describe, expect, it } from 'vitest';
import { interpolate } from '../../../../shared/i18n/format';
import { resolveLanguage } from '../../../../shared/i18n/language';

describe('resolveLanguage', () => {
  it('uses an explicit choice whatever the OS says', () => {
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('follows a Chinese OS locale to Simplified Chinese, Traditional regions included for now', () => {
    for (const locale of [
      'zh',
      'zh-CN',
      'zh-Hans',
      'zh-Hans-SG',
      'zh-TW',
      'zh-HK',
      'ZH-cn',
      'zh_CN.UTF-8',
      'zh_TW',
    ]) {
      expect(resolveLanguage('system', locale), locale).toBe('zh-CN');
    }
  });

  it('falls back to English for every other or unknown locale', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'ja-JP', 'fr', 'C', '', 'zha', 'und']) {
      expect(resolveLanguage('system', locale), locale).toBe('en');
    }
  });
});

describe('interpolate', () => {
  it('fills every {{name}} placeholder, numbers included', () => {
    expect(interpolate('Top up {{label}} ({{n}})… {{label}}', { label: 'Work', n: 2 })).toBe(
      'Top up Work (2)… Work',
    );
    expect(interpolate('{{ spaced }}', { spaced: 'ok' })).toBe('ok');
  });

  it('throws on a missing value instead of showing a raw placeholder to a user', () => {
    expect(() => interpolate('Hi {{name}}', {})).toThrow(/name/);
  });

  it('does not treat inherited object keys as values', () => {
    expect(() => interpolate('{{toString}}', {})).toThrow(/toString/);
  });
});
