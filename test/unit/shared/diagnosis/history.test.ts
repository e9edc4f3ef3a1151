/**
 * The history facts the causes read (shared/diagnosis/history.ts): gift expiries since a
 * time, with the granted amounts around them, and the latest top-up or new gift credit.
 */
import { describe, expect, it } from 'vitest';
import {
  giftDrops,
  lastIncreaseAfter,
  rateEnding,
  readHistory,
  spentBetween,
} from '../../../../shared/diagnosis/history';
import { cny, DAY, HOUR, NOW, row, snap } from './fixtures/build';

describe('giftDrops', () => {
  const h = readHistory([
    cny(NOW - 3 * DAY, '12.00', '1.00'),
    cny(NOW - 2 * DAY, '0.00', '1.00'),
    cny(NOW - DAY, '8.00', '1.00'),
    cny(NOW - HOUR, '3.00', '1.00'),
  ]);
  const [cnyHistory] = h;

  it('lists likely expiries oldest first, with the granted credit before and after', () => {
    expect(giftDrops(cnyHistory!, 0)).toEqual([
      {
        from: NOW - 3 * DAY,
        at: NOW - 2 * DAY,
        currency: 'CNY',
        droppedMicros: 12_000_000,
        grantedBefore: 12_000_000,
        grantedAfter: 0,
      },
    ]);
  });

  it('counts an expiry only when it ended after `since`', () => {
    expect(giftDrops(cnyHistory!, NOW - 2 * DAY)).toEqual([]);
    expect(giftDrops(cnyHistory!, NOW - 2 * DAY - 1)).toHaveLength(1);
  });

  it('reads the granted amounts of the readings around the drop, not the drop', () => {
    const two = readHistory([
      cny(NOW - 3 * DAY, '20.00', '0.00'),
      cny(NOW - 2 * DAY, '5.00', '0.00'),
      cny(NOW - DAY, '5.00', '0.00'),
    ]);
    // 15 of 20 gone at once (a whole tranche) after no spend at all is not an expiry: the
    // granted credit did not reach zero. With spend before it, it is.
    expect(giftDrops(two[0]!, 0)).toEqual([]);
    const spent = readHistory([
      cny(NOW - 4 * DAY, '21.00', '0.00'),
      cny(NOW - 3 * DAY, '20.00', '0.00'),
      cny(NOW - 2 * DAY, '20.00', '0.00'),
      cny(NOW - 2 * DAY + HOUR, '5.00', '0.00'),
    ]);
    expect(giftDrops(spent[0]!, 0)).toEqual([
      {
        from: NOW - 2 * DAY,
        at: NOW - 2 * DAY + HOUR,
        currency: 'CNY',
        droppedMicros: 15_000_000,
        grantedBefore: 20_000_000,
        grantedAfter: 5_000_000,
      },
    ]);
  });
});

describe('lastIncreaseAfter', () => {
  it('finds the latest top-up or new gift credit at or after `since`, in any currency', () => {
    const history = [
      snap(NOW - 5 * HOUR, [row('CNY', '0', '1'), row('USD', '0', '1')]),
      snap(NOW - 4 * HOUR, [row('CNY', '0', '6'), row('USD', '0', '1')]),
      snap(NOW - 3 * HOUR, [row('CNY', '0', '6'), row('USD', '2', '1')]),
      snap(NOW - 2 * HOUR, [row('CNY', '0', '5'), row('USD', '2', '1')]),
    ];
    expect(lastIncreaseAfter(history, 0)).toEqual({
      at: NOW - 3 * HOUR,
      currency: 'USD',
      micros: 2_000_000,
    });
    expect(lastIncreaseAfter(history, NOW - 3 * HOUR)).toEqual({
      at: NOW - 3 * HOUR,
      currency: 'USD',
      micros: 2_000_000,
    });
    expect(lastIncreaseAfter(history, NOW - 3 * HOUR + 1)).toBeNull();
    // Only CNY's top-up left when USD's is cut off.
    expect(lastIncreaseAfter(history.slice(0, 2), 0)).toEqual({
      at: NOW - 4 * HOUR,
      currency: 'CNY',
      micros: 5_000_000,
    });
  });

  it('spend and gift expiry are not increases', () => {
    const history = [
      cny(NOW - 3 * DAY, '10.00', '5.00'),
      cny(NOW - 2 * DAY, '0.00', '5.00'),
      cny(NOW - DAY, '0.00', '4.00'),
    ];
    expect(lastIncreaseAfter(history, 0)).toBeNull();
    expect(lastIncreaseAfter([], 0)).toBeNull();
  });

  it('takes the later of two increases whichever currency comes first', () => {
    const history = [
      snap(NOW - 5 * HOUR, [row('USD', '0', '1'), row('CNY', '0', '1')]),
      snap(NOW - 4 * HOUR, [row('USD', '0', '1'), row('CNY', '0', '9')]),
      snap(NOW - 3 * HOUR, [row('USD', '0', '4'), row('CNY', '0', '9')]),
    ];
    expect(lastIncreaseAfter(history, 0)).toMatchObject({ currency: 'USD', at: NOW - 3 * HOUR });
    const reversed = [
      snap(NOW - 5 * HOUR, [row('USD', '0', '1'), row('CNY', '0', '1')]),
      snap(NOW - 4 * HOUR, [row('USD', '0', '4'), row('CNY', '0', '1')]),
      snap(NOW - 3 * HOUR, [row('USD', '0', '4'), row('CNY', '0', '9')]),
    ];
    expect(lastIncreaseAfter(reversed, 0)).toMatchObject({ currency: 'CNY', at: NOW - 3 * HOUR });
  });
});

describe('spend windows', () => {
  const h = readHistory([
    cny(NOW - 2 * HOUR, '0', '10'),
    cny(NOW - HOUR, '0', '8'),
    cny(NOW, '0', '5'),
  ])[0]!;

  it('spend in [from, to), pro rata across an edge', () => {
    expect(spentBetween(h, NOW - 2 * HOUR, NOW)).toBe(5_000_000);
    expect(spentBetween(h, NOW - 90 * 60_000, NOW - HOUR)).toBe(1_000_000);
  });

  it('the rate over a window, or null when history covers less than half of it', () => {
    expect(rateEnding(h, HOUR, NOW)).toEqual({ spentMicros: 3_000_000, perHourMicros: 3_000_000 });
    expect(rateEnding(h, 2 * HOUR, NOW)).toEqual({
      spentMicros: 5_000_000,
      perHourMicros: 2_500_000,
    });
    expect(rateEnding(h, 5 * HOUR, NOW)).toBeNull();
  });
});
