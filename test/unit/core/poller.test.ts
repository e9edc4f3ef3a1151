import { describe, expect, it } from 'vitest';
import { createPoller, type PollOutcome } from '../../../main/core/poller';
import { FakeClock, settle } from '../../fakes/fake-clock';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/** A poll function that records call times per account and answers from `outcome`. */
function recorder(clock: FakeClock) {
  const times: Record<string, number[]> = {};
  let inFlight = 0;
  let maxInFlight = 0;
  let gate: Promise<void> | null = null;
  let open: () => void = () => {};
  const r = {
    times,
    outcome: (_id: string): PollOutcome => ({ ok: true }),
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return inFlight;
    },
    total: () => Object.values(times).reduce((n, t) => n + t.length, 0),
    hold() {
      gate = new Promise<void>((res) => (open = res));
    },
    release() {
      gate = null;
      open();
    },
    poll: async (id: string, _signal: AbortSignal): Promise<PollOutcome> => {
      (times[id] ??= []).push(clock.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (gate) await gate;
        return r.outcome(id);
      } finally {
        inFlight--;
      }
    },
  };
  return r;
}

const gaps = (t: number[]) => t.slice(1).map((x, i) => x - (t[i] as number));

function setup(random = () => 0.5, concurrency?: number) {
  const clock = new FakeClock();
  const rec = recorder(clock);
  const poller = createPoller({
    clock,
    poll: rec.poll,
    random,
    ...(concurrency ? { concurrency } : {}),
  });
  return { clock, rec, poller, t0: clock.now() };
}

