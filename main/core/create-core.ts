/**
 * The composition of the core services behind the CoreApi facade. Electron (main/index.ts),
 * the UI harness and integration tests all build the core here, with their own ports, so
 * there is one way the pieces fit together.
 */
import type { CoreApi } from './app-core';
import type { ConfLike } from './settings-store';
import { createSettingsStore } from './settings-store';
import { createAccountService } from './account-service';
import { createMonitor } from './monitor';
import { createDiagnosisService } from './diagnosis-service';
import { createProviders } from './providers/registry';
import { createFileHistoryStore } from './history/file-history-store';
import { historyDir } from './data-dir';
import { lockPaths, withLock } from './data-lock';
import { HistoryStorageError } from './history/errors';
import { exportAccountHistory, importAccountHistory } from './history/history-transfer';
import { historyTransferText } from '../../shared/i18n/history-transfer';
import { historyText } from '../../shared/i18n/history';
import { resolveLanguage } from '../../shared/i18n/language';
import { DEMO_LABEL } from '../../shared/providers';
import {
  systemClock,
  type Clock,
  type HistoryStore,
  type Http,
  type Logger,
  type Notifier,
  type SecretStore,
} from './ports';
import type { AppState } from '../../shared/model';
import { err, ok, toError } from '../../shared/result';

export interface CoreDeps {
  dataDir: string;
  http: Http;
  secrets: SecretStore;
  /** electron-store in the app, plain conf in Node; both are conf. */
  conf: ConfLike;
  notifier: Notifier;
  logger: Logger;
  systemLocale: string;
  /** `--demo`: make sure the simulated account is there. */
  demo: boolean;
  clock?: Clock;
  /** Tests inject an in-memory store; the app uses the durable file store. */
  history?: HistoryStore & { close?(): Promise<void>; compact?(): Promise<void> };
  random?: () => number;
}

const COMPACT_FIRST_MS = 10 * 60_000;
const COMPACT_EVERY_MS = 24 * 3_600_000;

