import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../../shared/model';
import { rangeFigures } from '../../../../../renderer/features/history/range-figures';

const HOUR = 3_600_000;
const reading = (at: number, topped: string, granted = '0.00'): Snapshot => {
  const total = (Number(topped) + Number(granted)).toFixed(2);
  return { at, available: true, rows: [{ currency: 'CNY', total, granted, toppedUp: topped }] };
};

describe('rangeFigures', () => {
  it('counts a fall as spend and a rise as a top-up, never as negative spend', () => {
    const t0 = 1_800_000_000_000;
    const snaps = [
      reading(t0, '50.00'),
      reading(t0 + 12 * HOUR, '44.00'),
      reading(t0 + 24 * HOUR, '38.00'),
      reading(t0 + 25 * HOUR, '138.00'), // +100 top-up
      reading(t0 + 48 * HOUR, '126.00'),
    ];
    const f = rangeFigures(snaps, 'CNY');
    expect(f.spentMicros).toBe(24_000_000);
    expect(f.perDayMicros).toBe(12_000_000);
    expect(f.topUps).toEqual([{ at: t0 + 25 * HOUR, kind: 'top-up', micros: 100_000_000 }]);
    expect(f.topUpMicros).toBe(100_000_000);
  });

  it('lists top-ups newest first and has no per-day figure under an hour of readings', () => {
    const t0 = 1_800_000_000_000;
    const snaps = [
      reading(t0, '10.00'),
      reading(t0 + 60_000, '20.00'),
      reading(t0 + 120_000, '30.00'),
    ];
    const f = rangeFigures(snaps, 'CNY');
    expect(f.topUps.map((x) => x.at)).toEqual([t0 + 120_000, t0 + 60_000]);
    expect(f.perDayMicros).toBeNull();
    expect(f.spentMicros).toBe(0);
  });

  it('is empty for no readings', () => {
    expect(rangeFigures([], 'CNY')).toMatchObject({
      spentMicros: 0,
      perDayMicros: null,
      topUps: [],
    });
  });
});