describe('poller', () => {
  it('polls a new account at once, then every interval', async () => {
    const { clock, rec, poller, t0 } = setup();
    poller.set([{ id: 'a', intervalMs: 5 * MIN }]);
    await clock.advance(16 * MIN);
    expect(rec.times.a).toEqual([t0, t0 + 5 * MIN, t0 + 10 * MIN, t0 + 15 * MIN]);
    await poller.stop();
  });

  it('adds up to ±10% jitter from the injected random source', async () => {
    const { clock, rec, poller } = setup(() => 1);
    poller.set([{ id: 'a', intervalMs: 100 * SEC }]);
    await clock.advance(300 * SEC);
    expect(gaps(rec.times.a ?? [])).toEqual([110 * SEC, 110 * SEC]);
    const low = setup(() => 0);
    low.poller.set([{ id: 'a', intervalMs: 100 * SEC }]);
    await low.clock.advance(300 * SEC);
    expect(gaps(low.rec.times.a ?? [])).toEqual([90 * SEC, 90 * SEC, 90 * SEC]);
  });

  it('never polls faster than MIN_POLL_SEC', async () => {
    const { clock, rec, poller } = setup();
    poller.set([{ id: 'a', intervalMs: 1 * SEC }]);
    await clock.advance(61 * SEC);
    expect(gaps(rec.times.a ?? [])).toEqual([30 * SEC, 30 * SEC]);
  });

  it('never runs two polls of one account at once: a refresh joins the running one', async () => {
    const { clock, rec, poller } = setup();
    rec.hold();
    poller.set([{ id: 'a', intervalMs: 5 * MIN }]);
    await settle();
    const joined = [poller.pollNow('a'), poller.pollNow('a'), poller.pollNow()];
    await clock.advance(20 * MIN);
    expect(rec.times.a).toHaveLength(1);
    expect(rec.maxInFlight).toBe(1);
    rec.release();
    await Promise.all(joined);
    expect(rec.times.a).toHaveLength(1);
    await poller.pollNow('a');
    expect(rec.times.a).toHaveLength(2);
    await poller.stop();
  });

  it('backs off by doubling from the base on failure, capped at 30 minutes, and resets on success', async () => {
    const { clock, rec, poller } = setup();
    let failing = true;
    rec.outcome = () => ({ ok: !failing });
    poller.set([{ id: 'a', intervalMs: 5 * MIN }]);
    await clock.advance(2 * HOUR + 1);
    expect(gaps(rec.times.a ?? []).slice(0, 5)).toEqual([
      10 * MIN,
      20 * MIN,
      30 * MIN,
      30 * MIN,
      30 * MIN,
    ]);
    failing = false;
    const before = rec.times.a?.length ?? 0;
    await clock.advance(45 * MIN);
    // The next (capped) attempt succeeds; from it on the plain 5-minute interval is back.
    const afterSuccess = gaps((rec.times.a ?? []).slice(before));
    expect(afterSuccess.length).toBeGreaterThanOrEqual(2);
    expect(new Set(afterSuccess)).toEqual(new Set([5 * MIN]));
    await poller.stop();
  });

  it('honours a 429 Retry-After when it is longer than the backoff, and only then', async () => {
    const { clock, rec, poller } = setup();
    const answers: PollOutcome[] = [
      { ok: false, retryAfterMs: HOUR },
      { ok: false, retryAfterMs: 5 * SEC },
      { ok: true },
    ];
    rec.outcome = () => answers.shift() ?? { ok: true };
    poller.set([{ id: 'a', intervalMs: 5 * MIN }]);
    await clock.advance(3 * HOUR);
    const g = gaps(rec.times.a ?? []);
    expect(g[0]).toBe(HOUR);
    expect(g[1]).toBe(20 * MIN); // second failure: backoff (4x base) beats a 5 s Retry-After
    expect(g[2]).toBe(5 * MIN);
    await poller.stop();
  });

  it('polls each account once after a 10-hour sleep, not once per missed interval', async () => {
    const { clock, rec, poller } = setup();
    poller.set(Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, intervalMs: 5 * MIN })));
    await clock.advance(1 * SEC);
    expect(rec.total()).toBe(10);
    await clock.sleep(10 * HOUR);
    expect(rec.total()).toBe(20);
    poller.onResume(); // the OS resume event arriving after the drift was noticed adds nothing
    await settle();
    expect(rec.total()).toBe(20);
    await clock.advance(5 * MIN + 1);
    expect(rec.total()).toBe(30);
    await poller.stop();
  });

  it('treats a timer firing far too late as a resume and polls every account at once', async () => {
    const { clock, rec, poller } = setup();
    // Staggered accounts: their next polls are spread over the coming minutes.
    for (let i = 0; i < 5; i++) {
      poller.set(Array.from({ length: i + 1 }, (_, j) => ({ id: `a${j}`, intervalMs: 5 * MIN })));
      await clock.advance(MIN);
    }
    const before = rec.total();
    clock.suspend(10 * HOUR);
    await clock.advance(MIN + 1); // only the earliest timer is due by now
    expect(rec.total()).toBe(before + 5);
    await poller.stop();
  });

  it('onResume and onOnline poll every account once, at once', async () => {
    const { clock, rec, poller } = setup();
    poller.set([
      { id: 'a', intervalMs: 10 * MIN },
      { id: 'b', intervalMs: 10 * MIN },
    ]);
    await clock.advance(2 * MIN);
    expect(rec.total()).toBe(2);
    poller.onOnline();
    poller.onResume();
    await settle();
    expect(rec.total()).toBe(4);
    await poller.stop();
  });

  it('keeps at most 4 polls in flight with 50 accounts, and polls them all', async () => {
    const { clock, rec, poller } = setup();
    rec.hold();
    poller.set(Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, intervalMs: 5 * MIN })));
    await clock.advance(1 * SEC);
    expect(rec.inFlight).toBe(4);
    rec.release();
    await clock.advance(1 * SEC);
    expect(rec.total()).toBe(50);
    expect(rec.maxInFlight).toBe(4);
    await poller.stop();
  });

  it('boosts an account to fast re-checks until the given time, then returns to normal', async () => {
    const { clock, rec, poller, t0 } = setup();
    poller.set([{ id: 'a', intervalMs: 5 * MIN }]);
    await clock.advance(1 * SEC);
    poller.boost('a', 30 * SEC, t0 + 2 * MIN);
    await clock.advance(10 * MIN);
    // Boosted from t0+1s: polls at +31s, +61s, +91s, +121s (boost over), then every 5 min again.
    expect(gaps(rec.times.a ?? [])).toEqual([31 * SEC, 30 * SEC, 30 * SEC, 30 * SEC, 5 * MIN]);
    await poller.stop();
  });

  it('uses a changed interval from the next schedule, and stops polling removed accounts', async () => {
    const { clock, rec, poller } = setup();
    poller.set([
      { id: 'a', intervalMs: 5 * MIN },
      { id: 'b', intervalMs: 5 * MIN },
    ]);
    await clock.advance(1 * SEC);
    poller.set([{ id: 'a', intervalMs: 1 * MIN }]);
    expect(poller.nextAt('b')).toBeNull();
    await clock.advance(7 * MIN);
    expect(gaps(rec.times.a ?? [])).toEqual([5 * MIN, 1 * MIN, 1 * MIN]);
    expect(rec.times.b).toHaveLength(1);
    await poller.stop();
  });

  it('stop cancels timers and waits for the poll in flight', async () => {
    const { clock, rec, poller } = setup();
    rec.hold();
    poller.set([{ id: 'a', intervalMs: 5 * MIN }]);
    await settle();
    let stopped = false;
    const stopping = poller.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    rec.release();
    await stopping;
    expect(clock.pending()).toBe(0);
    await clock.advance(HOUR);
    expect(rec.total()).toBe(1);
  });
});
