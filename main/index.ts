/**
 * The composition root: builds the core with Electron's ports (net.fetch, keychain,
 * electron-store, native notifications) and hands it to the shell pieces. No behaviour of
 * its own lives here; everything it wires is tested on its own.
 */
import { app } from 'electron';
import Store from 'electron-store';
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
// A separate data dir is a separate profile: Electron's own files and the single-instance lock
// follow it, so a test (or a second setup) never collides with the Creditray already running.
if (process.env.CREDITRAY_DATA_DIR) app.setPath('userData', join(process.env.CREDITRAY_DATA_DIR, 'electron'));
const logger = createLogger();
let windows: WindowController | null = null;
/** Module-level so the tray is never garbage-collected (the icon would vanish). */
let tray: TrayController | null = null;

async function start(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url)); // out/main
  const renderer = {
    file: join(here, '../renderer/index.html'),
    // electron-vite sets this in `npm run dev`; a packaged app never trusts a dev server.
    devUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  };
  const win = createWindowController({
    preloadPath: join(here, '../preload/index.cjs'),
    renderer,
    logger,
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
    demo: flags.demo,
  });
  registerIpc({ core, isTrustedSender: createTrustedSenderCheck(renderer), openExternal, logger });
  setupLifecycle({ core, logger });
  const syncLoginItem = createLoginItemSync({
    logger,
    linux: createLinuxAutostart({ execPath: autostartExecPath() }),
  });
  syncLoginItem(core.getState().settings);
  core.subscribe((state) => {
    win.push('state:changed', state);
    syncLoginItem(state.settings);
  });
  tray = createTray({ core, windows: win, openExternal, quit: () => app.quit(), logger });
  if (typeof __CREDITRAY_E2E__ !== 'undefined' && __CREDITRAY_E2E__) {
    // The tray is invisible to Playwright; the end-to-end suite reads it through this hook.
    (globalThis as { __creditrayTest?: unknown }).__creditrayTest = { tray: () => tray?.shown() ?? null };
  }
  // A first launch with nothing configured would be an unexplained tray icon: show onboarding.
  if (core.getState().accounts.length === 0) win.showView('onboarding');
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
