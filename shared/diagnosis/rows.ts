/** One currency row of a reading in micro-units, for the rules and the verify checks. */
import { parseAmount } from '../money';
import type { Snapshot } from '../model';

/** A row's three amounts in micro-units, ready for exact comparison. */
export interface RowMicros {
  total: number;
  granted: number;
  toppedUp: number;
}

function micros(v: string): number {
  const r = parseAmount(v);
  return r.ok ? r.value : 0;
}

/** Micro-units of one currency; a missing row reads as zero (a brand-new account has none). */
export function rowMicros(s: Snapshot, currency: string): RowMicros {
  const r = s.rows.find((row) => row.currency === currency);
  if (!r) return { total: 0, granted: 0, toppedUp: 0 };
  return { total: micros(r.total), granted: micros(r.granted), toppedUp: micros(r.toppedUp) };
}
