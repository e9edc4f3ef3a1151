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
  /** `--self-test`: start in a temporary profile, check every part, write a report, exit. */
  selfTest: boolean;
}
/** `--demo` starts with the simulated account (no key, no network). */
export const parseFlags = (argv: readonly string[]): Flags => ({
  demo: argv.includes('--demo'),
  selfTest: argv.includes('--self-test'),
});

/**
 * Takes the single-instance lock. The second launch quits at once and the first one gets
 * `onRelaunch` (open and focus the window). Returns false in the second instance.
 *
 * macOS does not start a second process when the user opens a running app again (Finder,
 * Spotlight, Launchpad): it sends the running one a "reopen" event, which Electron emits as
 * `activate` (shell/browser/mac/electron_application_delegate.mm,
 * applicationShouldHandleReopen). With LSUIElement there is no Dock icon either, so without
 * this listener opening Creditray again would show nothing. It does not fire at first launch.
 */
export function claimSingleInstance(onRelaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onRelaunch());
  app.on('activate', () => onRelaunch());
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
  // Linux and macOS only (docs/api/power-monitor.md, 'shutdown'): without preventDefault the
  // session ends the app without 'before-quit', and the last history write could be lost.
  // preventDefault asks the OS to wait; the docs ask for app.quit() as soon as possible.
  // electron.d.ts types the listener without arguments, but Electron emits it with an event
  // (shell/browser/api/electron_api_power_monitor.cc: ShouldShutdown returns !Emit(...)).
  const onShutdown = (event?: { preventDefault?: () => void }) => {
    deps.logger.info('system is shutting down: flushing and quitting');
    event?.preventDefault?.();
    app.quit();
  };
  powerMonitor.on('shutdown', onShutdown as () => void);

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
  /** `app.isPackaged`: only an installed app may register itself (see below). */
  packaged: boolean;
  /** True when Chromium runs without its sandbox (`--no-sandbox`). */
  unsandboxed: boolean;
}

/** Why launch at login was not registered, or null when it may be. */
export function loginItemRefusal(
  deps: Pick<LoginItemDeps, 'packaged' | 'unsandboxed'>,
): string | null {
  // From `npm start` the executable is the bare Electron binary: registered at login it would
  // open Electron's default app, not Creditray.
  if (!deps.packaged)
    return 'launch at login is only registered by the installed app (not from npm start)';
  // An AppImage started with --no-sandbox (Ubuntu 24.04+ restricts the user namespaces the
  // sandbox needs) would be started at login without that flag and crash at every login;
  // writing the flag into the entry would drop the sandbox silently. Neither: say why.
  if (deps.unsandboxed)
    return 'launch at login is off while Creditray runs without its sandbox (--no-sandbox): install the .deb package, which sets up the sandbox (docs/packaging.md)';
  return null;
}

/** Keeps "launch at login" in step with the setting, acting only when the setting changes. */
export function createLoginItemSync(deps: LoginItemDeps): (settings: AppSettings) => void {
  const platform = deps.platform ?? process.platform;
  let applied: boolean | null = null;
  return (settings) => {
    const on = settings.launchAtLogin;
    if (applied === on) return;
    const refusal = on ? loginItemRefusal(deps) : null;
    if (refusal) {
      deps.logger.warn(refusal);
      applied = on;
      return;
    }
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
