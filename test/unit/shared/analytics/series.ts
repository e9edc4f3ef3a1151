/** Synthetic balance series with known answers, in micro-units. */
import type { BalancePoint } from '../../../../shared/analytics';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const UNIT = 1_000_000;

/** Readings every `stepMs` from `start` to `end`, spending `ratePerHour(at)` micro-units/hour from topped-up credit. */
export function spendSeries(opts: {
  start: number;
  end: number;
  stepMs: number;
  balance: number;
  granted?: number;
  ratePerHour: (at: number) => number;
  events?: (at: number, p: BalancePoint) => void;
}): BalancePoint[] {
  const out: BalancePoint[] = [];
  const p: BalancePoint = {
    at: opts.start,
    total: 0,
    granted: opts.granted ?? 0,
    toppedUp: opts.balance,
    available: true,
  };
  for (let at = opts.start; at <= opts.end; at += opts.stepMs) {
    if (at > opts.start) {
      let spend = Math.round((opts.ratePerHour(at - opts.stepMs) * opts.stepMs) / HOUR);
      const g = Math.min(p.granted, spend);
      p.granted -= g;
      spend -= g;
      p.toppedUp -= spend;
    }
    opts.events?.(at, p);
    p.at = at;
    p.total = p.granted + p.toppedUp;
    out.push({ ...p });
  }
  return out;
}
