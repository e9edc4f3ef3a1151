/**
 * A Clock for tests: time moves only when the test says so. `advance` fires due timers in
 * time order at their due time (as if the machine was awake); `sleep` jumps time forward
 * and then fires every overdue timer once, late; `suspend` models timers on a monotonic clock
 * that stands still during sleep (they fire late in wall time, one by one).
 * Both let promise chains settle after every timer, so `await clock.advance(ms)` sees the
 * effects of async work (a scripted provider answering, history appends...).
 */
import type { Clock } from '../../main/core/ports';

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

/** Lets pending promise chains (microtasks and immediates) run to completion. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, due: this.current + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Timers still waiting. */
  pending(): number {
    return this.timers.length;
  }

  /** Due time of the earliest timer, or null. */
  nextDue(): number | null {
    return this.timers.reduce<number | null>(
      (min, t) => (min === null || t.due < min ? t.due : min),
      null,
    );
  }

  /** Moves time forward by `ms`, firing each timer at its due time, in order (ties by creation). */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    for (;;) {
      const next = this.takeDue(target);
      if (!next) break;
      this.current = Math.max(this.current, next.due);
      next.fn();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** Jumps `ms` without firing anything on the way, then fires every overdue timer once. */
  async sleep(ms: number): Promise<void> {
    this.current += ms;
    await this.advance(0);
  }

  /**
   * A suspend as real timers see it: wall time jumps `ms` but timers run on a monotonic clock
   * that stood still, so each fires with the time it had left, now late by `ms` in wall time.
   */
  suspend(ms: number): void {
    this.current += ms;
    for (const t of this.timers) t.due += ms;
  }

  private takeDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers)
      if (t.due <= limit && (!best || t.due < best.due || (t.due === best.due && t.id < best.id)))
        best = t;
    if (best) this.timers = this.timers.filter((t) => t !== best);
    return best;
  }
}
