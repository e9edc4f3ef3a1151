/**
 * The export/import format users see (docs/history-format.md, "Export"). CSV: one row per
 * currency per snapshot, ISO-8601 UTC times with milliseconds, amounts exactly as the
 * provider sent them, so export -> import -> export is byte-identical. Pure: the CLI, main
 * and the window all call it.
 */
import type { BalanceRow, Snapshot } from '../model';
import { parseAmount } from '../money';
import { err, ok, type Result } from '../result';

export const CSV_COLUMNS = [
  'time',
  'currency',
  'total',
  'granted',
  'toppedUp',
  'available',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** A bad row (1-based line number in the file) or a file-level problem (line 0). */
export interface ImportProblem {
  line: number;
  message: string;
}

export interface ExportOptions {
  format: 'csv' | 'json';
  /** Inclusive bounds, epoch ms. */
  from?: number;
  to?: number;
}

/** Snapshots within [from, to] (inclusive), sorted by time. */
export function inRange(snapshots: readonly Snapshot[], from?: number, to?: number): Snapshot[] {
  return snapshots
    .filter((s) => (from === undefined || s.at >= from) && (to === undefined || s.at <= to))
    .sort((a, b) => a.at - b.at);
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * Serialises history for export. A snapshot with no rows (a brand-new account) is written as
 * one row with an empty currency and empty amounts, so it survives the round trip.
 */
export function exportHistory(snapshots: readonly Snapshot[], opts: ExportOptions): string {
  const picked = inRange(snapshots, opts.from, opts.to);
  if (opts.format === 'json') {
    return (
      JSON.stringify({ format: 'creditray-history', version: 1, snapshots: picked }, null, 1) + '\n'
    );
  }
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of picked) {
    const time = new Date(s.at).toISOString();
    const avail = s.available ? 'true' : 'false';
    if (s.rows.length === 0) lines.push([time, '', '', '', '', avail].join(','));
    for (const r of s.rows) {
      lines.push([time, r.currency, r.total, r.granted, r.toppedUp, avail].map(csvField).join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** Splits one CSV line into fields (RFC 4180 quotes; a quoted field cannot span lines here). */
function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
      if (i < line.length && line[i] !== ',') return null;
    } else {
      const c = line.indexOf(',', i);
      out.push(line.slice(i, c < 0 ? line.length : c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) return out;
    i++;
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseAvailable(v: string): boolean | null {
  const t = v.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return null;
}

interface Pending {
  at: number;
  available: boolean;
  line: number;
  rows: BalanceRow[];
  empty: boolean;
}

/**
 * Parses the documented CSV (columns in any order, extra columns ignored, BOM and CRLF
 * accepted). Every bad row is reported with its line number; any problem means no
 * snapshots at all, so an import is all or nothing.
 */
export function parseHistoryCsv(text: string): Result<Snapshot[], ImportProblem[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '')?.map((h) => h.trim()) ?? [];
  const idx = {} as Record<Column, number>;
  const missing = CSV_COLUMNS.filter((c) => (idx[c] = header.indexOf(c)) < 0);
  if (missing.length > 0)
    return err([{ line: 1, message: `missing column(s): ${missing.join(', ')}` }]);
  const problems: ImportProblem[] = [];
  const byTime = new Map<number, Pending>();
  for (let n = 2; n <= lines.length; n++) {
    const raw = lines[n - 1] ?? '';
    if (raw.trim() === '') continue;
    const bad = (message: string): void => void problems.push({ line: n, message });
    const f = splitCsvLine(raw);
    if (!f) {
      bad('unbalanced quotes');
      continue;
    }
    const get = (c: Column): string => (f[idx[c]] ?? '').trim();
    const time = get('time');
    const at = ISO_TIME.test(time) ? Date.parse(time) : NaN;
    if (!Number.isFinite(at)) {
      bad(`time is not an ISO-8601 date-time with a zone: ${JSON.stringify(time.slice(0, 40))}`);
      continue;
    }
    const available = parseAvailable(get('available'));
    if (available === null) {
      bad('available must be true or false');
      continue;
    }
    const currency = get('currency');
    const amounts = [get('total'), get('granted'), get('toppedUp')] as const;
    const empty = currency === '' && amounts.every((a) => a === '');
    if (!empty) {
      if (!/^[A-Z]{3}$/.test(currency)) {
        bad(`currency must be a 3-letter code like CNY: ${JSON.stringify(currency.slice(0, 20))}`);
        continue;
      }
      const amountProblem = amounts
        .map((a, i) => [a, parseAmount(a), CSV_COLUMNS[i + 2]] as const)
        .find(([, r]) => !r.ok);
      if (amountProblem) {
        bad(
          `${amountProblem[2]}: not a decimal amount: ${JSON.stringify(amountProblem[0].slice(0, 40))}`,
        );
        continue;
      }
    }
    let snap = byTime.get(at);
    if (!snap) byTime.set(at, (snap = { at, available, line: n, rows: [], empty: false }));
    else if (snap.available !== available) {
      bad(`available differs from line ${snap.line} at the same time`);
      continue;
    }
    if (empty) {
      snap.empty = true;
      continue;
    }
    if (snap.rows.some((r) => r.currency === currency)) {
      bad(`duplicate ${currency} row for ${time}`);
      continue;
    }
    snap.rows.push({ currency, total: amounts[0], granted: amounts[1], toppedUp: amounts[2] });
  }
  for (const s of byTime.values()) {
    if (s.empty && s.rows.length > 0)
      problems.push({ line: s.line, message: 'a time has both an empty row and currency rows' });
  }
  if (problems.length > 0) return err(problems.sort((a, b) => a.line - b.line));
  const out = [...byTime.values()]
    .sort((a, b) => a.at - b.at)
    .map((s) => ({
      at: s.at,
      available: s.available,
      rows: s.rows.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
    }));
  return ok(out);
}
