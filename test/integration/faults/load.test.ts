/**
 * Load: 50 accounts polled over real HTTP with bounded concurrency (counted at the provider:
 * never more than the limit in flight, and the limit actually used), and no timer pile-up
 * after a long sleep: a laptop that wakes after 10 hours does one round, not hundreds.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY } from '../../../main/core/poller';
import { startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';
import { createFaultRig } from '../../fakes/fault-rig';

let ds: FakeDeepSeek;
const count = { polls: 0 };
// A fresh server per test: a late request from one test must never be counted in the next.
beforeEach(async () => {
  ds = await startFakeDeepSeek();
});
afterEach(async () => {
  await ds.close();
});
afterAll(() => {
  console.log(`[faults/load] ${count.polls} polls of 50 accounts`);
});

const BALANCE = { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '0.00', topped_up_balance: '110.00' }] };
const HOURS_10 = 10 * 3600_000;

describe('50 accounts', () => {
  it(`polls them over real HTTP with at most ${DEFAULT_CONCURRENCY} requests in flight, round after round`, async () => {
    ds.setPersistent({ kind: 'delay', ms: 10, then: { kind: 'json', body: BALANCE } });
    const rig = createFaultRig({ ds, accounts: 50 });
    try {
      await rig.start();
      for (let i = 0; i < 2; i++) await rig.cycle();
      count.polls += rig.stats.calls;
      expect(rig.stats.calls).toBe(3 * 50);
      expect(ds.count()).toBe(3 * 50);
      expect(rig.stats.maxInFlight).toBe(DEFAULT_CONCURRENCY);
      expect(rig.accounts.every((a) => rig.monitor.status(a.id)?.level === 'healthy')).toBe(true);
      expect(rig.bugs).toEqual([]);
    } finally {
      await rig.stop();
    }
  });

  it('keeps the limit when every request hangs until its timeout, and polls all 50 anyway', async () => {
    ds.setPersistent({ kind: 'hang' });
    const rig = createFaultRig({ ds, accounts: 50, timeoutMs: 200 });
    try {
      await rig.start();
      count.polls += rig.stats.calls;
      expect(rig.stats.calls).toBe(50);
      expect(rig.stats.maxInFlight).toBe(DEFAULT_CONCURRENCY);
      expect(rig.accounts.every((a) => rig.monitor.status(a.id)?.error?.kind === 'timeout')).toBe(true);
    } finally {
      await rig.stop();
    }
  });

  it.each([
    ['sleep (wall-clock timers all overdue at once)', 'sleep'],
    ['suspend (monotonic timers, each firing 10 h late)', 'suspend'],
  ] as const)('after a 10-hour %s: exactly one round of 50 polls, one timer per account, then the normal rhythm', async (_name, how) => {
    const rig = createFaultRig({ ds, accounts: 50 });
    try {
      await rig.start();
      await rig.cycle();
      expect(rig.stats.calls).toBe(100);
      if (how === 'sleep') await rig.clock.sleep(HOURS_10);
      else {
        rig.clock.suspend(HOURS_10);
        await rig.clock.advance(300_000);
      }
      rig.monitor.onResume(); // the OS also says "resumed": must not add a second round
      await rig.idle();
      rig.monitor.onResume(); // ...and again a moment later, after the round finished
      rig.monitor.onOnline(); // ...and the network comes back too
      await rig.idle();
      await rig.clock.advance(0);
      expect(rig.stats.calls, 'one round after waking, not one per missed interval (120 each)').toBe(150);
      expect(ds.count()).toBe(150);
      expect(rig.clock.pending(), 'no timer pile-up').toBe(50);
      await rig.cycle();
      expect(rig.stats.calls).toBe(200);
      count.polls += rig.stats.calls;
      expect(rig.accounts.every((a) => rig.monitor.status(a.id)?.level === 'healthy')).toBe(true);
    } finally {
      await rig.stop();
    }
  });
});
