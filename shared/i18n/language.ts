/**
 * Which language the app speaks. The setting may say `system`; main (tray, notifications)
 * and the renderer must resolve it the same way, so the rule lives here once.
 */
import type { LanguagePref } from '../model';

/** Languages we ship translations for. */
export type Lang = 'en' | 'zh-CN';

/** `zh`, `zh-CN`, `zh_TW.UTF-8`, `zh-Hans-SG`... but not a longer code that merely starts with "zh". */
const CHINESE_LOCALE = /^zh(?:[-_.@]|$)/i;

/**
 * 'system' follows the OS locale: any zh* -> 'zh-CN' (zh-TW/zh-HK too, until we ship
 * Traditional), else 'en'. POSIX forms such as `zh_CN.UTF-8` count as Chinese.
 */
export function resolveLanguage(pref: LanguagePref, systemLocale: string): Lang {
  if (pref === 'en' || pref === 'zh-CN') return pref;
  return CHINESE_LOCALE.test(systemLocale.trim()) ? 'zh-CN' : 'en';
}
