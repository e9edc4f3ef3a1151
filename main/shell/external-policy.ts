/**
 * Which links may leave the app for the user's browser. Kept free of 'electron' so the IPC
 * handlers (and the UI harness that runs them in plain Node) share the exact same rule.
 */
import { shellText } from '../../shared/i18n/shell';
import type { Lang } from '../../shared/i18n/language';
import { LINK_ORIGINS } from '../../shared/external-links';
import { err, ok, type AppError, type Result } from '../../shared/result';

/**
 * https only, no credentials in the URL, and an origin from the provider link allowlist: the
 * balance providers' pages and those of the error-only providers the diagnosis points at.
 */
export function checkExternalUrl(url: string, lang: Lang = 'en'): Result<string, AppError> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err({ code: 'forbidden', message: shellText(lang, 'linkNotUrl') });
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) {
    const target = `${parsed.protocol}//${parsed.host}`;
    return err({ code: 'forbidden', message: shellText(lang, 'linkNotHttps', { target }) });
  }
  if (!LINK_ORIGINS.has(parsed.origin)) {
    return err({ code: 'forbidden', message: shellText(lang, 'linkHost', { host: parsed.host }) });
  }
  return ok(parsed.href);
}
