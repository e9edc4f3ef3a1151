/**
 * Reads back the JSON export (`{ format: 'creditray-history', version: 1, snapshots }`), so a
 * user can move history between machines in either format. Same all-or-nothing contract as
 * the CSV parser; "line" here is the 1-based index of the snapshot (0 = the file itself).
 */
import type { BalanceRow, Snapshot } from '../model';
import { isCurrencyCode, NON_ISO_UNITS } from '../currency';
import { EARLIEST_MS } from '../iso-time';
import { parseAmount } from '../money';
import { err, ok, type Result } from '../result';
import type { ImportProblem } from './history-csv';

function checkRow(r: unknown): BalanceRow | string {
  if (typeof r !== 'object' || r === null) return 'row is not an object';
  const o = r as Record<string, unknown>;
  if (typeof o.currency !== 'string' || !isCurrencyCode(o.currency))
    return `currency must be a 3-letter code like CNY (or ${NON_ISO_UNITS.join('/')}): ${JSON.stringify(String(o.currency).slice(0, 20))}`;
  for (const k of ['total', 'granted', 'toppedUp'] as const) {
    const v = o[k];
    if (typeof v !== 'string' || !parseAmount(v).ok) return `${k}: not a decimal string`;
  }
  return {
    currency: o.currency,
    total: o.total as string,
    granted: o.granted as string,
    toppedUp: o.toppedUp as string,
  };
}

/** Parses a JSON export; any problem means no snapshots at all. */
export function parseHistoryJson(text: string): Result<Snapshot[], ImportProblem[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return err([{ line: 0, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const list = (doc as { snapshots?: unknown } | null)?.snapshots;
  if (!Array.isArray(list))
    return err([{ line: 0, message: 'expected an object with a "snapshots" array' }]);
  const problems: ImportProblem[] = [];
  const out: Snapshot[] = [];
  list.forEach((s: unknown, i) => {
    const o = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
    const bad = (message: string): void => void problems.push({ line: i + 1, message });
    if (typeof o.at !== 'number' || !Number.isSafeInteger(o.at))
      return bad('at must be epoch milliseconds');
    if (o.at < EARLIEST_MS) return bad('at is before 1970-01-01, which the history cannot hold');
    if (typeof o.available !== 'boolean') return bad('available must be true or false');
    if (!Array.isArray(o.rows)) return bad('rows must be an array');
    const rows = o.rows.map(checkRow);
    const badRow = rows.find((r): r is string => typeof r === 'string');
    if (badRow) return bad(badRow);
    const currencies = (rows as BalanceRow[]).map((r) => r.currency);
    const twice = currencies.find((c, j) => currencies.indexOf(c) !== j);
    if (twice) return bad(`${twice} appears twice in one reading`);
    out.push({ at: o.at, available: o.available, rows: rows as BalanceRow[] });
  });
  if (problems.length > 0) return err(problems);
  return ok(out.sort((a, b) => a.at - b.at));
}
