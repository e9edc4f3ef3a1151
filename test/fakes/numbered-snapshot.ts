/**
 * Numbered readings for the crash and concurrency tests: record n is unique, so a reader can
 * tell exactly which acknowledged records survived. Kept apart from the child scripts so
 * importing it never starts one (a bundled child would otherwise see itself as the entry).
 */
export const BASE = 1_800_000_000_000;

/** Record n: balance falls by n micro-units so every record differs from the one before. */
export function snapshotFor(n: number): {
  at: number;
  available: boolean;
  rows: { currency: string; total: string; granted: string; toppedUp: string }[];
} {
  const micros = 1_000_000_000 - n;
  const total = `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  return {
    at: BASE + n * 1000,
    available: true,
    rows: [{ currency: 'CNY', total, granted: '0.00', toppedUp: total }],
  };
}
