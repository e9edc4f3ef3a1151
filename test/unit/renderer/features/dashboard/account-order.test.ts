import { describe, expect, it } from 'vitest';
import type { AccountStatus, Level } from '../../../../../shared/model';
import { inTrouble, providerGroups, worstFirst } from '../../../../../renderer/features/dashboard/account-order';

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

describe('providerGroups', () => {
  const of = (label: string, level: Level, provider: string): AccountStatus =>
    ({ account: { id: label, label, provider }, level, insights: null }) as unknown as AccountStatus;
  const six = [1, 2, 3, 4, 5, 6].map((i) => of(`D${i}`, 'healthy', i % 2 ? 'deepseek' : 'moonshot'));

  it('keeps one plain list below seven accounts, or when every account has one provider', () => {
    expect(providerGroups(six, 0)).toBeNull();
    expect(providerGroups([...six.map((s) => of(s.account.label, 'low', 'deepseek')), of('X', 'low', 'deepseek')], 0)).toBeNull();
  });

  it('from seven accounts of several providers: the group of the worst account first, each worst first', () => {
    const groups = providerGroups([...six, of('R', 'depleted', 'relay'), of('M', 'critical', 'moonshot')], 0);
    expect(groups?.map((g) => [g.provider, g.accounts.map((a) => a.account.label)])).toEqual([
      ['relay', ['R']],
      ['moonshot', ['M', 'D2', 'D4', 'D6']],
      ['deepseek', ['D1', 'D3', 'D5']],
    ]);
  });
});
