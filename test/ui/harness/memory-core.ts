/**
 * A small in-memory CoreApi for the UI harness, used only when the real `createCore` cannot
 * be built (its services were still being written when the UI landed). It uses the real
 * providers (so the real DeepSeek client talks to the fake server over HTTP) and the real
 * level, headline and gauge rules; only storage and scheduling are simplified: nothing
 * polls on a timer, the test calls `refresh` (or the UI does).
 */
import type { CoreApi } from '../../../main/core/app-core';
import type { HistoryStore, Http, SecretStore } from '../../../main/core/ports';
import { createProviders } from '../../../main/core/providers/registry';
import { createDiagnosisService } from '../../../main/core/diagnosis-service';
import { resolveLanguage } from '../../../shared/i18n/language';
import { pickHeadline, headlineMicros } from '../../../shared/balance';
import { gaugeFill } from '../../../shared/gauge';
import { computeLevel } from '../../../shared/level';
import { DEFAULT_NOTIFY, DEFAULT_SETTINGS, type AccountConfig, type AccountStatus, type AppSettings, type AppState, type Level, type ProviderError, type Snapshot } from '../../../shared/model';
import { PROVIDERS, maskKey } from '../../../shared/providers';
import { err, ok } from '../../../shared/result';
import { exportAccountHistory, importAccountHistory } from '../../../main/core/history/history-transfer';

/** What survives a "restart" of the memory core (the settings file on disk). */
export interface MemoryDisk {
  settings: AppSettings;
  accounts: AccountConfig[];
}
/** A fresh, empty settings "file". */
export const emptyDisk = (): MemoryDisk => ({ settings: { ...DEFAULT_SETTINGS }, accounts: [] });

interface Runtime {
  snapshot: Snapshot | null;
  error: ProviderError | null;
  checkedAt: number | null;
  level: Level | null;
}

