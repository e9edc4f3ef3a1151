/**
 * An in-memory CoreApi for shell tests: records every call, lets a test replace the state
 * (which notifies subscribers like a real poll would) and make the next call throw.
 */
import type { CoreApi } from '../../main/core/app-core';
import {
  DEFAULT_SETTINGS,
  type AccountConfig,
  type AccountStatus,
  type AppState,
} from '../../shared/model';
import { ok } from '../../shared/result';
import { testAccount } from './account-fixture';

export interface FakeCore extends CoreApi {
  /** Every CoreApi call, in order (getState and subscribe included). */
  readonly calls: { method: keyof CoreApi; args: unknown[] }[];
  /** Replaces the state and notifies subscribers. */
  setState(next: AppState): void;
  /** The next call of `method` throws this error (a bug in the core, as the shell sees it). */
  throwOnNext(method: keyof CoreApi, error: Error): void;
  subscriberCount(): number;
  stopped: boolean;
}

export function fakeAccount(id: string, over: Partial<AccountConfig> = {}): AccountConfig {
  return testAccount({ id, label: `Account ${id}`, createdAt: 1_700_000_000_000, ...over });
}

/** An account status with a CNY balance, at the given level. */
export function fakeStatus(
  id: string,
  level: AccountStatus['level'],
  total: string,
  over: Partial<AccountStatus> = {},
): AccountStatus {
  const at = 1_700_000_000_000;
  return {
    account: fakeAccount(id),
    level,
    snapshot: {
      at,
      available: level !== 'unavailable',
      rows: [{ currency: 'CNY', total, granted: '0', toppedUp: total }],
    },
    headline: { currency: 'CNY', total },
    error: null,
    stale: false,
    checkedAt: at,
    nextCheckAt: at + 300_000,
    gaugeFill: null,
    insights: null,
    ...over,
  };
}

export function fakeState(accounts: AccountStatus[] = []): AppState {
  return { accounts, settings: { ...DEFAULT_SETTINGS }, systemLocale: 'en-US', notices: [] };
}

export function createFakeCore(initial: AppState = fakeState()): FakeCore {
  let state = initial;
  const listeners = new Set<(s: AppState) => void>();
  const calls: FakeCore['calls'] = [];
  const throwing = new Map<keyof CoreApi, Error>();
  const track = (method: keyof CoreApi, args: unknown[]) => {
    calls.push({ method, args });
    const e = throwing.get(method);
    if (e) {
      throwing.delete(method);
      throw e;
    }
  };
  const core: FakeCore = {
    calls,
    stopped: false,
    setState(next) {
      state = next;
      for (const l of listeners) l(state);
    },
    throwOnNext: (method, error) => void throwing.set(method, error),
    subscriberCount: () => listeners.size,
    getState() {
      track('getState', []);
      return state;
    },
    subscribe(listener) {
      track('subscribe', []);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async addAccount(req) {
      track('addAccount', [req]);
      return ok(fakeAccount('new', { label: req.label, provider: req.provider }));
    },
    async updateAccount(req) {
      track('updateAccount', [req]);
      return ok(fakeAccount(req.id));
    },
    async replaceKey(req) {
      track('replaceKey', [req]);
      return ok(fakeAccount(req.id));
    },
    async setEndpoint(req) {
      track('setEndpoint', [req]);
      return ok(fakeAccount(req.id));
    },
    async removeAccount(id) {
      track('removeAccount', [id]);
      return ok(null);
    },
    async refresh(id) {
      track('refresh', [id]);
      return ok(null);
    },
    async updateSettings(patch) {
      track('updateSettings', [patch]);
      return ok({ ...state.settings, ...patch });
    },
    async getHistory(req) {
      track('getHistory', [req]);
      return ok([]);
    },
    async exportHistory(req) {
      track('exportHistory', [req]);
      return ok('time,currency,total,granted,toppedUp,available\n');
    },
    async importHistory(req) {
      track('importHistory', [req]);
      return ok({ imported: 0, sameTime: 0 });
    },
    async startDemo() {
      track('startDemo', []);
      return ok(fakeAccount('demo', { provider: 'demo' }));
    },
    async runDiagnosis(req) {
      track('runDiagnosis', [req]);
      return ok({ causes: [], healthy: true, pasted: null, pastedNote: null });
    },
    async markPaid(req) {
      track('markPaid', [req]);
      return ok(null);
    },
    onResume() {
      track('onResume', []);
    },
    onOnline() {
      track('onOnline', []);
    },
    async stop() {
      track('stop', []);
      core.stopped = true;
    },
  };
  return core;
}

/** The names of the calls a fake core received, without the bookkeeping ones. */
export const coreCallNames = (core: FakeCore): string[] =>
  core.calls.map((c) => c.method).filter((m) => m !== 'getState' && m !== 'subscribe');

/** A logger that keeps raw lines, so tests can assert what the shell chose to log (before any redaction). */
export function recordingLogger() {
  const lines: {
    level: 'info' | 'warn' | 'error';
    message: string;
    fields?: Record<string, unknown>;
  }[] = [];
  const at =
    (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) =>
      void lines.push({ level, message, fields });
  return {
    lines,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () => JSON.stringify(lines),
  };
}
