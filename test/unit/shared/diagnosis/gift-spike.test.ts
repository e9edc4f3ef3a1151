/**
 * gift-credit-expired and usage-spike in detail (issue 15): which drop or spike a cause
 * reports, its numbers in the evidence, the confidence at each boundary (critical balance,
 * ten times the usual rate, the three-hour look-back, the 30-day gift window), and the steps.
 */
import { describe, expect, it } from 'vitest';
import { cause, find, run } from './fixtures/causes';
import type { DiagnosisInput } from '../../../../shared/diagnosis/types';
import type { Snapshot } from '../../../../shared/model';
import {
  cny,
  DAY,
  HOUR,
  input,
  MIN,
  NOW,
  PASTE,
  row,
  snap,
  status,
  steadySpend,
} from './fixtures/build';

const last = (xs: Snapshot[]) => xs[xs.length - 1]!;
const withHistory = (history: Snapshot[], over: Partial<DiagnosisInput> = {}, stale = false) =>
  input(status(last(history), { stale }), { history, ...over });

describe('gift-credit-expired', () => {
  /** 20.00 of gift credit spent at 0.10 every six hours for five days, then the rest gone at once. */
  const spentThenGone = (after: Snapshot) => [
    ...steadySpend(NOW - 5 * DAY, NOW - 6 * HOUR, 6 * HOUR, 20, 0, 0.1),
    after,
  ];
  const gone = spentThenGone(cny(NOW - 2 * HOUR, '0.00', '0.00'));
  /** 18.10 of gift and 1.00 topped up after the same spend; then the gift falls to `granted`. */
  const partly = (granted: string) => [
    ...steadySpend(NOW - 5 * DAY, NOW - 6 * HOUR, 6 * HOUR, 20, 1, 0.1),
    cny(NOW - 2 * HOUR, granted, '1.00'),
  ];

  it('quotes the drop, the week’s spend before it and the balance; 0.93 with nothing left', () => {
    const c = cause(run(withHistory(gone)), 'gift-credit-expired');
    expect(c.confidence).toBe(0.93);
    expect(c.evidence.map((e) => e.kind)).toEqual(['gift-drop', 'balance']);
    expect(c.evidence[0]!.values).toEqual({
      at: NOW - 2 * HOUR,
      currency: 'CNY',
      droppedMicros: 18_100_000,
      weekSpentMicros: 1_900_000,
    });
    expect(c.evidence[0]!.text).toContain('from CN¥18.10 to CN¥0.00');
    expect(c.evidence[0]!.text).toContain('stayed at CN¥0.00');
    expect(c.evidence[0]!.text).toContain('calls cost CN¥1.90 in all');
    const ok = { kind: 'balance-above-zero-and-available' };
    expect(c.steps.map((s) => [s.id, s.action, s.verify])).toEqual([
      ['top-up', { kind: 'open-link', link: 'topUp' }, ok],
      ['check-usage', { kind: 'open-link', link: 'usage' }, null],
      ['recheck', { kind: 'recheck' }, ok],
    ]);
    expect(c.steps[0]!.why).not.toBe(run(input(status(last(gone)))).causes[0]!.steps[0]!.why);
  });

  it('counts only the week before the drop as its spend', () => {
    // Spend ten days ago, then a quiet week, then the drop: the week before it cost nothing.
    const h = [
      cny(NOW - 10 * DAY, '20.00', '0.00'),
      cny(NOW - 9 * DAY, '15.00', '0.00'),
      cny(NOW - 8 * DAY, '15.00', '0.00'),
      cny(NOW - 2 * DAY, '15.00', '0.00'),
      cny(NOW - 2 * HOUR, '0.00', '0.00'),
    ];
    expect(cause(run(withHistory(h)), 'gift-credit-expired').evidence[0]!.values).toMatchObject({
      weekSpentMicros: 0,
      droppedMicros: 15_000_000,
    });
  });

  it('counts the spend of the drop’s own currency only', () => {
    const h = gone.map((s, i) => snap(s.at, [row('USD', '0.00', (100 - i).toFixed(2)), ...s.rows]));
    const c = cause(run(withHistory(h)), 'gift-credit-expired');
    expect(c.evidence[0]!.values).toMatchObject({ currency: 'CNY', weekSpentMicros: 1_900_000 });
  });

  it('reports the latest of two expiries', () => {
    const h = [
      cny(NOW - 12 * DAY, '10.00', '0.00'),
      cny(NOW - 11 * DAY, '0.00', '0.00'),
      cny(NOW - 6 * DAY, '5.00', '0.00'),
      cny(NOW - 3 * HOUR, '5.00', '0.00'),
      cny(NOW - 2 * HOUR, '0.00', '0.00'),
    ];
    expect(cause(run(withHistory(h)), 'gift-credit-expired').evidence[0]!.values).toMatchObject({
      at: NOW - 2 * HOUR,
      droppedMicros: 5_000_000,
    });
  });

  it('looks back 30 days for an expiry, not more', () => {
    const expiredAt = (at: number) => [
      cny(at - DAY, '10.00', '0.00'),
      cny(at, '0.00', '0.00'),
      cny(NOW - 5 * MIN, '0.00', '0.00'),
    ];
    expect(
      find(run(withHistory(expiredAt(NOW - 30 * DAY))), 'gift-credit-expired'),
    ).toBeUndefined();
    expect(
      find(run(withHistory(expiredAt(NOW - 30 * DAY + 1))), 'gift-credit-expired'),
    ).toBeDefined();
  });

  it('0.50 while the gift credit left still covers the critical level', () => {
    // Most of the gift gone at once, 6.00 of gift and 1.00 topped up left: above CNY's critical 5.
    const c = cause(run(withHistory(partly('6.00'))), 'gift-credit-expired');
    expect(c.confidence).toBe(0.5);
    // Exactly at the critical level counts as critical.
    expect(cause(run(withHistory(partly('4.00'))), 'gift-credit-expired').confidence).toBe(0.93);
  });

  it('says nothing while the topped-up balance is above the critical level', () => {
    const h = [cny(NOW - 3 * DAY, '10.00', '5.01'), cny(NOW - 2 * HOUR, '0.00', '5.01')];
    expect(find(run(withHistory(h)), 'gift-credit-expired')).toBeUndefined();
    const at = [cny(NOW - 3 * DAY, '10.00', '5.00'), cny(NOW - 2 * HOUR, '0.00', '5.00')];
    expect(find(run(withHistory(at)), 'gift-credit-expired')).toBeDefined();
  });

  it('a pasted 402 adds 0.02; a pasted 401 caps it at 0.55; an old reading is said to be old', () => {
    expect(
      cause(run(withHistory(gone, { pastedError: PASTE.py402 })), 'gift-credit-expired').confidence,
    ).toBe(0.95);
    expect(
      cause(run(withHistory(gone, { pastedError: PASTE.py401 })), 'gift-credit-expired').confidence,
    ).toBe(0.55);
    expect(
      cause(run(withHistory(partly('6.00'), { pastedError: PASTE.py401 })), 'gift-credit-expired')
        .confidence,
    ).toBe(0.5);
    const stale = cause(run(withHistory(gone, {}, true)), 'gift-credit-expired');
    expect(stale.evidence.map((e) => e.kind)).toEqual(['gift-drop', 'balance', 'stale']);
  });

  it('needs a reading', () => {
    const d = run(input(status(null, { checkedAt: NOW - MIN }), { history: gone }));
    expect(find(d, 'gift-credit-expired')).toBeUndefined();
  });
});

