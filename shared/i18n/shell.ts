/**
 * Words the Electron shell sends to the renderer or the user itself (refused IPC calls,
 * refused links). Everything else the user reads comes from the core's own namespaces.
 */
import { translator } from './format';
import type { Lang } from './language';

const en = {
  forbiddenSender: 'This request did not come from the Creditray window.',
  internal: 'Something went wrong in Creditray: {{error}}',
  linkNotUrl: 'That is not a link Creditray can open.',
  linkNotHttps: 'Creditray only opens https links (refused {{target}}).',
  linkHost: 'Creditray does not open links to {{host}}.',
  linkNone: 'Creditray knows no such page for this provider.',
} as const;

export type ShellMessageKey = keyof typeof en;

const zhCN: Record<ShellMessageKey, string> = {
  forbiddenSender: '此请求并非来自 Creditray 窗口。',
  internal: 'Creditray 内部出错：{{error}}',
  linkNotUrl: '这不是 Creditray 可以打开的链接。',
  linkNotHttps: 'Creditray 只打开 https 链接（已拒绝 {{target}}）。',
  linkHost: 'Creditray 不会打开指向 {{host}} 的链接。',
  linkNone: 'Creditray 没有这个服务商的此类页面。',
};

/** The shell namespace, i18next-style (`{{name}}` placeholders), English and Simplified Chinese. */
export const shellMessages = { en, 'zh-CN': zhCN } as const satisfies Record<
  Lang,
  Record<ShellMessageKey, string>
>;

/** One shell string in `lang`, placeholders filled. */
export const shellText = translator<ShellMessageKey>(shellMessages);
