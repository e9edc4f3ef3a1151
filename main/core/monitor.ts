/**
 * Holds every account's status and keeps it current: the poller decides WHEN, this decides
 * WHAT a poll means. Each poll reads the key from the keychain, asks the provider, keeps the
 * last good reading through failures (never shows zero because a poll failed), recomputes
 * the level with hysteresis, runs the notification policy and tells subscribers.
 */
import { headlineOf } from '../../shared/balance';
import { historyInsights, type HistoryInsights } from '../../shared/analytics';
import { resolveLanguage, type Lang } from '../../shared/i18n/language';
import { BLOCKING_ERROR_KINDS, computeLevel, thresholdsFor } from '../../shared/level';
import type {
  AccountConfig,
  AccountStatus,
  AppSettings,
  Headline,
  Level,
  NotifyKind,
  ProviderError,
  ProviderId,
  Snapshot,
} from '../../shared/model';
import { toError } from '../../shared/result';
import { decideForesight, nextEpisodes, type ForesightEpisodes } from './foresight-policy';
import { decideNotifications } from './notification-policy';
import { createPoller, type PollOutcome } from './poller';
import { createReadingFetcher } from './reading-fetcher';
import type { Clock, HistoryStore, Logger, Notifier, ProviderResult, SecretStore } from './ports';
import type { Provider } from './providers/provider';

export interface MonitorDeps {
  clock: Clock;
  providers: Partial<Record<ProviderId, Provider>>;
  secrets: SecretStore;
  history: HistoryStore;
  notifier: Notifier;
  logger: Logger;
  random?: () => number;
  concurrency?: number;
}

export interface Monitor {
  /** The account list and settings changed: new accounts poll at once, removed ones stop. */
  setAccounts(accounts: AccountConfig[], settings: AppSettings, systemLocale?: string): void;
  /** Poll now (one account or all); resolves when the poll has finished. */
  refresh(id?: string): Promise<void>;
  statuses(): AccountStatus[];
  status(id: string): AccountStatus | undefined;
  onChange(cb: () => void): () => void;
  onResume(): void;
  onOnline(): void;
  /** Faster re-checks until epoch ms `untilMs` (e.g. 30 s while the user tops up). */
  boost(id: string, intervalMs: number, untilMs: number): void;
  /** History changed behind the poller (an import): re-read it so insights and gauge follow. */
  reloadHistory(id: string): Promise<void>;
  stop(): Promise<void>;
}

/** How far back the gauge's "since top-up" baseline looks, and how many points it keeps. */
const SEED_MS = 180 * 24 * 3600_000;
const SERIES_MAX = 5000;

interface State {
  account: AccountConfig;
  snapshot: Snapshot | null;
  headline: Headline | null;
  level: Level;
  error: ProviderError | null;
  stale: boolean;
  checkedAt: number | null;
  gaugeFill: number | null;
  insights: HistoryInsights | null;
  /** Level from the last successful reading: the hysteresis reference. */
  moneyLevel: Level | null;
  /** Last non-stale level and its error: what notifications compare against. */
  settled: Level | null;
  settledError: ProviderError | null;
  lastSent: Partial<Record<NotifyKind, number>>;
  /** Foresight episodes as of the last successful reading; null before one (never-spam). */
  foresight: ForesightEpisodes | null;
  /** Recent readings (oldest first): the gauge's "since top-up" baseline is found in them. */
  series: Snapshot[] | null;
}

/** A level worth comparing against: not stale, and not a transient error before any reading. */
const isSettled = (st: State): boolean =>
  st.level !== 'stale' &&
  !(st.level === 'error' && st.error && !BLOCKING_ERROR_KINDS.has(st.error.kind));

