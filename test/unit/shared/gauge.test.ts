import { describe, expect, it } from 'vitest';
import { gaugeFill, sinceTopUpBaseline } from '../../../shared/gauge';

const M = 1_000_000;
const pts = (...totals: number[]) => totals.map((t, i) => ({ at: i * 1000, totalMicros: t * M }));

describe('gaugeFill', () => {
  it('divides by a fixed budget and clamps to 0..1', () => {
    expect(gaugeFill(25 * M, { kind: 'fixed', amount: '100' }, [])).toBe(0.25);
    expect(gaugeFill(150 * M, { kind: 'fixed', amount: '100' }, [])).toBe(1);
    expect(gaugeFill(-5 * M, { kind: 'fixed', amount: '100' }, [])).toBe(0);
  });

  it('has no baseline for a zero or unreadable fixed budget', () => {
    expect(gaugeFill(5 * M, { kind: 'fixed', amount: '0' }, [])).toBeNull();
    expect(gaugeFill(5 * M, { kind: 'fixed', amount: 'abc' }, [])).toBeNull();
  });

  it('measures against the balance right after the most recent top-up', () => {
    // 100 -> spent to 40 -> topped up to 90 -> spent to 45 now.
    expect(gaugeFill(45 * M, { kind: 'since-top-up' }, pts(100, 70, 40, 90, 60))).toBe(0.5);
  });

  it('uses the most seen when history has no top-up', () => {
    expect(gaugeFill(30 * M, { kind: 'since-top-up' }, pts(120, 80, 60))).toBe(0.25);
  });

  it('fills the gauge when this very reading is a top-up', () => {
    expect(gaugeFill(200 * M, { kind: 'since-top-up' }, pts(100, 10))).toBe(1);
  });

  it('sorts history by time before looking for the top-up', () => {
    const shuffled = [
      { at: 3, totalMicros: 80 * M },
      { at: 1, totalMicros: 100 * M },
      { at: 2, totalMicros: 20 * M },
    ];
    expect(gaugeFill(40 * M, { kind: 'since-top-up' }, shuffled)).toBe(0.5);
  });

  it('has no baseline with budget none, or with nothing but zero balances', () => {
    expect(gaugeFill(5 * M, { kind: 'none' }, pts(10))).toBeNull();
    expect(gaugeFill(0, { kind: 'since-top-up' }, [])).toBeNull();
  });

  it('sinceTopUpBaseline returns null for an empty series', () => {
    expect(sinceTopUpBaseline([])).toBeNull();
  });
});