describe('usage-spike', () => {
  /**
   * Two days at 1.00 an hour up to `quietUntil`, then `fall` spent in the hour after it, then
   * quiet (hourly readings) until now.
   */
  function spikeAt(hoursAgo: number, fall: number, usualPerHour = 1): Snapshot[] {
    const end = NOW - hoursAgo * HOUR;
    const before = steadySpend(end - 49 * HOUR, end - HOUR, HOUR, 0, 500, usualPerHour);
    const left = Number(last(before).rows[0]!.toppedUp) - fall;
    const out = [...before];
    for (let at = end; at <= NOW; at += HOUR) out.push(cny(at, '0.00', left.toFixed(2)));
    return out;
  }

  it('ten times the usual rate: 0.85, with the rates as evidence and key rotation as steps', () => {
    const c = cause(run(withHistory(spikeAt(0, 10))), 'usage-spike');
    expect(c.confidence).toBe(0.85);
    expect(c.evidence).toHaveLength(1);
    expect(c.evidence[0]).toMatchObject({
      kind: 'spend-rate',
      values: { currency: 'CNY', recentPerHourMicros: 10_000_000, usualPerHourMicros: 1_000_000 },
    });
    expect(c.evidence[0]!.text).toBe(
      'Spend in the last 1 h: CN¥10.00 (CN¥10.00/h), about 10× the usual CN¥1.00/h.',
    );
    expect(c.steps.map((s) => [s.id, s.action, s.verify])).toEqual([
      ['check-usage', { kind: 'open-link', link: 'usage' }, null],
      ['create-key', { kind: 'open-link', link: 'apiKeys' }, null],
      ['replace-key', { kind: 'replace-key' }, { kind: 'key-replaced', previousMask: 'sk-…a1b2' }],
      ['recheck', { kind: 'recheck' }, { kind: 'poll-succeeds', after: NOW }],
    ]);
  });

  it('just under ten times: 0.70, the ratio rounded down', () => {
    const c = cause(run(withHistory(spikeAt(0, 9.99))), 'usage-spike');
    expect(c.confidence).toBe(0.7);
    expect(c.evidence[0]!.text).toContain('about 9×');
  });

  it('spend after days of none: 0.85, worded as from zero', () => {
    const c = cause(run(withHistory(spikeAt(0, 5, 0))), 'usage-spike');
    expect(c.confidence).toBe(0.85);
    expect(c.evidence[0]!.values).toMatchObject({
      usualPerHourMicros: 0,
      recentPerHourMicros: 5_000_000,
    });
    expect(c.evidence[0]!.text).toBe(
      'Spend in the last 1 h: CN¥5.00 (CN¥5.00/h), while the previous days showed none.',
    );
  });

  it('a spike up to two hours before now still explains the error; three hours back does not', () => {
    for (const h of [1, 2]) {
      const c = cause(run(withHistory(spikeAt(h, 10))), 'usage-spike');
      expect(c.evidence[0]!.values, String(h)).toMatchObject({ recentPerHourMicros: 10_000_000 });
    }
    expect(find(run(withHistory(spikeAt(3, 10))), 'usage-spike')).toBeUndefined();
  });

  it('reports the steepest of the hours looked at', () => {
    // 30.00 two hours ago, then 8.00 in the last hour.
    const h = spikeAt(2, 30);
    const lastLeft = Number(last(h).rows[0]!.toppedUp);
    h[h.length - 1] = cny(NOW, '0.00', (lastLeft - 8).toFixed(2));
    const c = cause(run(withHistory(h)), 'usage-spike');
    expect(c.evidence[0]!.values).toMatchObject({ recentPerHourMicros: 30_000_000 });
    expect(c.confidence).toBe(0.85);
  });

  it('a keyless account is not told to rotate a key', () => {
    const h = spikeAt(0, 10);
    const demo = status(last(h), { config: { provider: 'demo', keyMask: '' } });
    const c = cause(run(input(demo, { history: h })), 'usage-spike');
    expect(c.steps.map((s) => s.id)).toEqual(['check-usage', 'recheck']);
  });

  it('a pasted 401 caps it at 0.50; a pasted 402 changes nothing', () => {
    const h = spikeAt(0, 10);
    expect(cause(run(withHistory(h, { pastedError: PASTE.py401 })), 'usage-spike').confidence).toBe(
      0.5,
    );
    expect(cause(run(withHistory(h, { pastedError: PASTE.py402 })), 'usage-spike').confidence).toBe(
      0.85,
    );
    const low = spikeAt(0, 9.99);
    expect(
      cause(run(withHistory(low, { pastedError: PASTE.js429 })), 'usage-spike').confidence,
    ).toBe(0.5);
  });

  it('below five times the usual rate is no spike', () => {
    expect(find(run(withHistory(spikeAt(0, 4.9))), 'usage-spike')).toBeUndefined();
  });
});
