import { describe, expect, it } from 'vitest';
import { shellMessages, shellText } from '../../../shared/i18n/shell';

describe('shell messages', () => {
  it('has every English key in Simplified Chinese, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(shellMessages.en)) {
      const zh = shellMessages['zh-CN'][key as keyof typeof shellMessages.en];
      expect(zh, key).toBeTruthy();
      expect(placeholders(zh), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders', () => {
    expect(shellText('en', 'linkHost', { host: 'evil.example' })).toBe(
      'Creditray does not open links to evil.example.',
    );
  });
});