/** Builds the in-memory core over a disk that outlives it and a secret store. */
export function createMemoryCore(deps: { disk: MemoryDisk; secrets: SecretStore; history: HistoryStore; http: Http; systemLocale: string; now?: () => number }): CoreApi {
  const now = deps.now ?? (() => Date.now());
  const { disk, secrets, history } = deps;
  /** Last reading and the readings for the since-top-up gauge, cached per account (history reads are async). */
  const lastReadings = new Map<string, Snapshot[]>();
  const providers = createProviders({ http: deps.http, now });
  const runtime = new Map<string, Runtime>();
  const listeners = new Set<(s: AppState) => void>();
  const rt = (id: string): Runtime => runtime.get(id) ?? { snapshot: lastReadings.get(id)?.at(-1) ?? null, error: null, checkedAt: null, level: null };

  const status = (a: AccountConfig): AccountStatus => {
    const r = rt(a.id);
    const level = computeLevel({ snapshot: r.snapshot, error: r.error, account: a, previous: r.level });
    const headline = r.snapshot ? pickHeadline(r.snapshot.rows, a.headlineCurrency) : null;
    const points = (lastReadings.get(a.id) ?? []).map((s) => ({ at: s.at, totalMicros: headlineMicros(pickHeadline(s.rows, a.headlineCurrency)) }));
    return {
      account: a,
      level,
      snapshot: r.snapshot,
      headline,
      error: r.error,
      stale: r.error !== null && r.snapshot !== null,
      checkedAt: r.checkedAt,
      nextCheckAt: null,
      gaugeFill: headline ? gaugeFill(headlineMicros(headline), a.budget, points) : null,
      insights: null,
    };
  };
  const getState = (): AppState => ({
    accounts: disk.accounts.map(status),
    settings: { ...disk.settings },
    systemLocale: deps.systemLocale,
    notices: [],
  });
  const emit = () => {
    const s = getState();
    for (const l of listeners) l(s);
  };
  const record = (id: string, result: { ok: true; value: Snapshot } | { ok: false; error: ProviderError }) => {
    const prev = rt(id);
    const next: Runtime = result.ok
      ? { snapshot: result.value, error: null, checkedAt: now(), level: prev.level }
      : { snapshot: prev.snapshot, error: result.error, checkedAt: now(), level: prev.level };
    if (result.ok) {
      void history.append(id, result.value);
      lastReadings.set(id, [...(lastReadings.get(id) ?? []).slice(-500), result.value]);
    }
    runtime.set(id, next);
    const a = disk.accounts.find((x) => x.id === id);
    if (a) runtime.set(id, { ...next, level: status(a).level });
  };
  const poll = async (a: AccountConfig) => {
    const key = a.provider === 'demo' ? { ok: true as const, value: '' } : await secrets.get(a.id);
    if (!key.ok || key.value === null) {
      record(a.id, { ok: false, error: { kind: 'keychain', status: null, message: 'The key could not be read.', retryAfterMs: null, at: now() } });
      return;
    }
    record(a.id, await providers[a.provider].fetchBalance({ key: key.value, baseUrl: a.baseUrl }));
  };
  const add = async (provider: AccountConfig['provider'], label: string, key: string) => {
    const id = `acc-${now().toString(36)}-${disk.accounts.length}`;
    const baseUrl = PROVIDERS[provider].defaultBaseUrl;
    const first = await providers[provider].fetchBalance({ key, baseUrl });
    if (!first.ok) return err({ code: first.error.kind, message: first.error.message });
    if (provider !== 'demo') {
      const saved = await secrets.set(id, key);
      if (!saved.ok) return err(saved.error);
    }
    const account: AccountConfig = {
      id, label, provider, baseUrl, headlineCurrency: 'auto', thresholds: null, budget: { kind: 'none' },
      pollIntervalSec: null, notify: { ...DEFAULT_NOTIFY }, keyMask: provider === 'demo' ? '' : maskKey(key), createdAt: now(),
    };
    disk.accounts.push(account);
    record(id, first);
    emit();
    return ok(account);
  };

  // The same evidence gathering as the real core; the memory core has no timer, so no boost.
  const diagnosis = createDiagnosisService({
    statuses: () => getState().accounts,
    readHistory: (id, from) => history.read(id, { from }),
    boost: () => {},
    now,
    lang: () => resolveLanguage(disk.settings.language, deps.systemLocale),
  });

  return {
    getState,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    addAccount: (req) => add(req.provider, req.label, req.key),
    async updateAccount({ id, patch }) {
      const i = disk.accounts.findIndex((a) => a.id === id);
      if (i < 0) return err({ code: 'not-found', message: 'That account no longer exists.' });
      const cur = disk.accounts[i]!;
      const next: AccountConfig = { ...cur, ...patch, notify: { ...cur.notify, ...patch.notify } } as AccountConfig;
      disk.accounts[i] = next;
      emit();
      return ok(next);
    },
    async replaceKey({ id, key }) {
      const a = disk.accounts.find((x) => x.id === id);
      if (!a) return err({ code: 'not-found', message: 'That account no longer exists.' });
      await secrets.set(id, key);
      a.keyMask = maskKey(key);
      emit();
      return ok(a);
    },
    async removeAccount(id) {
      disk.accounts = disk.accounts.filter((a) => a.id !== id);
      await history.remove(id);
      lastReadings.delete(id);
      runtime.delete(id);
      await secrets.delete(id);
      emit();
      return ok(null);
    },
    async refresh(id) {
      await Promise.all(disk.accounts.filter((a) => id === undefined || a.id === id).map(poll));
      emit();
      return ok(null);
    },
    async updateSettings(patch) {
      disk.settings = { ...disk.settings, ...patch };
      emit();
      return ok({ ...disk.settings });
    },
    async getHistory({ id, from, to }) {
      if (!disk.accounts.some((a) => a.id === id)) return err({ code: 'not-found', message: 'That account no longer exists.' });
      return ok(await history.read(id, { from, to }));
    },
    async exportHistory(req) {
      if (!disk.accounts.some((a) => a.id === req.id)) return err({ code: 'not-found', message: 'That account no longer exists.' });
      return exportAccountHistory(history, req, resolveLanguage(disk.settings.language, deps.systemLocale));
    },
    async importHistory(req) {
      if (!disk.accounts.some((a) => a.id === req.id)) return err({ code: 'not-found', message: 'That account no longer exists.' });
      return importAccountHistory(history, req, resolveLanguage(disk.settings.language, deps.systemLocale));
    },
    async startDemo() {
      const existing = disk.accounts.find((a) => a.provider === 'demo');
      return existing ? ok(existing) : add('demo', 'Demo', '');
    },
    runDiagnosis: (req) => diagnosis.run(req),
    markPaid: async (req) => diagnosis.markPaid(req),
    onResume: () => {},
    onOnline: () => {},
    stop: async () => {},
  };
}