/** Wires the poller to providers, keychain, history and notifier. */
export function createMonitor(deps: MonitorDeps): Monitor {
  const { clock, logger } = deps;
  const states = new Map<string, State>();
  let order: string[] = [];
  let settings: AppSettings | null = null;
  let locale = 'en';
  let lang: Lang = 'en';
  const listeners = new Set<() => void>();

  const emit = (): void => {
    for (const cb of [...listeners]) {
      try {
        cb();
      } catch (thrown) {
        logger.error('change listener threw', { error: toError(thrown).message });
      }
    }
  };

  const fetchOnce = createReadingFetcher(deps);

  /** Headline, level (with hysteresis) and gauge from the state's reading and error. */
  function derive(st: State): void {
    const { snapshot, error, account } = st;
    st.headline = snapshot ? headlineOf(snapshot, account.headlineCurrency) : null;
    st.level = computeLevel({ snapshot, error, account, previous: st.moneyLevel });
    if (!error && snapshot) st.moneyLevel = st.level;
    // The analytics the dashboard and CLI show, and the gauge's baseline, in one call.
    const currency = st.headline?.currency;
    st.insights =
      snapshot && currency
        ? historyInsights(st.series ?? [snapshot], currency, {
            thresholds: thresholdsFor(account, currency),
            budget: account.budget,
            now: clock.now(),
          })
        : null;
    st.gaugeFill = st.insights?.budget?.fill ?? null;
  }

  async function seedSeries(st: State): Promise<void> {
    if (st.series !== null) return;
    try {
      st.series = await deps.history.read(st.account.id, { from: clock.now() - SEED_MS });
    } catch (thrown) {
      logger.warn('history read failed; gauge starts fresh', {
        account: st.account.id,
        error: toError(thrown).message,
      });
      st.series = [];
    }
  }

  async function apply(st: State, res: ProviderResult<Snapshot>): Promise<void> {
    const id = st.account.id;
    if (res.ok) {
      await seedSeries(st);
      st.series = [...(st.series ?? []), res.value].slice(-SERIES_MAX);
      st.snapshot = res.value;
      st.error = null;
      st.stale = false;
      try {
        // An unlimited key has no amount: recorded with no rows it would read back as zero.
        if (!res.value.unlimited) await deps.history.append(id, res.value);
      } catch (thrown) {
        logger.warn('history append failed', { account: id, error: toError(thrown).message });
      }
    } else {
      st.error = res.error;
      st.stale = st.snapshot !== null;
      logger.warn('poll failed', { account: id, kind: res.error.kind, status: res.error.status });
    }
    const now = clock.now();
    st.checkedAt = now;
    derive(st);
    if (!isSettled(st)) return;
    const requests = decideNotifications({
      account: st.account,
      previous: st.settled,
      previousError: st.settledError,
      next: st.level,
      error: st.error,
      lastSent: st.lastSent,
      now,
      cooldownMs: (settings?.notifyCooldownMin ?? 60) * 60_000,
      // The first real level since launch: transient errors before it do not count.
      isFirstResult: st.settled === null,
      lang,
      headline: st.headline,
    });
    st.settled = st.level;
    st.settledError = st.error;
    // Foresight reads history, which only a successful reading moves: a failed poll must
    // neither start nor end an episode.
    if (res.ok) requests.push(...foresight(st, now));
    for (const n of requests) {
      st.lastSent[n.kind] = now;
      try {
        deps.notifier.show(n);
      } catch (thrown) {
        logger.warn('notification failed', {
          account: id,
          kind: n.kind,
          error: toError(thrown).message,
        });
      }
    }
  }

  function foresight(st: State, now: number) {
    const next = nextEpisodes(st.foresight, st.insights, settings?.runOutDays ?? 3);
    const requests = decideForesight({
      account: st.account,
      previous: st.foresight,
      next,
      insights: st.insights,
      headline: st.headline,
      lastSent: st.lastSent,
      now,
      cooldownMs: (settings?.notifyCooldownMin ?? 60) * 60_000,
      lang,
    });
    st.foresight = next;
    return requests;
  }

  async function pollAccount(id: string, signal: AbortSignal): Promise<PollOutcome> {
    const st = states.get(id);
    if (!st) return { ok: true };
    const res = await fetchOnce(st.account, signal);
    // Removed or stopped meanwhile: the answer belongs to nobody.
    if (signal.aborted || states.get(id) !== st) return { ok: true };
    await apply(st, res);
    return res.ok ? { ok: true } : { ok: false, retryAfterMs: res.error.retryAfterMs };
  }

  const poller = createPoller({
    clock,
    poll: pollAccount,
    logger,
    onScheduled: emit,
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
  });

  const statusOf = (st: State): AccountStatus => ({
    account: st.account,
    level: st.level,
    snapshot: st.snapshot,
    headline: st.headline,
    error: st.error,
    stale: st.stale,
    checkedAt: st.checkedAt,
    nextCheckAt: poller.nextAt(st.account.id),
    gaugeFill: st.gaugeFill,
    insights: st.insights,
  });

  return {
    setAccounts(accounts, next, systemLocale) {
      settings = next;
      if (systemLocale !== undefined) locale = systemLocale;
      lang = resolveLanguage(next.language, locale);
      const reconnect: string[] = [];
      const fresh = new Map<string, State>();
      for (const account of accounts) {
        const st = states.get(account.id);
        if (!st) {
          fresh.set(account.id, {
            account,
            snapshot: null,
            headline: null,
            level: 'stale',
            error: null,
            stale: false,
            checkedAt: null,
            gaugeFill: null,
            insights: null,
            moneyLevel: null,
            settled: null,
            settledError: null,
            lastSent: {},
            foresight: null,
            series: null,
          });
          continue;
        }
        const prev = st.account;
        st.account = account;
        if (
          prev.provider !== account.provider ||
          prev.baseUrl !== account.baseUrl ||
          prev.keyMask !== account.keyMask
        )
          reconnect.push(account.id);
        // A user edit (thresholds, currency, budget) re-derives silently: it must not notify.
        derive(st);
        if (st.settled !== null && isSettled(st)) {
          st.settled = st.level;
          st.settledError = st.error;
        }
        fresh.set(account.id, st);
      }
      states.clear();
      for (const [id, st] of fresh) states.set(id, st);
      order = accounts.map((a) => a.id);
      poller.set(
        accounts.map((a) => ({
          id: a.id,
          intervalMs: (a.pollIntervalSec ?? next.pollIntervalSec) * 1000,
        })),
      );
      for (const id of reconnect) void poller.pollNow(id);
      emit();
    },
    refresh: (id) => poller.pollNow(id),
    statuses: () =>
      order.flatMap((id) => {
        const st = states.get(id);
        return st ? [statusOf(st)] : [];
      }),
    status(id) {
      const st = states.get(id);
      return st ? statusOf(st) : undefined;
    },
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    onResume: () => poller.onResume(),
    onOnline: () => poller.onOnline(),
    boost: (id, intervalMs, untilMs) => poller.boost(id, intervalMs, untilMs),
    async reloadHistory(id) {
      const st = states.get(id);
      if (!st) return;
      st.series = null;
      await seedSeries(st);
      derive(st);
      emit();
    },
    stop: () => poller.stop(),
  };
}
