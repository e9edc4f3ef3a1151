/**
 * Tiered rollup: raw readings for 14 days, one per hour for 2 years, one per day after that.
 * A bucket keeps its last reading, plus every reading where some amount turns around (the
 * last reading before a rise after falls, or a fall after rises) or availability or the set
 * of currencies changes. Between kept readings every amount then moves in one direction
 * only, so total spend, top-ups and gift changes summed over the rolled-up history equal
 * those of the raw history: only their timing gets coarser.
 */
import type { Snapshot } from '../../../shared/model';
import { parseAmount } from '../../../shared/money';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const RAW_KEEP_MS = 14 * DAY_MS;
export const HOURLY_KEEP_MS = 730 * DAY_MS;

/** The bucket a reading falls in at time `now`; raw readings get no bucket (null). */
export function bucketOf(at: number, now: number): string | null {
  if (at >= now - RAW_KEEP_MS) return null;
  if (at >= now - HOURLY_KEEP_MS) return `h${Math.floor(at / HOUR_MS)}`;
  return `d${Math.floor(at / DAY_MS)}`;
}

const amount = (s: string): number => {
  const r = parseAmount(s);
  return r.ok ? r.value : 0;
};

/** The amounts of a snapshot keyed "CUR.field", for direction tracking. */
function amounts(s: Snapshot): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of s.rows) {
    m.set(`${r.currency}.t`, amount(r.total));
    m.set(`${r.currency}.g`, amount(r.granted));
    m.set(`${r.currency}.u`, amount(r.toppedUp));
  }
  return m;
}

function sameKeys(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a.keys()) if (!b.has(k)) return false;
  return true;
}

/** Rolls up `snapshots` (sorted by time) as of `now`. Idempotent: rolling up twice changes nothing. */
export function rollup(snapshots: readonly Snapshot[], now: number): Snapshot[] {
  const n = snapshots.length;
  if (n <= 2) return [...snapshots];
  const out: Snapshot[] = [];
  const lastDir = new Map<string, number>();
  let prevAmounts: Map<string, number> | null = null;
  let curAmounts = amounts(snapshots[0] as Snapshot);
  for (let i = 0; i < n; i++) {
    const cur = snapshots[i] as Snapshot;
    const next = snapshots[i + 1];
    const nextAmounts = next ? amounts(next) : null;
    if (prevAmounts) {
      for (const [k, v] of curAmounts) {
        const p = prevAmounts.get(k);
        if (p !== undefined && v !== p) lastDir.set(k, Math.sign(v - p));
      }
    }
    let keep = i === 0 || !next || !nextAmounts;
    if (!keep && next && nextAmounts) {
      const bucket = bucketOf(cur.at, now);
      keep = bucket === null || bucket !== bucketOf(next.at, now);
      keep ||= cur.available !== next.available || !sameKeys(curAmounts, nextAmounts);
      if (!keep) {
        for (const [k, v] of curAmounts) {
          const dirOut = Math.sign((nextAmounts.get(k) as number) - v);
          const before = lastDir.get(k) ?? 0;
          if (dirOut !== 0 && before !== 0 && dirOut !== before) {
            keep = true;
            break;
          }
        }
      }
    }
    if (keep) out.push(cur);
    prevAmounts = curAmounts;
    if (nextAmounts) curAmounts = nextAmounts;
  }
  return out;
}
