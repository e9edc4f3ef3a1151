/**
 * Native notification text (built in main, outside React), in English and Simplified Chinese.
 * Every message names the account (users with several keys asked "which one?") and the balance.
 */
import type { NotifyKind } from '../model';
import { formatMoney, parseAmount } from '../money';
import { interpolate } from './format';
import type { Lang } from './language';

export const notificationsMessages = {
  en: {
    'low.title': 'Low balance: {{label}}',
    'low.body': '{{label}} has {{balance}} left, below your alert level of {{threshold}}.',
    'critical.title': 'Balance critical: {{label}}',
    'critical.body':
      '{{label}} has only {{balance}} left, below your critical level of {{threshold}}. Top up soon so API calls keep working.',
    'depleted.title': 'Balance used up: {{label}}',
    'depleted.body':
      '{{label}} has {{balance}} left. {{provider}} API calls will fail until you top up.',
    'unavailable.title': 'API calls blocked: {{label}}',
    'unavailable.body':
      '{{provider}} says {{label}} cannot pay for API calls right now (balance {{balance}}). Check the account on the platform.',
    'auth.title': 'API key rejected: {{label}}',
    'auth.body':
      '{{provider}} refused the key {{keyMask}} for {{label}}. Check or create a key, then replace it in Creditray.',
    'recovered.title': 'Back to normal: {{label}}',
    'recovered.body': '{{label}} is working again. Balance: {{balance}}.',
    'runs-out.title': 'Runs out in {{days}}: {{label}}',
    'runs-out.body':
      'At its current rate of {{rate}} a day, {{label}} ({{balance}} left) runs out in about {{days}}. Top up in time.',
    'spike.title': 'Spending spike: {{label}}',
    'spike.body':
      '{{label}} spent {{spent}} in the last hour, {{ratio}}× its usual {{usual}} an hour. A runaway loop or a leaked key? Check the usage page.',
    'spike-new.body':
      '{{label}} spent {{spent}} in the last hour; it usually spends nothing. A runaway loop or a leaked key? Check the usage page.',
    days: '{{n}} days',
    day: '1 day',
    underADay: 'less than a day',
    unknownBalance: 'unknown',
  },
  'zh-CN': {
    'low.title': '余额偏低：{{label}}',
    'low.body': '{{label}} 剩余 {{balance}}，已低于提醒线 {{threshold}}。',
    'critical.title': '余额告急：{{label}}',
    'critical.body':
      '{{label}} 仅剩 {{balance}}，已低于告急线 {{threshold}}，请尽快充值，以免 API 调用中断。',
    'depleted.title': '余额已用完：{{label}}',
    'depleted.body': '{{label}} 余额为 {{balance}}，充值之前 {{provider}} API 调用将会失败。',
    'unavailable.title': 'API 调用受阻：{{label}}',
    'unavailable.body':
      '{{provider}} 表示 {{label}} 目前无法支付 API 调用（余额 {{balance}}）。请到平台查看账户状态。',
    'auth.title': 'API 密钥被拒绝：{{label}}',
    'auth.body':
      '{{provider}} 拒绝了 {{label}} 的密钥 {{keyMask}}。请检查或新建密钥，然后在 Creditray 中替换。',
    'recovered.title': '已恢复正常：{{label}}',
    'recovered.body': '{{label}} 已恢复正常，当前余额 {{balance}}。',
    'runs-out.title': '预计 {{days}}内用完：{{label}}',
    'runs-out.body':
      '按目前每天 {{rate}} 的消费速度，{{label}}（剩余 {{balance}}）约 {{days}}后用完，请及时充值。',
    'spike.title': '消费激增：{{label}}',
    'spike.body':
      '{{label}} 最近一小时消费 {{spent}}，是平时每小时 {{usual}} 的 {{ratio}} 倍。可能是代码陷入失控循环或密钥已泄露，请查看用量明细。',
    'spike-new.body':
      '{{label}} 最近一小时消费 {{spent}}，而平时几乎不消费。可能是代码陷入失控循环或密钥已泄露，请查看用量明细。',
    days: '{{n}} 天',
    day: '1 天',
    underADay: '不到 1 天',
    unknownBalance: '未知',
  },
} as const;

/** Locale for number formatting per UI language. */
const LOCALES: Record<Lang, string> = { en: 'en-US', 'zh-CN': 'zh-CN' };

/** An amount for a notification: locale currency format, or "12.30 XYZ" for codes Intl rejects. */
export function formatNotificationAmount(
  amount: string | null,
  currency: string | null,
  lang: Lang,
): string {
  if (amount === null || currency === null) return notificationsMessages[lang].unknownBalance;
  const m = parseAmount(amount);
  if (!m.ok) return notificationsMessages[lang].unknownBalance;
  try {
    return formatMoney(m.value, currency, LOCALES[lang]);
  } catch {
    return `${amount} ${currency}`;
  }
}

export interface NotificationVars {
  label: string;
  balance: string;
  threshold: string;
  provider: string;
  keyMask: string;
  /** Foresight only: days left ("2.5 days"), rate per day, last hour's spend, usual hourly rate, multiple. */
  days?: string;
  rate?: string;
  spent?: string;
  usual?: string;
  ratio?: string;
}

/** "2.5 days", "1 day", "less than a day": one decimal, so 2.96 days is not shown as "3 days". */
export function formatDays(days: number, lang: Lang): string {
  const table = notificationsMessages[lang];
  if (days < 1) return table.underADay;
  const n = Math.floor(days * 10) / 10;
  if (n === 1) return table.day;
  return interpolate(table.days, { n: new Intl.NumberFormat(LOCALES[lang]).format(n) });
}

/** Title and body for one notification kind in one language. */
export function notificationText(
  lang: Lang,
  kind: NotifyKind,
  vars: NotificationVars,
): { title: string; body: string } {
  const table = notificationsMessages[lang];
  const v: Record<string, string> = { ...vars };
  // A spike on an account that usually spends nothing has no multiple to quote.
  const body = kind === 'spike' && vars.ratio === undefined ? 'spike-new' : kind;
  return {
    title: interpolate(table[`${kind}.title`], v),
    body: interpolate(table[`${body}.body`], v),
  };
}
