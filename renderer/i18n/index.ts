/**
 * i18next set up once with both languages bundled (the strings are a few KB; loading them
 * lazily would only add a flash of the wrong language). The language follows the user's
 * setting, and 'system' follows the OS locale main reports in AppState.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguagePref } from '../../shared/model';
import { en } from './en';
import { zhCN } from './zh-CN';
import { resolveUiLanguage, type UiLanguage } from './language';

export type { UiLanguage };

/** The app's single i18next instance (also what `useTranslation` sees). */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

/** Switches the UI (and <html lang>) to the language the settings ask for; no-op when unchanged. */
export function applyLanguage(pref: LanguagePref, systemLocale: string): UiLanguage {
  const lang = resolveUiLanguage(pref, systemLocale);
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  return lang;
}
