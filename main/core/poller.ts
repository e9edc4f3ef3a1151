/**
 * One timer per account on the Clock port, with the rules a polite background monitor needs:
 * jitter so many installs do not hit the server in lockstep; never two polls of one account
 * at once (an on-demand refresh joins the running one); a concurrency limit across accounts;
 * exponential backoff on failure that honours a longer Retry-After; one round (not one per
 * missed interval) after sleep or a network change; short "boosts" while the user is fixing
 * something (topping up, replacing a key).
 */
import { MIN_POLL_SEC } from '../../shared/model';
import type { Clock, Logger } from './ports';

/** What a poll tells the scheduler: success resets backoff; a failure may carry Retry-After. */
export interface PollOutcome {
  ok: boolean;
  retryAfterMs?: number | null;
}
export type PollFn = (id: string, signal: AbortSignal) => Promise<PollOutcome>;

export const BACKOFF_CAP_MS = 30 * 60_000;
/**
 * The longest Retry-After obeyed. A balance check is never legitimately rate limited for
 * longer; a broken proxy sending years would silence the account for good (and past
 * 2^31-1 ms Node's setTimeout fires at once, turning "wait" into a tight polling loop).
 */
export const MAX_RETRY_AFTER_MS = 6 * 3600_000;
export const JITTER_SHARE = 0.1;
export const DEFAULT_CONCURRENCY = 4;
export const MIN_INTERVAL_MS = MIN_POLL_SEC * 1000;
/** A timer firing this late means the process was suspended: treat it as a resume. */
export const RESUME_DRIFT_MS = 60_000;

export interface PollerOptions {
  clock: Clock;
  poll: PollFn;
  random?: () => number;
  concurrency?: number;
  logger?: Logger;
  /** Called whenever an account's next poll is (re)scheduled, e.g. to publish nextCheckAt. */
  onScheduled?: (id: string) => void;
}

export interface Poller {
  /** Adds new accounts (polled at once), updates intervals (used from the next schedule), drops the rest. */
  set(entries: { id: string; intervalMs: number }[]): void;
  /** Polls now (all when id is omitted); joins a poll already running. Resolves when done. */
  pollNow(id?: string): Promise<void>;
  onResume(): void;
  onOnline(): void;
  /** Polls every `intervalMs` (>= MIN_POLL_SEC) until epoch ms `untilMs`, then back to normal. */
  boost(id: string, intervalMs: number, untilMs: number): void;
  nextAt(id: string): number | null;
  stop(): Promise<void>;
}

interface Entry {
  id: string;
  intervalMs: number;
  failures: number;
  timer: unknown;
  dueAt: number | null;
  inflight: Promise<void> | null;
  controller: AbortController | null;
  boost: { intervalMs: number; until: number } | null;
  lastStart: number | null;
  removed: boolean;
}

/** A counting semaphore whose waiters can all be dismissed (on stop). */
function semaphore(limit: number) {
  let free = limit;
  const waiters: ((release: (() => void) | null) => void)[] = [];
  const release = (): void => {
    const next = waiters.shift();
    if (next) next(release);
    else free++;
  };
  return {
    acquire(): Promise<(() => void) | null> {
      if (free > 0) {
        free--;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => waiters.push(resolve));
    },
    dismissAll(): void {
      for (const w of waiters.splice(0)) w(null);
    },
  };
}

