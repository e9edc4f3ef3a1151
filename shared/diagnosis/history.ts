/**
 * The history facts the causes need (spend in a window, usual rate, gift expiries, top-ups),
 * read through shared/analytics so the diagnosis and the dashboard agree on what counts as
 * spend: only falls of the total, never top-ups, never a likely gift expiry.
 */
import { classifyChanges, pointsFromSnapshots, rateOver, spendBetween, type BalanceChange, type BalancePoint } from '../analytics';
import type { Snapshot } from '../model';

/** Windows in the rules are written in hours. */
export const HOUR_MS = 3_600_000;

/** One currency's history, classified once. */
export interface CurrencyHistory {
  currency: string;
  points: BalancePoint[];
  changes: BalanceChange[];
}

/** Classifies every currency that appears in the history. */
export function readHistory(history: readonly Snapshot[]): CurrencyHistory[] {
  const currencies = [...new Set(history.flatMap((s) => s.rows.map((r) => r.currency)))];
  return currencies.map((currency) => {
    const points = pointsFromSnapshots(history, currency);
    return { currency, points, changes: classifyChanges(points) };
  });
}

/** Spend in [from, to), in micro-units (straddling intervals count pro rata). */
export function spentBetween(h: CurrencyHistory, from: number, to: number): number {
  return spendBetween(h.changes, from, to);
}

/** Spend rate over the window ending at `end`, or null when history covers too little of it. */
export function rateEnding(h: CurrencyHistory, windowMs: number, end: number): { spentMicros: number; perHourMicros: number } | null {
  const r = rateOver(h.points, h.changes, windowMs, end);
  return r ? { spentMicros: r.spentMicros, perHourMicros: r.perHourMicros } : null;
}

/** A likely gift-credit expiry, with the granted amounts around it. */
export interface GiftDrop {
  /** The reading before the drop, and the one that first showed it. */
  from: number;
  at: number;
  currency: string;
  droppedMicros: number;
  grantedBefore: number;
  grantedAfter: number;
}

/** Likely gift expiries since `since`, oldest first. */
export function giftDrops(h: CurrencyHistory, since: number): GiftDrop[] {
  return h.changes
    .filter((c) => c.kind === 'possible-gift-expiry' && c.to > since)
    .map((c) => {
      const before = h.points.find((p) => p.at === c.from);
      const after = h.points.find((p) => p.at === c.to);
      return { from: c.from, at: c.to, currency: h.currency, droppedMicros: c.amount, grantedBefore: before?.granted ?? c.amount, grantedAfter: after?.granted ?? 0 };
    });
}

/** The latest top-up (or new gift credit) seen at or after `since`, in any currency. */
export function lastIncreaseAfter(history: readonly Snapshot[], since: number): { at: number; currency: string; micros: number } | null {
  let found: { at: number; currency: string; micros: number } | null = null;
  for (const h of readHistory(history)) {
    for (const c of h.changes) {
      if ((c.kind === 'top-up' || c.kind === 'gift') && c.to >= since && (!found || c.to > found.at)) {
        found = { at: c.to, currency: h.currency, micros: c.amount };
      }
    }
  }
  return found;
}
