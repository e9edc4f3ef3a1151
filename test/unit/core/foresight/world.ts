/**
 * A simulated account for foresight tests: a week of history before the monitor starts, then
 * the same world answering each poll with the reading at the fake clock's time. Spending,
 * top-ups and gift expiries are given as functions of time, in micro-units.
 */
import { createMonitor } from '../../../../main/core/monitor';
import type { Logger, NotificationRequest } from '../../../../main/core/ports';
import type { BalancePoint } from '../../../../shared/analytics';
import { microsToDecimal } from '../../../../shared/money';
import {
  DEFAULT_SETTINGS,
  type AccountConfig,
  type AppSettings,
  type Snapshot,
} from '../../../../shared/model';
import { err, ok } from '../../../../shared/result';
import { testAccount } from '../../../fakes/account-fixture';
import { FakeClock } from '../../../fakes/fake-clock';
import { MemoryHistory } from '../../../fakes/memory-history';
import { providerError, scriptedProvider } from '../../../fakes/scripted-provider';
import { DAY, HOUR, MIN, UNIT, spendSeries } from '../../shared/analytics/series';

export { DAY, HOUR, MIN, UNIT };
export const T0 = Date.UTC(2026, 0, 8);
const STEP = 5 * MIN;
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export interface WorldSpec {
  /** Topped-up and granted credit a week before T0. */
  balance: number;
  granted?: number;
  /** Spend rate in micro-units an hour at time `at`. */
  ratePerHour: (at: number) => number;
  /** Changes the account outside spending (a top-up, an expiry) at `at`. */
  events?: (at: number, p: BalancePoint) => void;
  /** Poll times (epoch ms) that fail with a server error. */
  failAt?: (at: number) => boolean;
  settings?: Partial<AppSettings>;
  account?: Partial<AccountConfig>;
  /** How long to run after T0. */
  runMs: number;
}

const snap = (p: BalancePoint): Snapshot => ({
  at: p.at,
  available: true,
  rows: [
    {
      currency: 'CNY',
      total: microsToDecimal(p.total),
      granted: microsToDecimal(p.granted),
      toppedUp: microsToDecimal(p.toppedUp),
    },
  ],
});

/** Runs the monitor over the world; returns every notification with the time it was shown. */
export async function runWorld(spec: WorldSpec) {
  const points = spendSeries({
    start: T0 - 7 * DAY,
    end: T0 + spec.runMs + HOUR,
    stepMs: STEP,
    balance: spec.balance,
    ...(spec.granted === undefined ? {} : { granted: spec.granted }),
    ratePerHour: spec.ratePerHour,
    ...(spec.events ? { events: spec.events } : {}),
  });
  const clock = new FakeClock(T0);
  const history = new MemoryHistory({ a1: points.filter((p) => p.at < T0).map(snap) });
  const provider = scriptedProvider(() => {
    const now = clock.now();
    if (spec.failAt?.(now)) return err(providerError('server', { status: 503, at: now }));
    const p = [...points].reverse().find((q) => q.at <= now) as BalancePoint;
    return ok({ ...snap(p), at: now });
  });
  const shown: (NotificationRequest & { at: number })[] = [];
  const monitor = createMonitor({
    clock,
    providers: { deepseek: provider },
    secrets: {
      get: async () => ok('sk-0123456789abcdef0123456789abcdef'),
      set: async () => ok(undefined),
      delete: async () => ok(true),
    },
    history,
    notifier: { show: (n) => shown.push({ ...n, at: clock.now() }) },
    logger: silent,
    random: () => 0.5,
  });
  const account = testAccount({
    pollIntervalSec: 300,
    thresholds: { low: '0.5', critical: '0.2' },
    ...spec.account,
  });
  monitor.setAccounts([account], { ...DEFAULT_SETTINGS, ...spec.settings }, 'en-US');
  await clock.advance(spec.runMs);
  await monitor.stop();
  return { shown, kinds: shown.map((n) => n.kind), monitor };
}
