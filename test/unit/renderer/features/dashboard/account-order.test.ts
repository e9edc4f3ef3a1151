import { describe, expect, it } from 'vitest';
import type { AccountStatus, Level } from '../../../../../shared/model';
import { inTrouble, worstFirst } from '../../../../../renderer/features/dashboard/account-order';

const status = (label: string, level: Level): AccountStatus =>
  ({ account: { id: label, label }, level, insights: null }) as unknown as AccountStatus;

describe('worstFirst', () => {
  it('puts the tray order first: depleted, unavailable, critical, error, low, stale, healthy', () => {
    const levels: Level[] = [
      'healthy',
      'low',
      'stale',
      'error',
      'critical',
      'unavailable',
      'depleted',
    ];
    const sorted = worstFirst(
      levels.map((l) => status(l, l)),
      0,
    );
    expect(sorted.map((s) => s.level)).toEqual([
      'depleted',
      'unavailable',
      'critical',
      'error',
      'low',
      'stale',
      'healthy',
    ]);
  });

  it('keeps the user order between accounts of the same level without a forecast', () => {
    const sorted = worstFirst([status('B', 'low'), status('A', 'low'), status('C', 'critical')], 0);
    expect(sorted.map((s) => s.account.label)).toEqual(['C', 'B', 'A']);
  });
});

describe('inTrouble', () => {
  it('offers the 402 link only where calls fail or are about to', () => {
    expect((['depleted', 'unavailable', 'critical', 'error'] as Level[]).every(inTrouble)).toBe(
      true,
    );
    expect((['low', 'stale', 'healthy'] as Level[]).some(inTrouble)).toBe(false);
  });
});
