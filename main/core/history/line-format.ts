/**
 * One history record per line, each line a JSON array (docs/history-format.md):
 *   full record  [at, available(1|0), "CUR", "total", "granted", "toppedUp", ...]
 *   heartbeat    [at]   (same balance and availability as the previous full record)
 * plus a first line `{"creditray":"history","version":1}`. JSON keeps the file readable by
 * users and tools; a torn or corrupt line fails to parse and is dropped on its own.
 */
import { isCurrencyCode } from '../../../shared/currency';
import type { BalanceRow, Snapshot } from '../../../shared/model';
import { parseAmount } from '../../../shared/money';

export const FORMAT_VERSION = 1;
export const HEADER_LINE = `{"creditray":"history","version":${FORMAT_VERSION}}\n`;

/** A decoded line: a full snapshot, a heartbeat at a time, the header, or garbage. */
export type Decoded =
  | { type: 'full'; snapshot: Snapshot }
  | { type: 'heartbeat'; at: number }
  | { type: 'header'; version: number }
  | { type: 'bad'; reason: string };

/** Same balance and availability (the time is ignored): a heartbeat may stand for it. */
export function sameBalance(a: Snapshot, b: Snapshot): boolean {
  if (a.available !== b.available || a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.rows.length; i++) {
    const x = a.rows[i] as BalanceRow;
    const y = b.rows[i] as BalanceRow;
    if (
      x.currency !== y.currency ||
      x.total !== y.total ||
      x.granted !== y.granted ||
      x.toppedUp !== y.toppedUp
    ) {
      return false;
    }
  }
  return true;
}

/** The full-record line for a snapshot, newline included. */
export function encodeFull(s: Snapshot): string {
  const parts: (string | number)[] = [s.at, s.available ? 1 : 0];
  for (const r of s.rows) parts.push(r.currency, r.total, r.granted, r.toppedUp);
  return JSON.stringify(parts) + '\n';
}

/** The heartbeat line for a time, newline included. */
export function encodeHeartbeat(at: number): string {
  return `[${at}]\n`;
}

/**
 * Validates the parsed JSON of one line. Rows equal to `prevRows` (the previous full record)
 * are shared rather than copied: most rows repeat (the all-zero USD row, an unchanged
 * currency), and sharing keeps a loaded year small and quick to build.
 */
export function decodeValue(v: unknown, prevRows?: readonly BalanceRow[]): Decoded {
  if (Array.isArray(v)) {
    const at = v[0];
    // Stryker disable next-line ConditionalExpression: isSafeInteger is false for a non-number; the typeof narrows the type
    if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0)
      return { type: 'bad', reason: 'bad time' };
    if (v.length === 1) return { type: 'heartbeat', at };
    const avail = v[1];
    if ((avail !== 0 && avail !== 1) || v.length % 4 !== 2)
      return { type: 'bad', reason: 'bad shape' };
    const rows: BalanceRow[] = [];
    for (let i = 2, j = 0; i < v.length; i += 4, j++) {
      const currency: unknown = v[i];
      const total: unknown = v[i + 1];
      const granted: unknown = v[i + 2];
      const toppedUp: unknown = v[i + 3];
      if (
        typeof currency !== 'string' ||
        typeof total !== 'string' ||
        typeof granted !== 'string' ||
        typeof toppedUp !== 'string'
      ) {
        return { type: 'bad', reason: 'bad row' };
      }
      const p = prevRows?.[j];
      const same =
        p !== undefined &&
        p.currency === currency &&
        p.total === total &&
        p.granted === granted &&
        p.toppedUp === toppedUp;
      // A row equal to the previous record's was checked there; a new one is checked here, so
      // a damaged amount ("49 .02") or currency is dropped, never shown as a reading.
      if (!same) {
        if (!isCurrencyCode(currency)) return { type: 'bad', reason: 'bad currency' };
        if (!isAmount(total) || !isAmount(granted) || !isAmount(toppedUp))
          return { type: 'bad', reason: 'bad amount' };
      }
      rows.push(same ? p : { currency, total, granted, toppedUp });
    }
    return { type: 'full', snapshot: { at, available: avail === 1, rows } };
  }
  if (
    typeof v === 'object' &&
    v !== null &&
    (v as { creditray?: unknown }).creditray === 'history'
  ) {
    const version = (v as { version?: unknown }).version;
    return { type: 'header', version: typeof version === 'number' ? version : 0 };
  }
  return { type: 'bad', reason: 'not a record' };
}

/**
 * The same amounts the importer accepts (parseAmount). No quicker regex in front: the one
 * that was here let 9999999999.00 through although parseAmount refuses it (above
 * MAX_ABS_MICROS), and rows repeated from the previous record are not checked again anyway.
 */
function isAmount(v: string): boolean {
  return parseAmount(v).ok;
}

/** Decodes one line of text (without its newline). */
export function decodeLine(line: string, prevRows?: readonly BalanceRow[]): Decoded {
  try {
    return decodeValue(JSON.parse(line), prevRows);
  } catch {
    return { type: 'bad', reason: 'not JSON (torn or corrupt)' };
  }
}

/**
 * Encodes a sorted series, writing a heartbeat wherever a snapshot repeats the previous
 * balance. Used by compaction and import, which rewrite whole files.
 */
export function encodeSeries(snapshots: readonly Snapshot[]): string {
  let out = HEADER_LINE;
  let prev: Snapshot | null = null;
  for (const s of snapshots) {
    out += prev && sameBalance(prev, s) ? encodeHeartbeat(s.at) : encodeFull(s);
    prev = s;
  }
  return out;
}
