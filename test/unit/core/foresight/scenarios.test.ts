import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MIN, T0, UNIT, runWorld } from './world';

const perDay = (units: number) => (units * UNIT) / 24;
/** DeepSeek's off-peak window (16:30-00:30 UTC) costs half: peak hours double the cost. */
const offPeak = (at: number) => {
  const m = Math.floor((at % DAY) / MIN);
  return m >= 16 * 60 + 30 || m < 30;
};

describe('foresight alerts over synthetic histories', () => {
  it('steady burn: one runs-out alert when days left falls to 3, none before or after', async () => {
    // 3 a day; 10 left at start (3.3 days): 3 days left is reached 8 hours later.
    const r = await runWorld({
      balance: 31 * UNIT,
      ratePerHour: () => perDay(3),
      runMs: 12 * HOUR,
    });
    expect(r.kinds).toEqual(['runs-out']);
    const at = r.shown[0]!.at;
    expect(at).toBeGreaterThanOrEqual(T0 + 8 * HOUR);
    expect(at).toBeLessThanOrEqual(T0 + 8 * HOUR + 10 * MIN);
    expect(r.shown[0]!.title).toBe('Runs out in 2.9 days: Work');
    expect(r.shown[0]!.body).toContain('current rate of CN¥3.00 a day');
  });

  it('says nothing at start-up when the account is already inside the warning window', async () => {
    const r = await runWorld({
      balance: 31 * UNIT,
      ratePerHour: () => perDay(3),
      settings: { runOutDays: 4 },
      runMs: 12 * HOUR,
    });
    expect(r.kinds).toEqual([]);
  });

  it('honours the per-account switch for runs-out', async () => {
    const r = await runWorld({
      balance: 31 * UNIT,
      ratePerHour: () => perDay(3),
      account: {
        notify: { ...(await import('../../../../shared/model')).DEFAULT_NOTIFY, 'runs-out': false },
      },
      runMs: 12 * HOUR,
    });
    expect(r.kinds).toEqual([]);
  });

  it('burst: one spike alert about half an hour into a 10x burst, with the multiple, then quiet', async () => {
    const burst = (at: number) => at >= T0 + 2 * HOUR && at < T0 + 5 * HOUR;
    const r = await runWorld({
      balance: 1000 * UNIT,
      ratePerHour: (at) => (burst(at) ? 5 * UNIT : UNIT / 2),
      runMs: 8 * HOUR,
    });
    expect(r.kinds).toEqual(['spike']);
    const at = r.shown[0]!.at;
    expect(at).toBeGreaterThanOrEqual(T0 + 2 * HOUR + 20 * MIN);
    expect(at).toBeLessThanOrEqual(T0 + 2 * HOUR + 40 * MIN);
    expect(r.shown[0]!.title).toBe('Spending spike: Work');
    expect(r.shown[0]!.body).toMatch(/in the last hour, [5-9]× its usual CN¥0\.50 an hour/);
  });

  it('a top-up inside the spike window is not spend, and ending a run-out episode by top-up says nothing', async () => {
    const r = await runWorld({
      // 5 left at 3 a day: inside the 3-day window from the start; topped up an hour in.
      balance: 26 * UNIT,
      ratePerHour: () => perDay(3),
      events: (at, p) => {
        if (at === T0 + HOUR) p.toppedUp += 500 * UNIT;
      },
      settings: { notifyCooldownMin: 0 },
      runMs: 6 * HOUR,
    });
    expect(r.kinds).toEqual([]);
  });

  it('peak pricing: doubled cost by day and a busy peak hour at twice the volume never read as a spike', async () => {
    const busy = (at: number) => at >= T0 + 26 * HOUR && at < T0 + 27 * HOUR;
    const r = await runWorld({
      balance: 5000 * UNIT,
      ratePerHour: (at) => (offPeak(at) ? UNIT : 2 * UNIT) * (busy(at) ? 2 : 1),
      runMs: 48 * HOUR,
    });
    expect(r.kinds).toEqual([]);
  });

  it('a gift expiry (granted credit dropping to zero at once) is neither a spike nor a run-out', async () => {
    const r = await runWorld({
      balance: 200 * UNIT,
      granted: 50 * UNIT,
      ratePerHour: () => UNIT / 5,
      events: (at, p) => {
        if (at === T0 + HOUR) p.granted = 0;
      },
      runMs: 4 * HOUR,
    });
    expect(r.kinds).toEqual([]);
  });

  it('poll failures neither alert nor restart an episode', async () => {
    // Inside the run-out window from the start; polls fail for an hour, then succeed again.
    const r = await runWorld({
      balance: 28 * UNIT,
      ratePerHour: () => perDay(3),
      failAt: (at) => at > T0 + HOUR && at < T0 + 2 * HOUR,
      settings: { notifyCooldownMin: 0 },
      runMs: 4 * HOUR,
    });
    expect(r.kinds).toEqual([]);
  });
});
