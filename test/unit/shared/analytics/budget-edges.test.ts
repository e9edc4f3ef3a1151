/**
 * The budget baseline at its edges: no history, a budget of zero or less, a balance above the
 * budget or below zero, the latest of two top-ups, gift credit as a rise, a tie for the
 * highest balance, and spend up to and including the latest reading.
 */
import { describe, expect, it } from 'vitest';
import { budgetBaseline, type BalancePoint } from '../../../../shared/analytics';
import { HOUR, UNIT } from './series';

const pt = (at: number, toppedUp: number, granted = 0): BalancePoint => ({
  at,
  total: toppedUp + granted,
  granted,
  toppedUp,
  available: true,
});
const SINCE = { kind: 'since-top-up' } as const;

describe('budgetBaseline edges', () => {
  it('has no baseline without history, whatever the budget', () => {
    expect(budgetBaseline({ kind: 'fixed', amount: '10' }, [])).toBeNull();
    expect(budgetBaseline(SINCE, [])).toBeNull();
  });

  it('a fixed budget: zero or less is no budget; the fill is clamped to 0..1', () => {
    const pts = [pt(0, 5 * UNIT)];
    expect(budgetBaseline({ kind: 'fixed', amount: '0' }, pts)).toBeNull();
    expect(budgetBaseline({ kind: 'fixed', amount: '-1' }, pts)).toBeNull();
    expect(budgetBaseline({ kind: 'fixed', amount: '10' }, pts)).toEqual({
      kind: 'fixed',
      baselineMicros: 10 * UNIT,
      since: null,
      fallback: false,
      spentMicros: 0,
      remainingMicros: 5 * UNIT,
      fill: 0.5,
    });
    expect(budgetBaseline({ kind: 'fixed', amount: '4' }, pts)?.fill).toBe(1);
    expect(budgetBaseline({ kind: 'fixed', amount: '4' }, [pt(0, -UNIT)])?.fill).toBe(0);
  });

  it('since a top-up: the latest rise, gift credit included, and spend up to the last reading', () => {
    const pts = [
      pt(0, 10 * UNIT),
      pt(HOUR, 30 * UNIT), // top-up
      pt(2 * HOUR, 25 * UNIT),
      pt(3 * HOUR, 25 * UNIT, 20 * UNIT), // new gift credit: the latest rise
      pt(4 * HOUR, 24 * UNIT, 20 * UNIT),
      pt(5 * HOUR, 22 * UNIT, 20 * UNIT),
    ];
    expect(budgetBaseline(SINCE, pts)).toEqual({
      kind: 'since-top-up',
      baselineMicros: 45 * UNIT,
      since: 3 * HOUR,
      fallback: false,
      spentMicros: 3 * UNIT,
      remainingMicros: 42 * UNIT,
      fill: 42 / 45,
    });
  });

  it('without a rise: the first of equal highest balances, its fill clamped', () => {
    const flat = [pt(0, 10 * UNIT), pt(HOUR, 10 * UNIT), pt(2 * HOUR, 7 * UNIT)];
    expect(budgetBaseline(SINCE, flat)).toMatchObject({
      fallback: true,
      baselineMicros: 10 * UNIT,
      since: 0,
      spentMicros: 3 * UNIT,
      fill: 0.7,
    });
  });

  it('a baseline of zero fills nothing; a balance below zero fills nothing', () => {
    expect(budgetBaseline(SINCE, [pt(0, 0), pt(HOUR, 0)])?.fill).toBe(0);
    expect(budgetBaseline(SINCE, [pt(0, UNIT), pt(HOUR, -UNIT)])?.fill).toBe(0);
  });
});
