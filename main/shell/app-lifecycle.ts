/**
 * How a tray app lives: one instance, no dock icon on macOS, still running with no window,
 * polling again after sleep or a network outage, and a bounded clean stop on quit.
 */
import { app, net, powerMonitor } from 'electron';
import type { AppSettings } from '../../shared/model';
import type { CoreApi } from '../core/app-core';
import type { LinuxAutostart } from '../core/autostart-linux';
import type { Logger } from '../core/ports';
import { toError } from '../../shared/result';

export const APP_USER_MODEL_ID = 'com.creditray.app';
/** How long quitting waits for the core to flush history before leaving anyway. */
export const STOP_CAP_MS = 1000;
/** How often connectivity is checked: Electron has no "online" event in the main process. */
export const ONLINE_POLL_MS = 15_000;

export interface Flags {
  demo: boolean;
}
/** `--demo` starts with the simulated account (no key, no network). */
export const parseFlags = (argv: readonly string[]): Flags => ({ demo: argv.includes('--demo') });

/**
 * Takes the single-instance lock. The second launch quits at once and the first one gets
 * `onSecondInstance` (open and focus the window). Returns false in the second instance.
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}

export interface LifecycleDeps {
  core: Pick<CoreApi, 'onResume' | 'onOnline' | 'stop'>;
  logger: Logger;
  platform?: NodeJS.Platform;
  onlinePollMs?: number;
}

/** Wires the app-wide events once the app is ready; returns a disposer for the online poll. */
export function setupLifecycle(deps: LifecycleDeps): () => void {
  const platform = deps.platform ?? process.platform;
  // Windows needs the AUMID for notifications to show and to be clickable.
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  if (platform === 'darwin') app.dock?.hide();

  // Having a listener at all stops Electron's default quit: the tray keeps the app alive.
  app.on('window-all-closed', () => {});

  powerMonitor.on('resume', () => {
    deps.logger.info('system resumed: polling once');
    deps.core.onResume();
  });

  // Polling `net.isOnline()` is the simple, renderer-independent way to learn the network is back.
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) {
      deps.logger.info('network is back: polling once');
      deps.core.onOnline();
    }
    online = now;
  }, deps.onlinePollMs ?? ONLINE_POLL_MS);
  timer.unref();

  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'stopped') return;
    // Hold every quit (a second click on "Quit" too) until the core has flushed or the cap passed.
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    clearInterval(timer);
    void stopWithin(deps.core.stop(), STOP_CAP_MS, deps.logger).then(() => {
      phase = 'stopped';
      app.quit();
    });
  });

  return () => clearInterval(timer);
}

/** Resolves when `p` settles or after `ms`, whichever comes first; never rejects. */
async function stopWithin(p: Promise<void>, ms: number, logger: Logger): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    const r = await Promise.race([p.then(() => 'done' as const), cap]);
    if (r === 'timeout') logger.warn('core did not stop in time; quitting anyway', { ms });
  } catch (e) {
    logger.error('core stop failed', { error: toError(e).message });
  } finally {
    clearTimeout(timer);
  }
}

export interface LoginItemDeps {
  logger: Logger;
  platform?: NodeJS.Platform;
  /** Linux has no Electron API: the XDG autostart entry (main/core/autostart-linux.ts) does it. */
  linux?: Pick<LinuxAutostart, 'enable' | 'disable'>;
}

/** Keeps "launch at login" in step with the setting, acting only when the setting changes. */
export function createLoginItemSync(deps: LoginItemDeps): (settings: AppSettings) => void {
  const platform = deps.platform ?? process.platform;
  let applied: boolean | null = null;
  return (settings) => {
    const on = settings.launchAtLogin;
    if (applied === on) return;
    if (platform === 'darwin' || platform === 'win32') {
      app.setLoginItemSettings({ openAtLogin: on });
    } else if (deps.linux) {
      void (on ? deps.linux.enable() : deps.linux.disable()).then((r) => {
        if (!r.ok)
          deps.logger.warn('launch at login could not be changed', {
            code: r.error.code,
            error: r.error.message,
          });
      });
    } else {
      return;
    }
    applied = on;
  };
}
