/**
 * Which currency codes Creditray accepts from a server or a file. The code is shown on
 * screen, written to the history log and exported to spreadsheets, so it is validated where
 * it enters: three uppercase letters (the ISO 4217 shape; `Intl` formats any well-formed
 * one), or one of a few known non-ISO units that relays use. Anything else (blank, a
 * formula such as `=HYPERLINK(…)`, prose, lowercase junk) is refused, never stored.
 */
import { err, ok, type Result } from './result';

/** Non-ISO units seen on OpenAI-compatible relays (stablecoins); shown as "12.50 USDT". */
export const NON_ISO_UNITS: readonly string[] = ['USDT', 'USDC'];

const ISO_SHAPE = /^[A-Z]{3}$/;

/** True when `code` is acceptable as stored (already trimmed and uppercased). */
export function isCurrencyCode(code: string): boolean {
  return ISO_SHAPE.test(code) || NON_ISO_UNITS.includes(code);
}

/**
 * Normalises a code from outside (trims, uppercases) and checks it; the error is a short
 * English phrase for a message ("is blank", "… is not a currency code").
 */
export function checkCurrencyCode(raw: string): Result<string, string> {
  const code = raw.trim().toUpperCase();
  if (code === '') return err('is blank');
  if (!isCurrencyCode(code)) {
    return err(
      `${JSON.stringify(raw.slice(0, 24))} is not a currency code (expected 3 letters like CNY, or ${NON_ISO_UNITS.join('/')})`,
    );
  }
  return ok(code);
}
