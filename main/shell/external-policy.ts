/**
 * Which links may leave the app for the user's browser. Kept free of 'electron' so the IPC
 * handlers (and the UI harness that runs them in plain Node) share the exact same rule.
 */
import { EXTERNAL_ORIGINS } from '../../shared/providers';
import { err, ok, type AppError, type Result } from '../../shared/result';

/** https only, no credentials in the URL, and an origin from the provider link allowlist. */
export function checkExternalUrl(url: string): Result<string, AppError> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err({ code: 'forbidden', message: 'That is not a link Creditray can open.' });
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) {
    return err({
      code: 'forbidden',
      message: `Creditray only opens https links (refused ${parsed.protocol}//${parsed.host}).`,
    });
  }
  if (!EXTERNAL_ORIGINS.has(parsed.origin)) {
    return err({ code: 'forbidden', message: `Creditray does not open links to ${parsed.host}.` });
  }
  return ok(parsed.href);
}
