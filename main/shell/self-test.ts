/**
 * `creditray --self-test`: the packaged app checks itself with no person watching, on every
 * OS the workflow builds for. It starts like a real launch (all fuses on, a temporary
 * profile, the demo account), then proves each part a blank window or a dead tray would
 * hide: the app scheme serves the renderer with its CSP, the window mounts and its first IPC
 * call crosses the real preload and the trusted-sender check, the tray exists, the keychain
 * answers. The report is JSON; the exit code says pass (0) or fail (1).
 *
 * No 'electron' import: main/index.ts passes the Electron pieces in, tests pass fakes.
 */
import type { SecretStore } from '../core/ports';
import { toError } from '../../shared/result';
import { APP_ENTRY_URL, RENDERER_CSP } from './app-scheme';

export interface SelfTestCheck {
  name: string;
  /** Resolves with a short detail on success; rejects (with the reason) on failure. Stops when `signal` aborts. */
  run(signal: AbortSignal): Promise<string>;
}

export interface SelfTestResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

export interface SelfTestReport {
  ok: boolean;
  startedAt: string;
  environment: Record<string, string | boolean>;
  checks: SelfTestResult[];
}

export interface SelfTestOptions {
  /** Per check; a check that hangs (a keychain prompt, a window that never loads) fails. */
  timeoutMs?: number;
  now?: () => number;
  environment?: Record<string, string | boolean>;
}

export const SELF_TEST_TIMEOUT_MS = 20_000;

/** Runs every check in order (later checks need earlier ones, so a failure does not stop the rest). */
export async function runSelfTest(
  checks: readonly SelfTestCheck[],
  opts: SelfTestOptions = {},
): Promise<SelfTestReport> {
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? SELF_TEST_TIMEOUT_MS;
  const startedAt = new Date(now()).toISOString();
  const results: SelfTestResult[] = [];
  for (const check of checks) {
    const t0 = now();
    const abandon = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abandon.abort();
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const detail = await Promise.race([check.run(abandon.signal), timeout]);
      results.push({ name: check.name, ok: true, ms: now() - t0, detail });
    } catch (e) {
      results.push({ name: check.name, ok: false, ms: now() - t0, detail: toError(e).message });
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    ok: results.length > 0 && results.every((r) => r.ok),
    startedAt,
    environment: opts.environment ?? {},
    checks: results,
  };
}

export interface SelfTestDeps {
  /** Electron's net.fetch: requests to our scheme go through protocol.handle like the window's. */
  fetch(url: string): Promise<Response>;
  /** Opens the window (as the tray would). */
  openWindow(): void;
  /**
   * Resolves once our renderer's own `state:get` (sent by the React app after it mounted,
   * through the real preload, past the trusted-sender check) was answered: proof the module
   * scripts ran and IPC works, without running any script in the page (lint forbids
   * executeJavaScript, and a page that needs it would prove less).
   */
  rendererAnswered(signal: AbortSignal): Promise<{ ok: boolean }>;
  /** What the tray shows, or null when there is no tray. */
  trayTooltip(): string | null;
  /** A keychain store on a service of its own, so the user's keys are never touched. */
  secrets: SecretStore;
}

/** The checks, in the order a launch needs them. */
export function createSelfTestChecks(deps: SelfTestDeps): SelfTestCheck[] {
  return [
    {
      name: 'app-scheme',
      async run() {
        const res = await deps.fetch(APP_ENTRY_URL);
        if (res.status !== 200) throw new Error(`${APP_ENTRY_URL} answered ${res.status}`);
        const csp = res.headers.get('content-security-policy');
        if (csp !== RENDERER_CSP)
          throw new Error(`wrong or missing CSP header: ${csp ?? '(none)'}`);
        const html = await res.text();
        if (!html.includes('id="root"')) throw new Error('index.html has no #root');
        return `${APP_ENTRY_URL} 200, CSP header, ${html.length} bytes`;
      },
    },
    {
      name: 'renderer-ipc',
      async run(signal) {
        deps.openWindow();
        const reply = await deps.rendererAnswered(signal);
        if (!reply.ok) throw new Error('the renderer asked for its state and was refused');
        return 'the mounted renderer asked for its state through the preload and got it';
      },
    },
    {
      name: 'tray',
      async run() {
        const tooltip = deps.trayTooltip();
        if (tooltip === null) throw new Error('no tray icon');
        return `tooltip "${tooltip.split('\n')[0]}"`;
      },
    },
    {
      name: 'keychain',
      async run() {
        const id = `self-test-${process.pid}`;
        const secret = `self-test-${Date.now()}`;
        const set = await deps.secrets.set(id, secret);
        if (!set.ok) throw new Error(`${set.error.code}: ${set.error.message}`);
        const got = await deps.secrets.get(id);
        const removed = await deps.secrets.delete(id);
        if (!got.ok) throw new Error(`${got.error.code}: ${got.error.message}`);
        if (got.value !== secret) throw new Error('read back a different value');
        if (!removed.ok) throw new Error(`${removed.error.code}: ${removed.error.message}`);
        return 'wrote, read back and deleted a throwaway entry';
      },
    },
  ];
}

/**
 * Remembers the first answered `state:get`; `wait` resolves with it (at once if it came
 * before anyone asked). Wire `record` into the IPC layer's `onAnswered`.
 */
export function createFirstAnswerLatch(): {
  record(channel: string, ok: boolean): void;
  wait(signal: AbortSignal): Promise<{ ok: boolean }>;
} {
  let answer: { ok: boolean } | null = null;
  const waiters = new Set<(a: { ok: boolean }) => void>();
  return {
    record(channel, ok) {
      if (channel !== 'state:get' || answer) return;
      answer = { ok };
      for (const w of waiters) w(answer);
      waiters.clear();
    },
    wait(signal) {
      if (answer) return Promise.resolve(answer);
      return new Promise((resolve, reject) => {
        waiters.add(resolve);
        signal.addEventListener('abort', () => {
          waiters.delete(resolve);
          reject(new Error('abandoned'));
        });
      });
    },
  };
}
