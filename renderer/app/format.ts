/**
 * Every number, amount and date on screen goes through Intl in the UI language, and every
 * amount through shared/money (exact micro-units), never through float arithmetic.
 */
import { formatMoney, toMicros } from '../../shared/money';
import type { BalanceRow } from '../../shared/model';

/** A provider amount string as money in the UI language; the raw string if it is not a number. */
export function money(amount: string, currency: string, lang: string): string {
  try {
    return formatMoney(toMicros(amount), currency, lang);
  } catch {
    return `${amount} ${currency}`;
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
  const fmt = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
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
