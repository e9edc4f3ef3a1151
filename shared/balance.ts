/**
 * Which currency row is "the balance". DeepSeek often answers with a CNY row and a USD row,
 * one of them all zeros, in varying order; other monitors shipped a bug where the empty
 * USD row hid the funded CNY row. Selection therefore looks at the money, never at order.
 */
import type { BalanceRow, Headline, HeadlinePref, Snapshot } from './model';
import { parseAmount } from './money';

/** Micro-units of a row's total; an unparseable amount counts as zero (parsers validate first). */
function totalMicros(row: BalanceRow): number {
  const r = parseAmount(row.total);
  return r.ok ? r.value : 0;
}

/** CNY first, then USD, then alphabetical: DeepSeek's home currency leads when both are funded. */
function currencyOrder(a: string, b: string): number {
  const rank = (c: string): number => (c === 'CNY' ? 0 : c === 'USD' ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * The row the tray, notifications and thresholds talk about: the user's preferred currency
 * if that row exists; else the funded row (CNY before USD before others); else the CNY row;
 * else the first. No rows at all is a brand-new account, i.e. zero, not unknown. (A key with
 * no amount to watch has no headline at all: see headlineOf.)
 */
export function pickHeadline(rows: BalanceRow[], pref: HeadlinePref): Headline {
  if (rows.length === 0) return { currency: pref === 'USD' ? 'USD' : 'CNY', total: '0' };
  const pick = (row: BalanceRow): Headline => ({ currency: row.currency, total: row.total });
  if (pref !== 'auto') {
    const preferred = rows.find((r) => r.currency === pref);
    if (preferred) return pick(preferred);
  }
  const funded = rows
    .filter((r) => totalMicros(r) > 0)
    .sort((a, b) => currencyOrder(a.currency, b.currency));
  if (funded[0]) return pick(funded[0]);
  const cny = rows.find((r) => r.currency === 'CNY');
  return pick(cny ?? (rows[0] as BalanceRow));
}

/** The headline of a reading: none for an unlimited key (there is no amount to watch), else pickHeadline. */
export function headlineOf(snapshot: Snapshot, pref: HeadlinePref): Headline | null {
  return snapshot.unlimited ? null : pickHeadline(snapshot.rows, pref);
}

/** Rows worth showing: any row with money in it (all-zero rows are noise, not information). */
export function nonZeroRows(rows: BalanceRow[]): BalanceRow[] {
  return rows.filter((r) =>
    [r.total, r.granted, r.toppedUp].some((v) => {
      const m = parseAmount(v);
      return m.ok && m.value !== 0;
    }),
  );
}

/** The headline total in micro-units (0 when absent or unparseable). */
export function headlineMicros(headline: Headline | null): number {
  if (!headline) return 0;
  const r = parseAmount(headline.total);
  return r.ok ? r.value : 0;
}
