/**
 * Turns stored readings into the column arrays uPlot draws. Values become floats here on
 * purpose: they only place pixels. Exact amounts for the tooltip are read back from the
 * original readings by index.
 */
import { toMicros } from '../../../shared/money';
import type { Snapshot } from '../../../shared/model';
import { lttbIndices } from './lttb';

export const RANGES = ['24h', '7d', '30d', '1y', 'all'] as const;
export type Range = (typeof RANGES)[number];
const DAY = 86_400_000;
const RANGE_MS: Record<Range, number | null> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '1y': 365 * DAY, all: null };

/** The `from` to ask main for; undefined means everything. */
export function rangeStart(range: Range, now: number): number | undefined {
  const ms = RANGE_MS[range];
  return ms === null ? undefined : Math.max(0, now - ms);
}

/** Column arrays for one currency, plus where the user topped up. */
export interface Series {
  currency: string;
  /** Seconds (uPlot's time unit). */
  xs: Float64Array;
  total: Float64Array;
  granted: Float64Array;
  toppedUp: Float64Array;
  /** Indices (into the full arrays) where topped-up money went up: a top-up. */
  topUps: number[];
}

const units = (decimal: string): number => {
  try {
    return toMicros(decimal) / 1e6;
  } catch {
    return NaN;
  }
};

/** The currency to chart: the preferred one if readings carry it, else the one with the most money last. */
export function pickCurrency(snapshots: Snapshot[], preferred: string | null): string | null {
  if (preferred && snapshots.some((s) => s.rows.some((r) => r.currency === preferred))) return preferred;
  const last = snapshots.at(-1);
  if (!last || last.rows.length === 0) return null;
  return [...last.rows].sort((a, b) => units(b.total) - units(a.total))[0]!.currency;
}

/** A reading without a row for the currency counts as zero (DeepSeek omits empty currencies). */
export function toSeries(snapshots: Snapshot[], currency: string): Series {
  const n = snapshots.length;
  const s: Series = {
    currency,
    xs: new Float64Array(n),
    total: new Float64Array(n),
    granted: new Float64Array(n),
    toppedUp: new Float64Array(n),
    topUps: [],
  };
  for (let i = 0; i < n; i++) {
    const snap = snapshots[i]!;
    const row = snap.rows.find((r) => r.currency === currency);
    s.xs[i] = snap.at / 1000;
    s.total[i] = row ? units(row.total) : 0;
    s.granted[i] = row ? units(row.granted) : 0;
    s.toppedUp[i] = row ? units(row.toppedUp) : 0;
    if (i > 0 && s.toppedUp[i]! > s.toppedUp[i - 1]!) s.topUps.push(i);
  }
  return s;
}

/** What is drawn: downsampled columns plus the map back to reading indices. */
export interface Drawn {
  data: [Float64Array, Float64Array, Float64Array, Float64Array];
  index: Uint32Array;
}

/** LTTB on the total line picks the points; the other series follow the same readings. */
export function downsample(s: Series, maxPoints: number): Drawn {
  const index = lttbIndices(s.xs, s.total, maxPoints);
  const pick = (col: Float64Array) => {
    const out = new Float64Array(index.length);
    for (let k = 0; k < index.length; k++) out[k] = col[index[k]!]!;
    return out;
  };
  return { data: [pick(s.xs), pick(s.total), pick(s.granted), pick(s.toppedUp)], index };
}
