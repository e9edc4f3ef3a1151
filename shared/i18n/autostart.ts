/**
 * Words for "launch at login" failures on Linux (the XDG autostart entry), which the settings
 * screen may show when the switch cannot take effect.
 */
import { translator } from './format';
import type { Lang } from './language';

const en = {
  writeFailed: 'Creditray could not turn on launch at login: writing {{path}} failed ({{reason}}).',
  removeFailed:
    'Creditray could not turn off launch at login: removing {{path}} failed ({{reason}}).',
} as const;

export type AutostartMessageKey = keyof typeof en;

const zhCN: Record<AutostartMessageKey, string> = {
  writeFailed: 'Creditray 无法开启“登录时启动”：写入 {{path}} 失败（{{reason}}）。',
  removeFailed: 'Creditray 无法关闭“登录时启动”：删除 {{path}} 失败（{{reason}}）。',
};

/** The autostart namespace, i18next-style (`{{name}}` placeholders), English and Simplified Chinese. */
export const autostartMessages = { en, 'zh-CN': zhCN } as const satisfies Record<
  Lang,
  Record<AutostartMessageKey, string>
>;

/** One autostart string in `lang`, placeholders filled. */
export const autostartText = translator<AutostartMessageKey>(autostartMessages);
