/**
 * Tray tooltip and menu text in every shipped language. It lives in shared/ (not main/) so the
 * renderer can reuse the state words and error phrases and the two never drift apart.
 */
import type { ErrorKind, Level } from '../model';
import { translator } from './format';
import type { Lang } from './language';

const en = {
  noAccounts: 'Creditray — no accounts yet',
  accountLine: '{{label}}: {{balance}} — {{state}}',
  withDetail: '{{line}} · {{detail}}',
  noBalance: 'no balance yet',
  staleBecause: 'stale: {{why}}',
  stale: 'stale',
  daysLeft: '{{days}} left at this rate',
  refresh: 'Refresh now',
  open: 'Open Creditray',
  diagnose: 'Why am I getting 402?',
  topUp: 'Top up {{label}}…',
  quit: 'Quit Creditray',
  'level.healthy': 'OK',
  'level.low': 'low',
  'level.critical': 'critical',
  'level.depleted': 'out of credit',
  'level.unavailable': 'unavailable',
  'level.error': 'error',
  'level.stale': 'stale',
  'error.auth': 'key rejected',
  'error.insufficient-balance': 'insufficient balance',
  'error.rate-limit': 'rate limited',
  'error.server': 'server error',
  'error.request': 'request refused',
  'error.bad-response': 'unexpected response',
  'error.network': 'network unreachable',
  'error.timeout': 'timed out',
  'error.keychain': 'key unreadable in keychain',
  'error.config': 'account settings invalid',
  withStatus: '{{what}} ({{status}})',
} as const;

export type TrayMessageKey = keyof typeof en;

const zhCN: Record<TrayMessageKey, string> = {
  noAccounts: 'Creditray — 尚未添加账户',
  accountLine: '{{label}}：{{balance}} — {{state}}',
  withDetail: '{{line}} · {{detail}}',
  noBalance: '暂无余额',
  staleBecause: '数据过期：{{why}}',
  stale: '数据过期',
  daysLeft: '按当前速度约 {{days}}后用完',
  refresh: '立即刷新',
  open: '打开 Creditray',
  diagnose: '为什么会出现 402？',
  topUp: '为 {{label}} 充值…',
  quit: '退出 Creditray',
  'level.healthy': '正常',
  'level.low': '余额偏低',
  'level.critical': '余额告急',
  'level.depleted': '余额耗尽',
  'level.unavailable': '不可用',
  'level.error': '出错',
  'level.stale': '数据过期',
  'error.auth': '密钥被拒绝',
  'error.insufficient-balance': '余额不足',
  'error.rate-limit': '请求过于频繁',
  'error.server': '服务器错误',
  'error.request': '请求被拒绝',
  'error.bad-response': '响应异常',
  'error.network': '网络不可达',
  'error.timeout': '请求超时',
  'error.keychain': '无法从钥匙串读取密钥',
  'error.config': '账户设置无效',
  withStatus: '{{what}} ({{status}})',
};

/** The tray namespace, i18next-style (`{{name}}` placeholders), English and Simplified Chinese. */
export const trayMessages = { en, 'zh-CN': zhCN } as const satisfies Record<
  Lang,
  Record<TrayMessageKey, string>
>;

/** One tray string in `lang`, placeholders filled. */
export const trayText = translator<TrayMessageKey>(trayMessages);

/** The word for a level ("low", "余额偏低"), shared by tooltip, menu and anyone else. */
export function levelWord(lang: Lang, level: Level): string {
  return trayText(lang, `level.${level}`);
}

/** A failure in a few words, with the HTTP status when there was one ("key rejected (401)"). */
export function errorWords(lang: Lang, kind: ErrorKind, status: number | null): string {
  const what = trayText(lang, `error.${kind}`);
  if (status === null) return what;
  return trayText(lang, 'withStatus', { what, status });
}
