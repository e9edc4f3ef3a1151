/**
 * The one story every provider fault is put through (table-driven by the *.test.ts files in
 * this folder), with the real DeepSeek client on real sockets and the poller on a fake clock:
 *
 *   healthy (110.00) -> FAULT for 5 polls while the balance drops to 15.00 behind it
 *   -> fault clears: 'low' -> FAULT for 2 polls while it drops to 0.00 -> clears: 'depleted'
 *   -> topped up to 110.00: 'recovered' -> one more quiet poll.
 *
 * Checked on every poll: no crash and no logged bug, the last good value kept and marked
 * stale during the fault, the scheduled delays growing to the cap (or honouring Retry-After),
 * recovery on the first poll after the fault clears with the base interval restored, and
 * exactly three notifications in the whole story, one per real change (low, depleted, recovered).
 */
import { expect } from 'vitest';
import { BACKOFF_CAP_MS, MAX_RETRY_AFTER_MS } from '../../../main/core/poller';
import type { ErrorKind } from '../../../shared/model';
import { ZERO_USD_ROW, cnyRow, type FakeDeepSeek } from '../../fakes/deepseek-server';
import { createFaultRig, type CycleRecord, type FaultRig, type FaultRigOptions } from '../../fakes/fault-rig';

export const BASE_MS = 300_000;

/** One row of a fault table. */
export interface FaultCase {
  name: string;
  inject(ds: FakeDeepSeek): void;
  clear(ds: FakeDeepSeek): void;
  /** The error kind(s) the user sees during the fault. */
  kinds: ErrorKind[];
  /** The plain-words message must match. */
  message: RegExp;
  /** Retry-After the server sends, in ms (the scheduler must wait at least this long). */
  retryAfterMs?: number;
  /** A short client timeout used only during the fault (hangs and stalls). */
  timeoutMs?: number;
}

/** Unhandled rejections seen while scenarios run (vitest would also fail the run on them). */
export const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => void unhandled.push(reason));

/** Totals over every scenario run in one file, for the report line. */
export const tally = { scenarios: 0, faultsInjected: 0, cycles: 0, notifications: 0 };

/** The delay expected after the n-th consecutive failure (n >= 1), jitter fixed at zero. */
export function expectedBackoff(n: number, retryAfterMs = 0): number {
  const backoff = Math.max(BASE_MS, Math.min(BASE_MS * 2 ** n, BACKOFF_CAP_MS));
  return Math.max(backoff, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

const inject = (rig: FaultRig, fc: FaultCase, ds: FakeDeepSeek) => {
  if (fc.timeoutMs) rig.setTimeoutMs(fc.timeoutMs);
  fc.inject(ds);
};
const clear = (rig: FaultRig, fc: FaultCase, ds: FakeDeepSeek) => {
  fc.clear(ds);
  rig.setTimeoutMs(10_000);
};

const setTotal = (ds: FakeDeepSeek, total: string) => ds.setBalance({ rows: [cnyRow(total), ZERO_USD_ROW], available: true });

async function faultStretch(rig: FaultRig, fc: FaultCase, polls: number, keptTotal: string): Promise<CycleRecord[]> {
  const out: CycleRecord[] = [];
  for (let i = 1; i <= polls; i++) {
    const c = await rig.cycle();
    tally.cycles++;
    tally.faultsInjected++;
    const where = `${fc.name}, fault poll ${i}`;
    expect(c.level, where).toBe('stale');
    expect(c.stale, where).toBe(true);
    expect(c.total, `${where}: the last good value is kept`).toBe(keptTotal);
    expect(fc.kinds, where).toContain(c.errorKind);
    expect(c.errorMessage, where).toMatch(fc.message);
    expect(c.delayMs, `${where}: backoff`).toBe(expectedBackoff(i, fc.retryAfterMs));
    out.push(c);
  }
  return out;
}

/** Runs the whole story for one fault on a fresh monitor; `ds` is reset first. */
export async function runFaultScenario(fc: FaultCase, opts: FaultRigOptions): Promise<void> {
  opts.ds.reset();
  setTotal(opts.ds, '110.00');
  const rig = createFaultRig(opts);
  tally.scenarios++;
  try {
    const first = await rig.start();
    tally.cycles++;
    expect(first).toMatchObject({ level: 'healthy', total: '110.00', delayMs: BASE_MS });
    expect((await rig.cycle()).delayMs).toBe(BASE_MS);
    tally.cycles++;

    // The balance drops to 15.00 while the fault hides it.
    setTotal(opts.ds, '15.00');
    inject(rig, fc, opts.ds);
    const stretch = await faultStretch(rig, fc, 5, '110.00');
    const delays = stretch.map((c) => c.delayMs);
    expect(delays[delays.length - 1], `${fc.name}: the backoff reaches its cap`).toBe(expectedBackoff(99, fc.retryAfterMs));
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(rig.notes, `${fc.name}: a fault alone never notifies`).toHaveLength(0);

    clear(rig, fc, opts.ds);
    const clearedAt = rig.clock.now();
    const promised = rig.status().nextCheckAt!;
    const low = await rig.cycle();
    tally.cycles++;
    expect(low.at, `${fc.name}: recovery on the first poll after the fault clears`).toBe(promised);
    expect(low.at - clearedAt).toBeLessThanOrEqual(stretch[stretch.length - 1]!.delayMs);
    expect(low).toMatchObject({ level: 'low', stale: false, total: '15.00', errorKind: null, delayMs: BASE_MS });
    expect(rig.notes.map((n) => n.kind)).toEqual(['low']);

    setTotal(opts.ds, '0.00');
    inject(rig, fc, opts.ds);
    await faultStretch(rig, fc, 2, '15.00');
    clear(rig, fc, opts.ds);
    expect(await rig.cycle()).toMatchObject({ level: 'depleted', stale: false, total: '0.00', delayMs: BASE_MS });
    setTotal(opts.ds, '110.00');
    expect(await rig.cycle()).toMatchObject({ level: 'healthy', stale: false, total: '110.00' });
    expect(await rig.cycle()).toMatchObject({ level: 'healthy', stale: false });
    tally.cycles += 3;

    expect(rig.notes.map((n) => n.kind), `${fc.name}: one notification per real change`).toEqual(['low', 'depleted', 'recovered']);
    tally.notifications += rig.notes.length;
    expect(rig.bugs, `${fc.name}: nothing logged as a bug`).toEqual([]);
    expect(unhandled, `${fc.name}: no unhandled rejection`).toEqual([]);
  } finally {
    fc.clear(opts.ds); // a failed row must not leak its fault into the next one
    await rig.stop();
  }
}
