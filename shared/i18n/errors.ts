/**
 * Plain-words titles and "what to do" hints for every kind of failure, in English and
 * Simplified Chinese. The raw message (which may quote a proxy's HTML or a server's words)
 * stays a detail; users act on the title and hint, so those never depend on provider text.
 */
import type { ErrorKind } from '../model';
import { interpolate } from './format';
import type { Lang } from './language';

export const errorsMessages = {
  en: {
    'auth.title': 'The API key was refused',
    'auth.hint':
      'The key is wrong, was deleted, or was pasted incompletely. Check it, or create a new key at platform.deepseek.com/api_keys and replace it.',
    'insufficient-balance.title': 'The account has run out of balance',
    'insufficient-balance.hint':
      'Top up at platform.deepseek.com/top_up. If you just topped up, check it was the same account; gift credit may also have expired.',
    'rate-limit.title': 'Too many requests right now',
    'rate-limit.hint':
      'The provider is limiting requests for this account. Creditray will try again later; nothing to do unless it lasts.',
    'server.title': "The provider's server had a problem",
    'server.titleStatus': "The provider's server had a problem ({{status}})",
    'server.titleOverloaded': 'The provider is overloaded (503)',
    'server.hint':
      "This is on the provider's side. Wait a few minutes; if it lasts, look at status.deepseek.com.",
    'request.title': 'The provider rejected the request',
    'request.titleStatus': 'The provider rejected the request ({{status}})',
    'request.hint':
      'The base URL probably points at the wrong service or path. Check it, or clear it to use the default.',
    'bad-response.title':
      "The answer was not the provider's (a proxy or gateway may be in the way)",
    'bad-response.hint':
      'Something answered with a web page or another format, often a company proxy, a Wi-Fi login page or a relay. Check the base URL and your proxy settings.',
    'network.title': 'No connection to the provider',
    'network.hint':
      'Check your internet connection, VPN or proxy (HTTPS_PROXY). Creditray keeps the last balance and retries by itself.',
    'timeout.title': 'The provider did not answer in time',
    'timeout.hint':
      'The network or the provider is slow. Creditray retries by itself; check your connection or proxy if it keeps happening.',
    'keychain.title': 'The API key could not be read from the keychain',
    'keychain.hint':
      'Unlock your system keychain and try again, or enter the key again with "Replace key".',
    'keychain-unavailable.title': 'The system keychain is not available',
    'keychain-unavailable.hint':
      'Creditray stores keys only in the system keychain. On Linux, install and start gnome-keyring or KWallet, then log in again.',
    'keychain-locked.title': 'The system keychain is locked',
    'keychain-locked.hint': 'Unlock it (or answer its prompt) and try again.',
    'keychain-denied.title': 'Access to the keychain was denied',
    'keychain-denied.hint': 'Allow Creditray to use its keychain entry when asked, then try again.',
    'config.title': "This account's settings cannot be used",
    'config.hint':
      'Open the account settings and check the base URL (only https, or http for localhost).',
  },
  'zh-CN': {
    'auth.title': 'API 密钥被拒绝',
    'auth.hint':
      '密钥有误、已被删除或粘贴不完整。请检查，或在 platform.deepseek.com/api_keys 新建密钥后替换。',
    'insufficient-balance.title': '账户余额已用完',
    'insufficient-balance.hint':
      '请到 platform.deepseek.com/top_up 充值。如果刚充值，请确认充的是同一个账户；赠送余额也可能已过期。',
    'rate-limit.title': '当前请求过于频繁',
    'rate-limit.hint': '服务商正在限制该账户的请求。Creditray 会稍后重试；若持续出现再处理。',
    'server.title': '服务商的服务器出错',
    'server.titleStatus': '服务商的服务器出错（{{status}}）',
    'server.titleOverloaded': '服务商负载过高（503）',
    'server.hint': '问题在服务商一侧。请稍等几分钟；若持续出现，请查看 status.deepseek.com。',
    'request.title': '服务商拒绝了请求',
    'request.titleStatus': '服务商拒绝了请求（{{status}}）',
    'request.hint': 'Base URL 可能指向了错误的服务或路径。请检查，或清空以使用默认地址。',
    'bad-response.title': '收到的不是服务商的应答（中间可能有代理或网关）',
    'bad-response.hint':
      '返回的是网页或其他格式，常见于公司代理、Wi-Fi 登录页或中转服务。请检查 Base URL 和代理设置。',
    'network.title': '无法连接到服务商',
    'network.hint':
      '请检查网络连接、VPN 或代理（HTTPS_PROXY）。Creditray 会保留上次的余额并自动重试。',
    'timeout.title': '服务商响应超时',
    'timeout.hint': '网络或服务商响应较慢。Creditray 会自动重试；若一直超时，请检查网络或代理。',
    'keychain.title': '无法从钥匙串读取 API 密钥',
    'keychain.hint': '请解锁系统钥匙串后重试，或通过“替换密钥”重新输入。',
    'keychain-unavailable.title': '系统钥匙串不可用',
    'keychain-unavailable.hint':
      'Creditray 只把密钥保存在系统钥匙串中。Linux 上请安装并启动 gnome-keyring 或 KWallet，然后重新登录。',
    'keychain-locked.title': '系统钥匙串已锁定',
    'keychain-locked.hint': '请解锁钥匙串（或回应其弹窗）后重试。',
    'keychain-denied.title': '访问钥匙串被拒绝',
    'keychain-denied.hint': '在系统询问时允许 Creditray 使用其钥匙串条目，然后重试。',
    'config.title': '该账户的设置无法使用',
    'config.hint': '请打开账户设置检查 Base URL（只允许 https，localhost 可用 http）。',
  },
} as const;

export type ErrorMessageKey = keyof (typeof errorsMessages)['en'];

export interface DescribableError {
  kind: ErrorKind;
  status: number | null;
  message: string;
  /** A finer code when there is one (e.g. a SecretError's `keychain-locked`). */
  code?: string;
}

const KEYCHAIN_CODES = ['keychain-unavailable', 'keychain-locked', 'keychain-denied'] as const;

/** Picks the keychain variant from the code, else from the words of the message. */
function keychainVariant(e: DescribableError): (typeof KEYCHAIN_CODES)[number] | 'keychain' {
  const byCode = KEYCHAIN_CODES.find((c) => c === e.code);
  if (byCode) return byCode;
  if (/locked/i.test(e.message)) return 'keychain-locked';
  if (/denied/i.test(e.message)) return 'keychain-denied';
  if (/not available|unavailable|timed out/i.test(e.message)) return 'keychain-unavailable';
  return 'keychain';
}

/** A title saying what went wrong and a hint saying what to do, in the user's language. */
export function describeError(e: DescribableError, lang: Lang): { title: string; hint: string } {
  const t = errorsMessages[lang];
  const status = e.status ?? 0;
  switch (e.kind) {
    case 'server': {
      const title =
        status === 503
          ? t['server.titleOverloaded']
          : status
            ? interpolate(t['server.titleStatus'], { status })
            : t['server.title'];
      return { title, hint: t['server.hint'] };
    }
    case 'request':
      return {
        title: status ? interpolate(t['request.titleStatus'], { status }) : t['request.title'],
        hint: t['request.hint'],
      };
    case 'keychain': {
      const v = keychainVariant(e);
      return { title: t[`${v}.title`], hint: t[`${v}.hint`] };
    }
    default:
      return { title: t[`${e.kind}.title`], hint: t[`${e.kind}.hint`] };
  }
}
