import { describe, expect, it } from 'vitest';
import { SERIES_STYLE } from '../../../../../renderer/features/history/series-style';

describe('SERIES_STYLE', () => {
  it('keeps Total visible when Topped up equals it: Total is wider, Topped up is dashed', () => {
    expect(SERIES_STYLE.total.width).toBeGreaterThan(SERIES_STYLE.toppedUp.width);
    expect(SERIES_STYLE.toppedUp.dash.length).toBeGreaterThan(0);
    expect('dash' in SERIES_STYLE.total).toBe(false);
  });
});
