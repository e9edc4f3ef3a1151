/**
 * Every number, amount and date on screen goes through Intl in the UI language, and every
 * amount through shared/money (exact micro-units), never through float arithmetic.
 */
import { microsToDecimal, toMicros } from '../../shared/money';
import type { BalanceRow } from '../../shared/model';

// Building an Intl formatter costs far more than using one; a dashboard formats dozens of amounts.
const cache = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/**
 * A provider amount string as money in the UI language (same rules as shared/money's
 * formatMoney, with the formatter cached); the raw string if it is not a number.
 */
export function money(amount: string, currency: string, lang: string): string {
  try {
    const fmt = cached(
      `money|${lang}|${currency}`,
      () =>
        new Intl.NumberFormat(lang, {
          style: 'currency',
          currency,
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }),
    );
    // Intl formats a decimal string exactly (no float round trip).
    return fmt.format(microsToDecimal(toMicros(amount), 2) as unknown as number);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * An amount without its currency sign, for places where the unit is already said once
 * (a table row headed "CNY"): a card repeating "CN¥" a dozen times reads as noise.
 */
export function amount(value: string, lang: string): string {
  try {
    const fmt = cached(
      `amount|${lang}`,
      () => new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
    return fmt.format(microsToDecimal(toMicros(value), 2) as unknown as number);
  } catch {
    return value;
  }
}

/** The currency's sign in the UI language ("CN¥", "¥", "$"), or the code when Intl has none (USDT). */
export function currencySign(currency: string, lang: string): string {
  try {
    const parts = new Intl.NumberFormat(lang, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** True when a row carries no money at all (DeepSeek often sends an all-zero second currency). */
export function isZeroRow(row: BalanceRow): boolean {
  try {
    return toMicros(row.total) === 0 && toMicros(row.granted) === 0 && toMicros(row.toppedUp) === 0;
  } catch {
    return false;
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 minutes ago" / "3分钟前"; anything under a minute reads as "just now". */
export function relativeTime(at: number, now: number, lang: string, justNow: string): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < 60_000) return justNow;
  const fmt = cached(`rel|${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) return fmt.format(Math.round(diff / ms), unit);
  }
  return justNow;
}

/** Full date and time for tooltips and titles. */
export function dateTime(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A share 0..1 as a percentage in the UI language. */
export function percent(share: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
