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
  /** Starts the app on this test's profile; call again after a quit to relaunch on the same data. */
  launch: () => Promise<LaunchedApp>;
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
      const launched = await launchApp(profile);
      started.push(launched.app);
      return launched;
    });
    // A test that already quit leaves nothing to close.
    for (const app of started)
      if (app.process().exitCode === null) await app.close().catch(() => undefined);
  },
  launched: async ({ launch }, use) => {
    await use(await launch());
  },
});

/** Launches the built app with everything it writes kept inside `profile`. */
async function launchApp(profile: string): Promise<LaunchedApp> {
  if (!ELECTRON.path) throw new Error('launch fixture used without skipWithoutElectron()');
  const dataDir = join(profile, 'data');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  Object.assign(env, {
    CREDITRAY_DATA_DIR: dataDir,
    // Linux: Electron's userData (and with it the single-instance lock) lives under XDG_CONFIG_HOME,
    // so a Creditray already running on this desktop cannot swallow the test instance.
    XDG_CONFIG_HOME: join(profile, 'config'),
    LANG: 'en_US.UTF-8',
  });
  const args = [ROOT];
  // CI runners without unprivileged user namespaces can opt out of Chromium's OS sandbox;
  // the renderer's `sandbox: true` web preference is still checked by the spec.
  if (process.env.CREDITRAY_E2E_NO_SANDBOX === '1') args.unshift('--no-sandbox');
  const app = await _electron.launch({ executablePath: ELECTRON.path, args, env, cwd: ROOT });
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
