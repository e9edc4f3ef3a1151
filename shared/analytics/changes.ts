/**
 * Classifies every change between consecutive readings. Spend is a fall of total; a rise is
 * an event (top-up or gift), never negative spend; a step fall of granted credit alone that
 * looks nothing like the account's spending is flagged as a possible gift expiry and kept out
 * of spend. The rule is a heuristic, documented in docs/history-format.md ("Analytics").
 */
import { type BalancePoint, MINUTE_MS, WEEK_MS } from './points';

export type ChangeKind = 'spend' | 'top-up' | 'gift' | 'possible-gift-expiry';

/** One non-flat interval between two consecutive readings; `amount` is positive micro-units. */
export interface BalanceChange {
  kind: ChangeKind;
  /** Time of the reading before the change. */
  from: number;
  /** Time of the reading that first showed the change. */
  to: number;
  amount: number;
  /** Total right after the change. */
  totalAfter: number;
}

/** A step must be this many times faster than the fastest spend of the previous week. */
export const EXPIRY_STEP_FACTOR = 10;
/** Intervals shorter than this are rated as if they were this long (polls jitter). */
const MIN_RATE_INTERVAL_MS = 5 * MINUTE_MS;
/** With no spend in the previous week, only a fall of at least one whole unit to zero counts. */
const LONE_EXPIRY_MIN_MICROS = 1_000_000;

/** Keeps the maximum spend rate of the last week in O(1) amortised per step. */
class SlidingMax {
  private items: { at: number; rate: number }[] = [];
  private head = 0;
  push(at: number, rate: number): void {
    while (
      this.items.length > this.head &&
      (this.items[this.items.length - 1] as { rate: number }).rate <= rate
    ) {
      this.items.pop();
    }
    this.items.push({ at, rate });
  }
  max(now: number): number | null {
    while (
      this.head < this.items.length &&
      (this.items[this.head] as { at: number }).at < now - WEEK_MS
    )
      this.head++;
    // Stryker disable next-line all: compaction only bounds memory; results are the same either way
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    const top = this.items[this.head];
    return top ? top.rate : null;
  }
}

function looksLikeExpiry(prev: BalancePoint, cur: BalancePoint, reference: number | null): boolean {
  const fall = prev.total - cur.total;
  // Both parts: providers that report only a total (granted and topped-up stay 0) spend
  // without any gift credit moving, and odd answers need not add up.
  const onlyGranted = cur.toppedUp === prev.toppedUp && prev.granted - cur.granted === fall;
  if (!onlyGranted) return false;
  // At least half the gift credit at once (all of it going to zero is the common case).
  const wholeTranche = fall * 2 >= prev.granted;
  if (!wholeTranche) return false;
  if (reference === null) return cur.granted === 0 && fall >= LONE_EXPIRY_MIN_MICROS;
  const rate = fall / Math.max(cur.at - prev.at, MIN_RATE_INTERVAL_MS);
  return rate >= EXPIRY_STEP_FACTOR * reference;
}

/** Every change in `points` (sorted by time), oldest first. Flat intervals are omitted. */
export function classifyChanges(points: readonly BalancePoint[]): BalanceChange[] {
  const out: BalanceChange[] = [];
  const spendRates = new SlidingMax();
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1] as BalancePoint;
    const cur = points[i] as BalancePoint;
    const d = cur.total - prev.total;
    if (d > 0) {
      const kind: ChangeKind =
        cur.toppedUp > prev.toppedUp || cur.granted <= prev.granted ? 'top-up' : 'gift';
      out.push({ kind, from: prev.at, to: cur.at, amount: d, totalAfter: cur.total });
    } else if (d < 0) {
      const reference = spendRates.max(cur.at);
      if (looksLikeExpiry(prev, cur, reference)) {
        out.push({
          kind: 'possible-gift-expiry',
          from: prev.at,
          to: cur.at,
          amount: -d,
          totalAfter: cur.total,
        });
      } else {
        out.push({ kind: 'spend', from: prev.at, to: cur.at, amount: -d, totalAfter: cur.total });
        spendRates.push(cur.at, -d / Math.max(cur.at - prev.at, MIN_RATE_INTERVAL_MS));
      }
    }
  }
  return out;
}

/** Money added to the account (top-ups and new gift credit), oldest first. */
export function detectTopUps(points: readonly BalancePoint[]): BalanceChange[] {
  return classifyChanges(points).filter((c) => c.kind === 'top-up' || c.kind === 'gift');
}

/** Falls of granted credit that look like expiry rather than use, oldest first. */
export function detectGiftExpiries(points: readonly BalancePoint[]): BalanceChange[] {
  return classifyChanges(points).filter((c) => c.kind === 'possible-gift-expiry');
}

/**
 * Spend inside [from, to). A change whose interval straddles an edge counts in proportion to
 * the overlap (the balance is assumed to fall evenly between two readings).
 */
export function spendBetween(changes: readonly BalanceChange[], from: number, to: number): number {
  let sum = 0;
  for (const c of changes) {
    // Stryker disable next-line EqualityOperator: touching an edge gives an overlap of 0 either way
    if (c.kind !== 'spend' || c.to <= from || c.from >= to) continue;
    // Wholly inside: the whole amount, exactly (amount * span / span can lose a unit in
    // floating point for large values).
    // Stryker disable next-line all: equivalent, the proportional formula below gives the same
    if (c.from >= from && c.to <= to) {
      sum += c.amount;
      continue;
    }
    // Straddling an edge implies a span > 0 (an instant change is inside or outside).
    const span = c.to - c.from;
    const overlap = Math.min(c.to, to) - Math.max(c.from, from);
    sum += Math.round((c.amount * overlap) / span);
  }
  return sum;
}
