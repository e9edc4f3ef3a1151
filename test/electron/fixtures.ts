/**
 * Fixtures for the Electron suite: a fake DeepSeek on 127.0.0.1 and the built app launched
 * with an isolated profile. Every spec starts with `skipWithoutElectron()`, so where no
 * binary exists each test is reported as skipped with the reason, never as passed.
 */
import {
  _electron,
  expect,
  test as base,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreditrayApi } from '../../shared/ipc';
import { startFakeDeepSeek, type FakeDeepSeek } from '../fakes/deepseek-server';
import { ELECTRON, ROOT, SKIP_REASON } from './paths';

export { expect };

/** Marks every test of the calling file as skipped, with the reason, when there is no binary. */
export function skipWithoutElectron(): void {
  test.skip(SKIP_REASON !== null, SKIP_REASON ?? '');
}

export interface LaunchedApp {
  app: ElectronApplication;
  /** The first window (onboarding on a fresh profile). */
  window: Page;
  /** The isolated Creditray data directory (settings, history). */
  dataDir: string;
  /** `window.creditray.invoke` run inside the page: the real preload and IPC. */
  invoke: CreditrayApi['invoke'];
}

interface Fixtures {
  fake: FakeDeepSeek;
  profile: string;
  /** Starts the app on this test's profile and waits for its first window (fresh profile: onboarding). */
  launch: () => Promise<LaunchedApp>;
  /**
   * Starts the app again on the same profile. With accounts configured it opens no window
   * (it lives in the tray), so this waits for no window.
   */
  relaunch: () => Promise<ElectronApplication>;
  /** The first launch. */
  launched: LaunchedApp;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  fake: async ({}, use) => {
    const fake = await startFakeDeepSeek();
    await use(fake);
    await fake.close();
  },
  // eslint-disable-next-line no-empty-pattern
  profile: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'creditray-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  launch: async ({ profile }, use) => {
    const started: ElectronApplication[] = [];
    await use(async () => {
      const app = await startApp(profile);
      started.push(app);
      return withWindow(app, join(profile, 'data'));
    });
    await closeAll(started);
  },
  relaunch: async ({ profile }, use) => {
    const started: ElectronApplication[] = [];
    await use(async () => {
      const app = await startApp(profile);
      started.push(app);
      return app;
    });
    await closeAll(started);
  },
  launched: async ({ launch }, use) => {
    await use(await launch());
  },
});

/** A test that already quit leaves nothing to close. */
async function closeAll(apps: ElectronApplication[]): Promise<void> {
  for (const app of apps)
    if (app.process().exitCode === null) await app.close().catch(() => undefined);
}

/** Launches the built app with everything it writes kept inside `profile`. */
async function startApp(profile: string): Promise<ElectronApplication> {
  if (!ELECTRON.path) throw new Error('launch fixture used without skipWithoutElectron()');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  Object.assign(env, {
    CREDITRAY_DATA_DIR: join(profile, 'data'),
    // Linux: Electron's userData (and with it the single-instance lock) lives under XDG_CONFIG_HOME,
    // so a Creditray already running on this desktop cannot swallow the test instance.
    XDG_CONFIG_HOME: join(profile, 'config'),
    LANG: 'en_US.UTF-8',
  });
  // On Linux Playwright adds --no-sandbox (its `chromiumSandbox` default): Chromium's OS sandbox
  // needs a setuid helper or user namespaces that CI runners lack. The renderer's `sandbox: true`
  // web preference is still what the window spec checks.
  const args = [ROOT];
  return _electron.launch({ executablePath: ELECTRON.path, args, env, cwd: ROOT });
}

/** Waits for the first window and binds `invoke` to its `window.creditray`. */
async function withWindow(app: ElectronApplication, dataDir: string): Promise<LaunchedApp> {
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  const invoke = ((channel: string, request?: unknown) =>
    window.evaluate(
      ([c, r]) =>
        (globalThis as unknown as { creditray: CreditrayApi }).creditray.invoke(
          c as never,
          r as never,
        ),
      [channel, request] as const,
    )) as CreditrayApi['invoke'];
  return { app, window, dataDir, invoke };
}
