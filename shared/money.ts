/**
 * Exact money. Providers send decimal strings (sometimes numbers); binary floats would turn
 * "0.1" + "0.2" into 0.30000000000000004, so amounts are kept as integer micro-units
 * (1 unit = 0.000001 of the currency) for arithmetic and as the server's own decimal
 * string for display and export.
 */
import { err, ok, type Result } from './result';

export const MICROS_PER_UNIT = 1_000_000;
const SCALE_DIGITS = 6;
/** Above this a balance is not believable (and would approach float-exact integer limits). */
export const MAX_ABS_MICROS = 1e15;

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/**
 * Parses a provider amount (decimal string or JSON number) into micro-units.
 * Digits past the sixth decimal are truncated toward zero: no provider bills below that.
 */
export function parseAmount(input: unknown): Result<number, string> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return err(`not a finite number: ${String(input)}`);
    if (Math.abs(input) >= 1e10) return err(`amount out of range: ${String(input)}`);
    // String() keeps every digit JSON sent, so the 7th+ decimals are truncated like strings
    // (toFixed(6) would round 0.9999999 up to 1). Tiny values print as 1e-7: spell them out.
    const plain = String(input);
    text = /e/i.test(plain) ? input.toFixed(20) : plain;
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return err(
      `expected a decimal string or number, got ${input === null ? 'null' : typeof input}`,
    );
  }
  const m = DECIMAL.exec(text);
  if (!m) return err(`not a decimal amount: ${JSON.stringify(String(input).slice(0, 40))}`);
  const [, sign, intPart = '0', frac = ''] = m;
  const intDigits = intPart.replace(/^0+(?=\d)/, '');
  if (intDigits.length > 10) return err(`amount out of range: ${text.slice(0, 40)}`);
  const micros =
    Number(intDigits) * MICROS_PER_UNIT + Number((frac + '000000').slice(0, SCALE_DIGITS));
  if (micros > MAX_ABS_MICROS) return err(`amount out of range: ${text.slice(0, 40)}`);
  return ok(sign === '-' && micros !== 0 ? -micros : micros);
}

/** Like parseAmount for values already validated; throws on a bug. */
export function toMicros(input: string | number): number {
  const r = parseAmount(input);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Canonical decimal string for micro-units, trimmed to at least `minFraction` decimals. */
export function microsToDecimal(micros: number, minFraction = 2): string {
  if (!Number.isSafeInteger(micros)) throw new Error(`not integer micro-units: ${micros}`);
  const neg = micros < 0;
  const abs = Math.abs(micros);
  const int = Math.floor(abs / MICROS_PER_UNIT);
  let frac = String(abs % MICROS_PER_UNIT).padStart(SCALE_DIGITS, '0');
  while (frac.length > minFraction && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}

/**
 * Locale-aware display of micro-units. Intl formats a decimal string exactly (no float
 * round trip) where the engine supports it (Chromium, Node 20+). A unit Intl does not know
 * (USDT from a relay) is written "12.50 USDT" instead of throwing: one odd row must not take
 * down a CLI report, a notification or a dashboard card.
 */
export function formatMoney(
  micros: number,
  currency: string,
  locale: string,
  maxFraction = 2,
): string {
  const decimal = microsToDecimal(micros, 2);
  let fmt: Intl.NumberFormat;
  try {
    fmt = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: Math.max(2, maxFraction),
    });
  } catch {
    return plainMoney(micros, currency, maxFraction);
  }
  // `format` accepts decimal strings since ES2023 (Intl.NumberFormat v3): exact, no float.
  return fmt.format(decimal as unknown as number);
}

/** "12.50 USDT": the fallback for units Intl cannot format; rounds half away from zero like Intl. */
export function plainMoney(micros: number, currency: string, maxFraction = 2): string {
  const unit = 10 ** (SCALE_DIGITS - Math.min(SCALE_DIGITS, Math.max(2, maxFraction)));
  const rounded = Math.sign(micros) * Math.floor((Math.abs(micros) + unit / 2) / unit) * unit;
  const text = microsToDecimal(rounded === 0 ? 0 : rounded, 2);
  return currency ? `${text} ${currency}` : text;
}
