/**
 * The export/import format users see (docs/history-format.md, "Export"). CSV: one row per
 * currency per snapshot, ISO-8601 UTC times with milliseconds, amounts exactly as the
 * provider sent them, so export -> import -> export is byte-identical. Pure: the CLI, main
 * and the window all call it.
 */
import type { BalanceRow, Snapshot } from '../model';
import { isCurrencyCode, NON_ISO_UNITS } from '../currency';
import { parseIsoDateTime } from '../iso-time';
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

/** Cells a spreadsheet would run as a formula (OWASP "CSV Injection"); quotes before them keep the escape reversible. */
const FORMULA_LEAD = /^'*[=+\-@\t\r]/;
/** A plain decimal is read as a number by every spreadsheet, never as a formula: it stays numeric. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Neutralises a formula-leading cell the way OWASP recommends: a single quote in front
 * (`=HYPERLINK(…)` -> `'=HYPERLINK(…)`). Quotes already in front get one more, so
 * `unescapeFormula` gives back exactly the original text.
 */
export function escapeFormula(v: string): string {
  return FORMULA_LEAD.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
}

/** The inverse of escapeFormula, used by the importer. */
export function unescapeFormula(v: string): string {
  return /^'+[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

function csvField(raw: string): string {
  const v = escapeFormula(raw);
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
  const readings: Pending[] = [];
  for (let n = 2; n <= lines.length; n++) {
    const raw = lines[n - 1] ?? '';
    if (raw.trim() === '') continue;
    const bad = (message: string): void => void problems.push({ line: n, message });
    const f = splitCsvLine(raw);
    if (!f) {
      bad('unbalanced quotes');
      continue;
    }
    const get = (c: Column): string => unescapeFormula((f[idx[c]] ?? '').trim());
    const time = get('time');
    const parsedTime = parseIsoDateTime(time, { requireZone: true });
    if (!parsedTime.ok) {
      bad(
        parsedTime.error.startsWith('not an ISO')
          ? `time is not an ISO-8601 date-time with a zone: ${JSON.stringify(time.slice(0, 40))}`
          : `time ${JSON.stringify(time.slice(0, 40))}: ${parsedTime.error}`,
      );
      continue;
    }
    const at = parsedTime.value;
    const available = parseAvailable(get('available'));
    if (available === null) {
      bad('available must be true or false');
      continue;
    }
    const currency = get('currency');
    const amounts = [get('total'), get('granted'), get('toppedUp')] as const;
    const empty = currency === '' && amounts.every((a) => a === '');
    if (!empty) {
      if (!isCurrencyCode(currency)) {
        bad(
          `currency must be a 3-letter code like CNY (or ${NON_ISO_UNITS.join('/')}): ${JSON.stringify(currency.slice(0, 20))}`,
        );
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
    // Consecutive rows with the same time form one reading; a currency seen again (or an
    // empty-reading row) starts the next reading at that same millisecond (clock stepped back).
    const cur = readings[readings.length - 1];
    const startsNew =
      !cur || cur.at !== at || cur.empty || empty || cur.rows.some((r) => r.currency === currency);
    if (startsNew) {
      readings.push({
        at,
        available,
        line: n,
        rows: empty
          ? []
          : [{ currency, total: amounts[0], granted: amounts[1], toppedUp: amounts[2] }],
        empty,
      });
      continue;
    }
    if (cur.available !== available) {
      bad(`available differs from line ${cur.line} at the same time`);
      continue;
    }
    cur.rows.push({ currency, total: amounts[0], granted: amounts[1], toppedUp: amounts[2] });
  }
  // Problems are found line by line, at most one per line: already in file order.
  if (problems.length > 0) return err(problems);
  // A stable sort: readings at the same millisecond keep their order in the file.
  const out = readings
    .sort((a, b) => a.at - b.at)
    .map((s) => ({
      at: s.at,
      available: s.available,
      rows: s.rows.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
    }));
  return ok(out);
}
