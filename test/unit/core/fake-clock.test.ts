import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../fakes/fake-clock';

describe('FakeClock (test support for the poller and monitor)', () => {
  it('fires due timers in time order, each at its own time', async () => {
    const clock = new FakeClock(0);
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 200);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 100);
    const cancelled = clock.setTimeout(() => fired.push(['x', clock.now()]), 150);
    clock.clearTimeout(cancelled);
    await clock.advance(150);
    expect(fired).toEqual([['a', 100]]);
    await clock.advance(100);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 200],
    ]);
    expect(clock.now()).toBe(250);
  });

  it('lets async work started by a timer settle before advance resolves, including timers it sets', async () => {
    const clock = new FakeClock(0);
    const log: number[] = [];
    const tick = async (): Promise<void> => {
      await Promise.resolve();
      await new Promise<void>((r) => setImmediate(r));
      log.push(clock.now());
      clock.setTimeout(() => void tick(), 10);
    };
    clock.setTimeout(() => void tick(), 10);
    await clock.advance(35);
    expect(log).toEqual([10, 20, 30]);
  });

  it('sleep fires each overdue timer once; suspend delays timers by the sleep', async () => {
    const clock = new FakeClock(0);
    let count = 0;
    clock.setTimeout(() => count++, 10);
    await clock.sleep(1000);
    expect(count).toBe(1);
    clock.setTimeout(() => count++, 10);
    clock.suspend(1000);
    await clock.advance(9);
    expect(count).toBe(1);
    await clock.advance(1);
    expect(count).toBe(2);
  });
});
