/**
 * Reads a whole history log. Every line that does not decode is dropped with a warning and
 * the rest survive; a heartbeat repeats the nearest full record above it, unless a damaged
 * line lies between them (then it is dropped too: it would show an older balance). The fast path
 * parses the file as one JSON array, which is several times quicker than line by line; any
 * damage falls back to the careful path.
 */
import type { Snapshot } from '../../../shared/model';
import { type Decoded, decodeLine, decodeValue } from './line-format';

export interface Loaded {
  snapshots: Snapshot[];
  warnings: string[];
  /** The newest full record, for heartbeat decisions. */
  lastFull: Snapshot | null;
}

/** Decodes the text of a log file. `name` only labels warnings. */
export function decodeLog(text: string, name: string): Loaded {
  const warnings: string[] = [];
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!text.endsWith('\n') && text.length > 0)
    warnings.push(`${name}: dropped an unfinished last line (interrupted write)`);
  let decoded: unknown[] | null = null;
  if (text.endsWith('\n') && !text.includes('\0')) {
    try {
      decoded = JSON.parse(`[${body.replaceAll('\n', ',')}]`) as unknown[];
    } catch {
      decoded = null;
    }
  }
  const lines = decoded ? null : body.split('\n');
  if (lines && !text.endsWith('\n')) lines.pop();
  const count = decoded ? decoded.length : (lines as string[]).length;
  const snapshots: Snapshot[] = [];
  let lastFull = null as Snapshot | null;
  let baseLost = false;
  let sorted = true;
  for (let i = 0; i < count; i++) {
    const d: Decoded = decoded
      ? decodeValue(decoded[i], lastFull?.rows)
      : decodeLine((lines as string[])[i] as string, lastFull?.rows);
    let s: Snapshot | null = null;
    if (d.type === 'full') {
      s = d.snapshot;
      lastFull = s;
      baseLost = false;
    } else if (d.type === 'heartbeat') {
      if (lastFull && !baseLost)
        s = { at: d.at, available: lastFull.available, rows: lastFull.rows };
      else if (baseLost)
        warnings.push(
          `${name}: line ${i + 1}: heartbeat after a damaged line (its balance is unknown), dropped`,
        );
      else
        warnings.push(`${name}: line ${i + 1}: heartbeat with no full record before it, dropped`);
    } else if (d.type === 'bad') {
      if (!(lines && i === 0 && (lines[0] as string).length === 0)) {
        warnings.push(`${name}: line ${i + 1}: ${d.reason}, dropped`);
        // The damaged line may have been a new balance: heartbeats after it repeat that one,
        // not the older record above it, so they cannot be read until the next full record.
        baseLost = true;
      }
    } else if (d.version > 1) {
      warnings.push(
        `${name}: written by a newer Creditray (format ${d.version}); reading what is understood`,
      );
    }
    if (s) {
      const prev = snapshots[snapshots.length - 1];
      if (prev && s.at < prev.at) sorted = false;
      snapshots.push(s);
    }
  }
  if (!sorted) snapshots.sort((a, b) => a.at - b.at);
  // After a damaged line the next append must write a full record, not a heartbeat.
  return { snapshots, warnings, lastFull: baseLost ? null : lastFull };
}
