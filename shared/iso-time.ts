/**
 * Strict ISO 8601 times for files and flags. `Date.parse` rolls impossible dates over
 * (2026-02-30 becomes March 2) and happily returns times before 1970 that the history log
 * cannot hold; an import must refuse both with a line number instead of storing something
 * the reader later drops or a date the user never wrote.
 */
import { err, ok, type Result } from './result';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function calendarProblem(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (mo < 1 || mo > 12) return `month ${mo} does not exist`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `${y}-${String(mo).padStart(2, '0')} has no day ${d}`;
  if (h > 23 || mi > 59 || s > 59) return 'the time of day is out of range';
  return null;
}

/** The earliest time the history log can hold (it stores non-negative epoch milliseconds). */
export const EARLIEST_MS = 0;

/**
 * A date-time with a zone, as epoch ms (`requireZone`), or also without one (then local
 * time, as `Date.parse` reads it); refuses impossible calendar dates and times before 1970.
 */
export function parseIsoDateTime(
  text: string,
  opts: { requireZone: boolean },
): Result<number, string> {
  const m = DATE_TIME.exec(text);
  if (!m)
    return err(
      'not an ISO 8601 date-time' +
        (opts.requireZone ? ' with a zone (e.g. 2026-01-31T12:00:00.000Z)' : ''),
    );
  if (opts.requireZone && !m[7]) return err('the time has no zone (add Z for UTC)');
  const problem = calendarProblem(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  );
  if (problem) return err(`not a real date: ${problem}`);
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return err('not a valid date-time');
  if (at < EARLIEST_MS) return err('before 1970-01-01, which the history cannot hold');
  return ok(at);
}

/**
 * A flag value: a date-time, or a date alone meaning that whole UTC day. `end` says which
 * edge a date alone stands for: `--from 2026-01-31` starts at 00:00:00.000Z, `--to
 * 2026-01-31` ends at 23:59:59.999Z (so the day is included, not just its first millisecond).
 */
export function parseIsoBound(text: string, edge: 'start' | 'end'): Result<number, string> {
  const d = DATE_ONLY.exec(text);
  if (!d) return parseIsoDateTime(text, { requireZone: false });
  const problem = calendarProblem(Number(d[1]), Number(d[2]), Number(d[3]));
  if (problem) return err(`not a real date: ${problem}`);
  const start = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
  if (start < EARLIEST_MS) return err('before 1970-01-01, which the history cannot hold');
  return ok(edge === 'start' ? start : start + DAY_MS - 1);
}
