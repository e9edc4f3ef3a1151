import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lttbIndices } from '../../../../../renderer/features/history/lttb';

const line = (n: number, f: (i: number) => number) => {
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = i * 60_000;
    ys[i] = f(i);
  }
  return { xs, ys };
};

describe('lttbIndices', () => {
  it('keeps every point when the threshold is not below the number of points', () => {
    const { xs, ys } = line(5, (i) => i);
    expect(Array.from(lttbIndices(xs, ys, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(lttbIndices(xs, ys, 50))).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps every point when the threshold is too small to mean anything', () => {
    const { xs, ys } = line(4, (i) => i);
    expect(lttbIndices(xs, ys, 2)).toHaveLength(4);
  });

  it('reduces a year of one-minute points to the threshold, keeping first and last', () => {
    const { xs, ys } = line(525_600, (i) => 1000 - i / 1000);
    const idx = lttbIndices(xs, ys, 1600);
    expect(idx).toHaveLength(1600);
    expect(idx[0]).toBe(0);
    expect(idx[1599]).toBe(525_599);
  });

  it('keeps a one-sample spike (a top-up) that averaging would flatten', () => {
    const { xs, ys } = line(10_000, (i) => (i === 4321 ? 500 : 10));
    const idx = Array.from(lttbIndices(xs, ys, 100));
    expect(idx).toContain(4321);
  });

  it('keeps a sudden drop to zero visible', () => {
    const { xs, ys } = line(10_000, (i) => (i < 7000 ? 100 : 0));
    const picked = Array.from(lttbIndices(xs, ys, 50)).map((i) => ys[i]);
    expect(picked).toContain(100);
    expect(picked).toContain(0);
  });

  it('always returns strictly increasing indices within bounds', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 400 }), fc.integer({ min: 3, max: 400 }), (values, threshold) => {
        const xs = values.map((_, i) => i);
        const idx = Array.from(lttbIndices(xs, values, threshold));
        expect(idx.length).toBe(Math.min(threshold, values.length));
        for (let k = 1; k < idx.length; k++) expect(idx[k]!).toBeGreaterThan(idx[k - 1]!);
        expect(idx[idx.length - 1]).toBe(values.length - 1);
      }),
    );
  });
});