/** Creates the scheduler; nothing runs until `set` adds accounts. */
export function createPoller(opts: PollerOptions): Poller {
  const { clock, poll, logger } = opts;
  const random = opts.random ?? Math.random;
  const sem = semaphore(Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY));
  const entries = new Map<string, Entry>();
  let stopped = false;

  const clearTimer = (e: Entry): void => {
    if (e.timer !== null) clock.clearTimeout(e.timer);
    e.timer = null;
    e.dueAt = null;
  };

  const setTimer = (e: Entry, delay: number): void => {
    clearTimer(e);
    e.dueAt = clock.now() + delay;
    e.timer = clock.setTimeout(() => fire(e), delay);
    opts.onScheduled?.(e.id);
  };

  /** Base interval (boosted while a boost lasts), doubled per consecutive failure, jittered. */
  const nextDelay = (e: Entry, outcome: PollOutcome): number => {
    if (e.boost && clock.now() >= e.boost.until) e.boost = null;
    const base = e.boost?.intervalMs ?? e.intervalMs;
    e.failures = outcome.ok ? 0 : e.failures + 1;
    const raw = outcome.ok
      ? base
      : Math.max(base, Math.min(base * 2 ** e.failures, BACKOFF_CAP_MS));
    const jittered = Math.round(raw * (1 + (random() * 2 - 1) * JITTER_SHARE));
    // The server's own Retry-After wins when it asks for longer: jitter never shortens it.
    const retryAfter = Math.min(outcome.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
    return Math.max(jittered, outcome.ok ? 0 : retryAfter);
  };

  const run = (e: Entry): Promise<void> => {
    if (e.inflight) return e.inflight;
    if (stopped || e.removed) return Promise.resolve();
    clearTimer(e);
    const job = (async () => {
      const release = await sem.acquire();
      if (!release) return;
      let outcome: PollOutcome = { ok: false };
      try {
        if (stopped || e.removed) return;
        e.lastStart = clock.now();
        e.controller = new AbortController();
        outcome = await poll(e.id, e.controller.signal);
      } catch (thrown) {
        logger?.error('poll threw (a bug)', { account: e.id, error: String(thrown) });
      } finally {
        e.controller = null;
        release();
      }
      if (!stopped && !e.removed) setTimer(e, nextDelay(e, outcome));
    })();
    e.inflight = job.finally(() => {
      e.inflight = null;
    });
    return e.inflight;
  };

  /** One round: every account not already polling and not polled in the last MIN_POLL_SEC. */
  const round = (): void => {
    const now = clock.now();
    for (const e of entries.values()) {
      if (e.inflight || (e.lastStart !== null && now - e.lastStart < MIN_INTERVAL_MS)) continue;
      void run(e);
    }
  };

  const fire = (e: Entry): void => {
    const late = e.dueAt === null ? 0 : clock.now() - e.dueAt;
    e.timer = null;
    if (late > RESUME_DRIFT_MS) {
      logger?.info('timer fired late: treating as resume', { lateMs: late });
      e.dueAt = null;
      round();
      return;
    }
    void run(e);
  };

  return {
    set(list) {
      if (stopped) return;
      const keep = new Set(list.map((x) => x.id));
      for (const e of entries.values()) {
        if (keep.has(e.id)) continue;
        e.removed = true;
        clearTimer(e);
        e.controller?.abort();
        entries.delete(e.id);
      }
      for (const { id, intervalMs } of list) {
        const interval = Math.max(MIN_INTERVAL_MS, intervalMs);
        const existing = entries.get(id);
        if (existing) {
          existing.intervalMs = interval;
          continue;
        }
        const e: Entry = {
          id,
          intervalMs: interval,
          failures: 0,
          timer: null,
          dueAt: null,
          inflight: null,
          controller: null,
          boost: null,
          lastStart: null,
          removed: false,
        };
        entries.set(id, e);
        void run(e);
      }
    },
    async pollNow(id) {
      if (id !== undefined) {
        const e = entries.get(id);
        if (e) await run(e);
        return;
      }
      await Promise.all([...entries.values()].map(run));
    },
    onResume: round,
    onOnline: round,
    boost(id, intervalMs, untilMs) {
      const e = entries.get(id);
      if (!e || stopped) return;
      const interval = Math.max(MIN_INTERVAL_MS, intervalMs);
      e.boost = { intervalMs: interval, until: untilMs };
      if (!e.inflight && (e.dueAt === null || e.dueAt > clock.now() + interval))
        setTimer(e, interval);
    },
    nextAt: (id) => entries.get(id)?.dueAt ?? null,
    async stop() {
      stopped = true;
      sem.dismissAll();
      const running: Promise<void>[] = [];
      for (const e of entries.values()) {
        clearTimer(e);
        e.controller?.abort();
        if (e.inflight) running.push(e.inflight);
      }
      await Promise.allSettled(running);
    },
  };
}
