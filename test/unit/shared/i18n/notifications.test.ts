import { describe, expect, it } from 'vitest';
import {
  formatNotificationAmount,
  notificationsMessages,
  notificationText,
} from '../../../../shared/i18n/notifications';
import { NOTIFY_KINDS } from '../../../../shared/model';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('notification messages', () => {
  it('has the same keys and placeholders in English and Chinese', () => {
    const en = notificationsMessages.en;
    const zh = notificationsMessages['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(placeholders(zh[key])).toEqual(placeholders(en[key]));
  });

  it('renders every kind with no placeholder left', () => {
    const vars = {
      label: 'Main',
      balance: '¥1.00',
      threshold: '¥5.00',
      provider: 'DeepSeek',
      keyMask: 'sk-…1234',
      days: '2.5 days',
      rate: '¥3.00',
      spent: '¥6.00',
      usual: '¥1.00',
      ratio: '6',
    };
    for (const lang of ['en', 'zh-CN'] as const)
      for (const kind of NOTIFY_KINDS) {
        const { title, body } = notificationText(lang, kind, vars);
        expect(title + body).not.toContain('{{');
        expect(title).toContain('Main');
      }
  });

  it('formats amounts exactly per language and survives odd currency codes', () => {
    expect(formatNotificationAmount('1234.5', 'CNY', 'en')).toContain('1,234.50');
    expect(formatNotificationAmount('0.1', 'USD', 'zh-CN')).toContain('0.10');
    expect(formatNotificationAmount('3', 'credits', 'en')).toBe('3.00 credits') // same fallback as every other amount (shared/money formatMoney);
    expect(formatNotificationAmount(null, null, 'zh-CN')).toBe('未知');
  });
});
