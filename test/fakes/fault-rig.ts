/**
 * A monitor wired to the REAL DeepSeek client over real HTTP (the fake server on 127.0.0.1),
 * with scheduling on a FakeClock. `cycle()` fires the next scheduled poll and waits (in real
 * time) until it has finished and the next one is scheduled, so a test can run hundreds of
 * poll cycles in fake hours while every request really goes over a socket.
 *
 *   const rig = createFaultRig({ ds, timeoutMs: 100 });
 *   await rig.start();                 // first poll
 *   const c = await rig.cycle();       // { level, stale, total, errorKind, delayMs, ... }
 *   rig.notes                          // every notification shown
 */
import { createMonitor, type Monitor } from '../../main/core/monitor';
import { createNodeHttp } from '../../main/core/http-node';
import type { Http, Logger, NotificationRequest } from '../../main/core/ports';
import { createDeepSeekProvider } from '../../main/core/providers/deepseek';
import type { Provider } from '../../main/core/providers/provider';
import {
  DEFAULT_NOTIFY,
  DEFAULT_SETTINGS,
  type AccountConfig,
  type AccountStatus,
  type AppSettings,
  type ErrorKind,
  type Level,
} from '../../shared/model';
import { FAKE_DEEPSEEK_KEY, type FakeDeepSeek } from './deepseek-server';
import { FakeClock } from './fake-clock';
import { createMemorySecretStore, type MemorySecretStore } from './memory-secret-store';
import { MemoryHistory } from './memory-history';

/** One finished poll as the user would see it, plus the delay the scheduler chose after it. */
export interface CycleRecord {
  at: number;
  level: Level;
  stale: boolean;
  total: string | null;
  errorKind: ErrorKind | null;
  errorMessage: string | null;
  /** nextCheckAt - now: the scheduled wait before the next poll. */
  delayMs: number;
}

export interface FaultRigOptions {
  ds: FakeDeepSeek;
  http?: Http;
  /** The client's per-request timeout; generous by default so a loaded machine never fakes a fault. */
  timeoutMs?: number;
  accounts?: number;
  settings?: Partial<AppSettings>;
}

/** Balance requests as the provider saw them, from call to parsed answer (body included). */
export interface PollStats {
  calls: number;
  inFlight: number;
  maxInFlight: number;
}

export interface FaultRig {
  clock: FakeClock;
  monitor: Monitor;
  secrets: MemorySecretStore;
  history: MemoryHistory;
  notes: NotificationRequest[];
  /** logger.error lines: the core logs a bug there (a provider or poll that threw). */
  bugs: string[];
  accounts: AccountConfig[];
  stats: PollStats;
  /** Changes the client timeout from the next request on (short only while a hang is tested). */
  setTimeoutMs(ms: number): void;
  status(id?: string): AccountStatus;
  /** Starts monitoring and waits for the first poll of every account. */
  start(): Promise<CycleRecord>;
  /** Fires the next due poll(s) and waits until every account is scheduled again. */
  cycle(): Promise<CycleRecord>;
  /** Waits (real time) until no poll is running and every account has its next check. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** The rig's account shape: DeepSeek on the fake server, default notification prefs. */
export function faultAccount(id: string, baseUrl: string): AccountConfig {
  return {
    id,
    label: `Key ${id}`,
    provider: 'deepseek',
    baseUrl,
    headlineCurrency: 'auto',
    thresholds: null,
    budget: { kind: 'none' },
    pollIntervalSec: null,
    notify: { ...DEFAULT_NOTIFY },
    keyMask: 'sk-…c18b',
    createdAt: 0,
  };
}

/** Resolves after `ms` of real time. */
export const realDelay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Builds the rig; nothing polls until `start()`. */
export function createFaultRig(opts: FaultRigOptions): FaultRig {
  const clock = new FakeClock();
  const http = opts.http ?? createNodeHttp();
  let timeoutMs = opts.timeoutMs ?? 10_000;
  const stats: PollStats = { calls: 0, inFlight: 0, maxInFlight: 0 };
  const client = () => createDeepSeekProvider({ http, timeoutMs, now: () => clock.now() });
  const provider: Provider = {
    ...client(),
    async fetchBalance(req) {
      stats.calls++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        return await client().fetchBalance(req);
      } finally {
        stats.inFlight--;
      }
    },
  };
  const secrets = createMemorySecretStore();
  const history = new MemoryHistory();
  const notes: NotificationRequest[] = [];
  const bugs: string[] = [];
  const logger: Logger = { info: () => {}, warn: () => {}, error: (m) => void bugs.push(m) };
  const monitor = createMonitor({
    clock,
    providers: { deepseek: provider },
    secrets,
    history,
    notifier: { show: (n) => void notes.push(n) },
    logger,
    random: () => 0.5, // jitter factor exactly 1: scheduled delays are exact
  });
  const accounts = Array.from({ length: opts.accounts ?? 1 }, (_, i) => faultAccount(`acc${i}`, opts.ds.url));
  for (const a of accounts) secrets.entries.set(a.id, FAKE_DEEPSEEK_KEY);
  const settings: AppSettings = { ...DEFAULT_SETTINGS, ...opts.settings };

  const status = (id = accounts[0]!.id) => {
    const s = monitor.status(id);
    if (!s) throw new Error(`no status for ${id}`);
    return s;
  };
  const record = (): CycleRecord => {
    const s = status();
    return {
      at: clock.now(),
      level: s.level,
      stale: s.stale,
      total: s.headline?.total ?? null,
      errorKind: s.error?.kind ?? null,
      errorMessage: s.error?.message ?? null,
      delayMs: s.nextCheckAt === null ? NaN : s.nextCheckAt - clock.now(),
    };
  };
  const idle = async () => {
    const deadline = Date.now() + 15_000;
    while (!accounts.every((a) => monitor.status(a.id)?.nextCheckAt != null)) {
      if (Date.now() > deadline) throw new Error('a poll did not finish within 15 s of real time');
      await realDelay(2);
    }
  };

  return {
    clock,
    monitor,
    secrets,
    history,
    notes,
    bugs,
    accounts,
    stats,
    setTimeoutMs: (ms) => void (timeoutMs = ms),
    status,
    async start() {
      monitor.setAccounts(accounts, settings, 'en-US');
      await idle();
      return record();
    },
    async cycle() {
      const due = clock.nextDue();
      if (due === null) throw new Error('nothing is scheduled');
      await clock.advance(due - clock.now());
      await idle();
      return record();
    },
    idle,
    stop: () => monitor.stop(),
  };
}
