/**
 * Spend measured from balance history, for the causes that need a rate (usage-spike,
 * balance-low, gift-credit-expired). Only decreases of the total count as spend: a top-up
 * is an increase and is never negative spend. Kept small and local on purpose; when the
 * shared analytics module offers a burn rate, this file should give way to it.
 */
import { toMicros } from '../money';
import type { Snapshot } from '../model';

export const HOUR_MS = 3_600_000;

/** One currency row in micro-units; an absent row reads as zero (a brand-new account). */
export interface RowMicros {
  total: number;
  granted: number;
  toppedUp: number;
}

/** Micro-units of one currency in a snapshot, or zeros when the row is missing. */
export function rowMicros(s: Snapshot, currency: string): RowMicros {
  const r = s.rows.find((row) => row.currency === currency);
  if (!r) return { total: 0, granted: 0, toppedUp: 0 };
  return { total: toMicros(r.total), granted: toMicros(r.granted), toppedUp: toMicros(r.toppedUp) };
}

/** Spend in a time window and how much of the window the history actually covers. */
export interface WindowSpend {
  spentMicros: number;
  coveredMs: number;
  /** Integer micro-units per hour; null when the window holds no interval. */
  perHourMicros: number | null;
}

/**
 * Sums the decreases of `currency`'s total over intervals ending in (from, to]. Intervals
 * ending at a time in `exclude` are skipped (e.g. a gift-credit expiry is not spend).
 */
export function spendInWindow(
  history: readonly Snapshot[],
  currency: string,
  from: number,
  to: number,
  exclude: ReadonlySet<number> = new Set(),
): WindowSpend {
  let spentMicros = 0;
  let coveredMs = 0;
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1]!;
    const b = history[i]!;
    if (b.at <= from || b.at > to || b.at <= a.at) continue;
    coveredMs += b.at - Math.max(a.at, from);
    if (exclude.has(b.at)) continue;
    const drop = rowMicros(a, currency).total - rowMicros(b, currency).total;
    if (drop > 0) spentMicros += drop;
  }
  const perHourMicros = coveredMs > 0 ? Math.round((spentMicros * HOUR_MS) / coveredMs) : null;
  return { spentMicros, coveredMs, perHourMicros };
}

/** A sudden loss of gift credit: granted fell in one interval while topped-up did not move. */
export interface GiftDrop {
  at: number;
  currency: string;
  droppedMicros: number;
  grantedBefore: number;
  grantedAfter: number;
  /** What the usual spend rate predicts for that interval. */
  expectedMicros: number;
}

/**
 * Finds intervals where granted credit fell by much more than the account's usual spend
 * over that interval, with topped-up balance unchanged (spending would eat into it once
 * granted is gone). Ordinary spending drains granted credit gradually, so it is not flagged.
 */
export function findGiftDrops(history: readonly Snapshot[], currency: string, since: number): GiftDrop[] {
  const drops: GiftDrop[] = [];
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1]!;
    const b = history[i]!;
    if (b.at <= since || b.at <= a.at) continue;
    const ra = rowMicros(a, currency);
    const rb = rowMicros(b, currency);
    const dropped = ra.granted - rb.granted;
    if (dropped <= 0 || rb.toppedUp !== ra.toppedUp) continue;
    const usual = spendInWindow(history, currency, b.at - 7 * 24 * HOUR_MS, a.at).perHourMicros ?? 0;
    const expected = Math.round((usual * (b.at - a.at)) / HOUR_MS);
    const wholeGiftGone = rb.granted === 0;
    if (dropped > 3 * expected && (wholeGiftGone || dropped * 2 >= ra.granted)) {
      drops.push({ at: b.at, currency, droppedMicros: dropped, grantedBefore: ra.granted, grantedAfter: rb.granted, expectedMicros: expected });
    }
  }
  return drops;
}

/** A top-up seen in the history: the total went up between two readings. */
export function lastIncreaseAfter(history: readonly Snapshot[], since: number): { at: number; currency: string; micros: number } | null {
  let found: { at: number; currency: string; micros: number } | null = null;
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1]!;
    const b = history[i]!;
    if (b.at < since) continue;
    for (const row of b.rows) {
      const rise = rowMicros(b, row.currency).total - rowMicros(a, row.currency).total;
      if (rise > 0) found = { at: b.at, currency: row.currency, micros: rise };
    }
  }
  return found;
}
