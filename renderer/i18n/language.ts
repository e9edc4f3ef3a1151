/**
 * Which of our two languages to show: the shared rule, so tray, notifications and window
 * always agree on what 'system' means.
 */
import { resolveLanguage, type Lang } from '../../shared/i18n/language';

export type UiLanguage = Lang;

/** 'system' follows the OS locale: any Chinese locale gets Simplified Chinese, everything else English. */
export const resolveUiLanguage = resolveLanguage;
