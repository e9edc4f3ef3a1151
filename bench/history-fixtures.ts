/**
 * A deterministic account-year of one-minute readings with typical DeepSeek usage: busy
 * weekday working hours (peak price in DeepSeek's peak hours), light evenings, occasional
 * night batches and weekends, a gift that expires, and a top-up whenever the balance runs low.
 * Thinned exactly as the store's appender thins (changes plus hourly heartbeats).
 */
import { sameBalance } from '../main/core/history/line-format';
import type { Snapshot } from '../shared/model';
import { microsToDecimal } from '../shared/money';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR_START = Date.UTC(2025, 0, 6) - 8 * HOUR; // Monday 00:00 Beijing

/** Small fast PRNG so every run measures the same data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every one-minute reading of the year (525,600 of them), before thinning. */
export function yearOfMinutes(seed = 1): Snapshot[] {
  const rnd = prng(seed);
  const out: Snapshot[] = [];
  let granted = 10_000_000;
  let topped = 100_000_000;
  const usd = { currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' };
  for (let i = 0; i < 365 * 24 * 60; i++) {
    const at = YEAR_START + i * MINUTE;
    const bj = new Date(at + 8 * HOUR);
    const day = bj.getUTCDay();
    const h = bj.getUTCHours();
    const weekday = day >= 1 && day <= 5;
    const peak = weekday && ((h >= 9 && h < 12) || (h >= 14 && h < 18));
    const p = weekday ? (h >= 9 && h < 18 ? 0.5 : h >= 19 && h < 23 ? 0.1 : 0.02) : 0.05;
    if (rnd() < p) {
      let cost = Math.round((1_000 + rnd() * 49_000) * (peak ? 2 : 1));
      const g = Math.min(granted, cost);
      granted -= g;
      cost -= g;
      topped = Math.max(0, topped - cost);
    }
    if (i === 60 * 24 * 60) granted = 0; // the gift expires on day 60
    if (granted + topped < 20_000_000 && rnd() < 0.01) topped += 200_000_000;
    const total = granted + topped;
    out.push({
      at,
      available: total > 0,
      rows: [
        {
          currency: 'CNY',
          total: microsToDecimal(total),
          granted: microsToDecimal(granted),
          toppedUp: microsToDecimal(topped),
        },
        usd,
      ],
    });
  }
  return out;
}

/** What the appender would have written: every change, plus a heartbeat at most every hour. */
export function thinLikeAppender(all: readonly Snapshot[], heartbeatMs = HOUR): Snapshot[] {
  const out: Snapshot[] = [];
  let last: Snapshot | null = null;
  for (const s of all) {
    if (last && sameBalance(last, s) && s.at - last.at < heartbeatMs) continue;
    out.push(s);
    last = s;
  }
  return out;
}

/** Median of timings in ms. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export const fmt = (ms: number): string =>
  ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