/** Builds and starts the core; polling begins immediately for every configured account. */
export async function createCore(deps: CoreDeps): Promise<CoreApi> {
  const clock = deps.clock ?? systemClock;
  const now = () => clock.now();
  // The app writes settings from its main thread: it waits briefly, then reports the save as failed.
  const settings = createSettingsStore({
    store: deps.conf,
    now,
    lockPath: lockPaths(deps.dataDir).settings,
    lockWaitMs: 5_000,
  });
  const accountsLock = <T>(fn: () => Promise<T>) => withLock(lockPaths(deps.dataDir).accounts, fn);
  const history: HistoryStore & {
    close?(): Promise<void>;
    warnings?(): string[];
    compact?(): Promise<void>;
  } =
    deps.history ??
    createFileHistoryStore({ dir: historyDir(deps.dataDir), now, logger: deps.logger });
  const providers = createProviders({ http: deps.http, now });
  const accounts = createAccountService({
    settings,
    secrets: deps.secrets,
    providers,
    history,
    logger: deps.logger,
    now,
    accountsLock,
  });
  const lang = () => resolveLanguage(settings.getSettings().language, deps.systemLocale);
  /** A failed history write (disk full, read-only) is shown until a later write works; polling goes on. */
  let historyFailure: unknown = null;
  const watchedHistory: HistoryStore = {
    read: (id, range) => history.read(id, range),
    remove: (id) => history.remove(id),
    async append(id, snapshot) {
      try {
        await history.append(id, snapshot);
        historyFailure = null;
      } catch (e) {
        historyFailure = e;
        throw e;
      }
    },
  };
  const historyNotices = (): AppState['notices'] => {
    const out: AppState['notices'] = [];
    if (historyFailure !== null) {
      const e = historyFailure;
      const code = e instanceof HistoryStorageError ? e.code : 'history-io';
      const detail =
        e instanceof HistoryStorageError
          ? (e.osCode ?? e.message)
          : toError(e).message.slice(0, 120);
      out.push({
        code,
        message: historyText(lang(), code, { dir: historyDir(deps.dataDir), detail }),
      });
    }
    if ((history.warnings?.() ?? []).length > 0)
      out.push({ code: 'history-repaired', message: historyText(lang(), 'history.repaired') });
    return out;
  };
  const monitor = createMonitor({
    clock,
    providers,
    secrets: deps.secrets,
    history: watchedHistory,
    notifier: deps.notifier,
    logger: deps.logger,
    random: deps.random,
  });
  const listeners = new Set<(s: AppState) => void>();
  const runtimeNotices: AppState['notices'] = [];

  const getState = (): AppState => {
    const statuses = new Map(monitor.statuses().map((s) => [s.account.id, s]));
    return {
      accounts: settings
        .listAccounts()
        .map((a) => statuses.get(a.id))
        .filter((s) => s !== undefined),
      settings: settings.getSettings(),
      systemLocale: deps.systemLocale,
      notices: [...settings.notices(), ...runtimeNotices, ...historyNotices()],
    };
  };
  const diagnosis = createDiagnosisService({
    statuses: () => getState().accounts,
    readHistory: (id, from) => history.read(id, { from }),
    boost: (id, intervalMs, untilMs) => monitor.boost(id, intervalMs, untilMs),
    now,
    lang,
  });
  const emit = () => {
    const state = getState();
    diagnosis.observe(state.accounts);
    for (const l of listeners) l(state);
  };
  /** Re-reads accounts and settings into the monitor after any change to either. */
  const sync = () =>
    monitor.setAccounts(settings.listAccounts(), settings.getSettings(), deps.systemLocale);
  /** Settings writes can fail (read-only dir, disk full): report, never crash. */
  const guarded = <T>(code: string, fn: () => T) => {
    try {
      return ok(fn());
    } catch (e) {
      deps.logger.error('settings write failed', { code, error: toError(e).message });
      return err({ code, message: `Could not save your settings: ${toError(e).message}` });
    }
  };

  monitor.onChange(emit);
  sync();
  // The CLI (or another tool) changed the settings file: poll what it added, drop what it removed.
  const unwatch = settings.watch(() => {
    sync();
    emit();
  });
  // A process that died between keychain and settings left work to finish: say what was done.
  void accounts.repair().then((found) => {
    if (found.length === 0) return;
    runtimeNotices.push(...found);
    sync();
    emit();
  });

  // Roll old history up into hourly/daily tiers off the hot path: shortly after start, then daily.
  let compactTimer: unknown = null;
  const scheduleCompaction = (delayMs: number) => {
    compactTimer = clock.setTimeout(() => {
      void (history.compact?.() ?? Promise.resolve())
        .catch((e: unknown) =>
          deps.logger.warn('history compaction failed', { error: toError(e).message }),
        )
        .finally(() => scheduleCompaction(COMPACT_EVERY_MS));
    }, delayMs);
  };
  if (history.compact) scheduleCompaction(COMPACT_FIRST_MS);
  if (deps.demo && !settings.listAccounts().some((a) => a.provider === 'demo')) {
    const r = await accounts.add({ provider: 'demo', label: DEMO_LABEL[lang()], key: '' });
    if (!r.ok) runtimeNotices.push({ code: r.error.code, message: r.error.message });
    sync();
  }

  const afterAccountChange = async <T extends { id: string }>(
    r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
  ) => {
    sync();
    emit();
    if (r.ok) void monitor.refresh(r.value.id);
    return r;
  };

  return {
    getState,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addAccount: async (req) => afterAccountChange(await accounts.add(req)),
    updateAccount: async (req) => afterAccountChange(await accounts.update(req)),
    replaceKey: async (req) => afterAccountChange(await accounts.replaceKey(req)),
    setEndpoint: async (req) => afterAccountChange(await accounts.setEndpoint(req)),
    async removeAccount(id) {
      const r = await accounts.remove(id);
      sync();
      emit();
      return r.ok ? ok(null) : r;
    },
    async refresh(id) {
      if (id !== undefined && !settings.getAccount(id)) {
        return err({ code: 'not-found', message: 'That account no longer exists.' });
      }
      await monitor.refresh(id);
      return ok(null);
    },
    async updateSettings(patch) {
      const r = guarded('settings-write-failed', () => settings.updateSettings(patch));
      sync();
      emit();
      return r;
    },
    async getHistory(req) {
      if (!settings.getAccount(req.id))
        return err({ code: 'not-found', message: 'That account no longer exists.' });
      try {
        return ok(await history.read(req.id, { from: req.from, to: req.to }));
      } catch (e) {
        return err({
          code: 'history-unreadable',
          message: `Could not read the history: ${toError(e).message}`,
        });
      }
    },
    async exportHistory(req) {
      if (!settings.getAccount(req.id))
        return err({ code: 'not-found', message: historyTransferText(lang(), 'account.missing') });
      return exportAccountHistory(history, req, lang());
    },
    async importHistory(req) {
      if (!settings.getAccount(req.id))
        return err({ code: 'not-found', message: historyTransferText(lang(), 'account.missing') });
      const r = await importAccountHistory(history, req, lang());
      // Burn rate, forecast and gauge are computed from history: let them see the import.
      if (r.ok) await monitor.reloadHistory(req.id);
      return r;
    },
    startDemo: async () => {
      const existing = settings.listAccounts().find((a) => a.provider === 'demo');
      if (existing) return ok(existing);
      return afterAccountChange(
        await accounts.add({ provider: 'demo', label: DEMO_LABEL[lang()], key: '' }),
      );
    },
    runDiagnosis: (req) => diagnosis.run(req),
    markPaid: async (req) => diagnosis.markPaid(req),
    onResume: () => monitor.onResume(),
    onOnline: () => monitor.onOnline(),
    async stop() {
      if (compactTimer !== null) clock.clearTimeout(compactTimer);
      unwatch();
      await monitor.stop();
      await history.close?.();
    },
  };
}
