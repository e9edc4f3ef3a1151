/**
 * Exact amounts for every provider: JSON numbers kept digit for digit, decimal strings as
 * sent, integer sub-units (Novita's 1/10000 USD, a relay's cents) shifted by string, never
 * divided in binary floating point.
 */
import { microsToDecimal, parseAmount } from '../../../shared/money';
import { err, ok, type Result } from '../../../shared/result';

/** The display string: the server's own text when it is a plain decimal, else a canonical one. */
function display(raw: string, micros: number): string {
  if (/^-?\d+(\.\d{1,6})?$/.test(raw) && !(micros === 0 && raw.startsWith('-'))) return raw;
  return microsToDecimal(micros, 2);
}

/** The number's own digits as JSON had them ("49.58894", never 49.588939999…). */
function plainText(input: number): string {
  const t = String(input);
  return /e/i.test(t) ? input.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : t;
}

/** A provider amount (string or JSON number) as an exact decimal string, or why it is unusable. */
export function exactAmount(input: unknown): Result<string, string> {
  const m = parseAmount(input);
  if (!m.ok) return m;
  if (typeof input === 'number') return ok(microsToDecimal(m.value, 2));
  return ok(display(String(input).trim(), m.value));
}

/**
 * An integer count of 1/10^digits units as an exact decimal: ("1000000", 4) -> "100.00".
 * The decimal point is moved in the text, so no division ever rounds.
 */
export function shiftedAmount(input: unknown, digits: number): Result<string, string> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return err(`not a finite number: ${String(input)}`);
    text = plainText(input);
  } else if (typeof input === 'string') text = input.trim();
  else
    return err(
      `expected a number or a string of digits, got ${input === null ? 'null' : typeof input}`,
    );
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return err(`not a decimal amount: ${JSON.stringify(text.slice(0, 40))}`);
  const [, sign = '', int = '0', frac = ''] = m;
  const padded = int.padStart(digits + 1, '0');
  const shifted = `${sign}${padded.slice(0, padded.length - digits)}.${padded.slice(padded.length - digits)}${frac}`;
  const micros = parseAmount(shifted);
  if (!micros.ok) return micros;
  return ok(microsToDecimal(micros.value, 2));
}

/** a − b on exact decimal strings already validated by exactAmount. */
export function subtractAmounts(a: string, b: string): string {
  return microsToDecimal(micros(a) - micros(b), 2);
}

/** The smaller of two validated decimal strings (the one kept as the server wrote it). */
export function minAmount(a: string, b: string): string {
  return micros(b) < micros(a) ? b : a;
}

/** Micro-units of a validated decimal string; 0 when unparseable (callers validate first). */
export function micros(amount: string): number {
  const r = parseAmount(amount);
  return r.ok ? r.value : 0;
}
