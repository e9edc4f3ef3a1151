/**
 * The composition root: builds the core with Electron's ports (net.fetch, keychain,
 * electron-store, native notifications) and hands it to the shell pieces. No behaviour of
 * its own lives here; everything it wires is tested on its own.
 */
import { app, net } from 'electron';
import Store from 'electron-store';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autostartExecPath, createLinuxAutostart } from './core/autostart-linux';
import { createCore } from './core/create-core';
import { defaultDataDir } from './core/data-dir';
import { createLogger } from './core/logger';
import { guardSettingsFile } from './core/settings-store';
import { createKeytarSecretStore } from './core/secret-store-keytar';
import {
  claimSingleInstance,
  createLoginItemSync,
  parseFlags,
  setupLifecycle,
} from './shell/app-lifecycle';
import { registerAppSchemePrivileges, serveRenderer } from './shell/app-protocol';
import { createFirstAnswerLatch, createSelfTestChecks, runSelfTest } from './shell/self-test';
import { openExternal } from './shell/external';
import { electronHttp } from './shell/http-electron';
import { registerIpc } from './shell/ipc-main';
import { createElectronNotifier } from './shell/notifier';
import { createTray, type TrayController } from './shell/tray';
import { createTrustedSenderCheck } from './shell/trusted-sender';
import { createWindowController, type WindowController } from './shell/window';
import { toError } from '../shared/result';

/** Set only by `CREDITRAY_E2E=1 electron-vite build` (test/electron); false folds the hook away. */
declare const __CREDITRAY_E2E__: boolean;

const flags = parseFlags(process.argv);
// The self-test never touches the user's settings, history or running Creditray.
if (flags.selfTest)
  process.env.CREDITRAY_DATA_DIR = mkdtempSync(join(tmpdir(), 'creditray-self-test-'));
// A separate data dir is a separate profile: Electron's own files and the single-instance lock
// follow it, so a test (or a second setup) never collides with the Creditray already running.
if (process.env.CREDITRAY_DATA_DIR)
  app.setPath('userData', join(process.env.CREDITRAY_DATA_DIR, 'electron'));
// Must happen before 'ready' (docs/api/protocol.md).
registerAppSchemePrivileges();
const logger = createLogger();
let windows: WindowController | null = null;
/** Module-level so the tray is never garbage-collected (the icon would vanish). */
let tray: TrayController | null = null;
/** The renderer's first answered state:get, which the self-test waits for. */
const firstAnswer = createFirstAnswerLatch();

async function start(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url)); // out/main
  const renderer = {
    root: join(here, '../renderer'),
    // electron-vite sets this in `npm run dev`; a packaged app never trusts a dev server.
    devUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  };
  serveRenderer(renderer.root);
  let flush: () => void = () => {};
  const win = createWindowController({
    preloadPath: join(here, '../preload/index.cjs'),
    renderer,
    logger,
    onSessionEnd: () => flush(),
  });
  windows = win;
  const dataDir = defaultDataDir();
  // electron-store throws on a corrupt file: move it aside first (its notice reaches the user).
  guardSettingsFile(join(dataDir, 'config.json'));
  const core = await createCore({
    dataDir,
    http: electronHttp,
    secrets: createKeytarSecretStore(),
    conf: new Store({ name: 'config', cwd: dataDir }),
    notifier: createElectronNotifier({ windows: win, logger }),
    logger,
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    demo: flags.demo || flags.selfTest,
  });
  flush = () => void core.stop();
  registerIpc({
    core,
    isTrustedSender: createTrustedSenderCheck(renderer),
    openExternal,
    logger,
    onAnswered: (channel, ok) => firstAnswer.record(channel, ok),
  });
  setupLifecycle({ core, logger });
  const syncLoginItem = createLoginItemSync({
    logger,
    linux: createLinuxAutostart({ execPath: autostartExecPath() }),
    packaged: app.isPackaged,
    unsandboxed: app.commandLine.hasSwitch('no-sandbox'),
  });
  syncLoginItem(core.getState().settings);
  core.subscribe((state) => {
    win.push('state:changed', state);
    syncLoginItem(state.settings);
  });
  tray = createTray({ core, windows: win, openExternal, quit: () => app.quit(), logger });
  if (typeof __CREDITRAY_E2E__ !== 'undefined' && __CREDITRAY_E2E__) {
    // The tray is invisible to Playwright; the end-to-end suite reads it through this hook.
    (globalThis as { __creditrayTest?: unknown }).__creditrayTest = {
      tray: () => tray?.shown() ?? null,
    };
  }
  if (flags.selfTest) return selfTest(win);
  // A first launch with nothing configured would be an unexplained tray icon: show onboarding.
  if (core.getState().accounts.length === 0) win.showView('onboarding');
}

/** `--self-test`: check every part, write the report, exit 0 or 1 (see shell/self-test.ts). */
async function selfTest(win: WindowController): Promise<void> {
  const report = await runSelfTest(
    createSelfTestChecks({
      fetch: (url) => net.fetch(url),
      openWindow: () => win.showView('dashboard'),
      rendererAnswered: (signal) => firstAnswer.wait(signal),
      trayTooltip: () => tray?.shown()?.tooltip ?? null,
      secrets: createKeytarSecretStore({ service: 'Creditray self-test' }),
    }),
    {
      environment: {
        platform: process.platform,
        arch: process.arch,
        electron: process.versions.electron ?? '',
        packaged: app.isPackaged,
        sandboxed: !app.commandLine.hasSwitch('no-sandbox'),
      },
    },
  );
  const arg = process.argv.find((a) => a.startsWith('--self-test-report='));
  const out = arg
    ? arg.slice('--self-test-report='.length)
    : join(process.env.CREDITRAY_DATA_DIR ?? tmpdir(), 'self-test.json');
  const text = JSON.stringify(report, null, 2);
  writeFileSync(out, text);
  process.stdout.write(`${text}\nself-test ${report.ok ? 'passed' : 'FAILED'}; report: ${out}\n`);
  app.exit(report.ok ? 0 : 1);
}

if (claimSingleInstance(() => windows?.showView())) {
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      logger.error('Creditray failed to start', {
        error: toError(e).message,
      });
      tray?.destroy();
      app.exit(1);
    });
}
