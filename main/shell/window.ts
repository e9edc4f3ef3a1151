/**
 * The one app window, created on demand (Creditray lives in the tray) and destroyed when
 * closed, so an idle app holds no renderer. Every window gets the same locked-down
 * preferences: isolated, sandboxed, no Node, no popups, no navigation, no permissions.
 */
import { app, BrowserWindow } from 'electron';
import type { PushChannel, PushPayloads, View } from '../../shared/ipc';
import type { Logger } from '../core/ports';
import { push } from './ipc-main';
import { APP_ENTRY_URL } from './app-scheme';
import { originForLog, type RendererLocation } from './trusted-sender';
import { toError } from '../../shared/result';

export interface WindowOptions {
  /** Built preload (out/preload/index.cjs). */
  preloadPath: string;
  renderer: RendererLocation;
  logger: Logger;
  platform?: NodeJS.Platform;
  /**
   * Windows is logging off or shutting down. There `before-quit` is never emitted and
   * powerMonitor's 'shutdown' does not exist (Linux and macOS only); a window's
   * 'query-session-end' / 'session-end' are the only signals (docs/api/browser-window.md),
   * and only while the window is open. History appends are synced one by one, so what this
   * saves is the pending heartbeat (the "still unchanged" mark), not a balance.
   */
  onSessionEnd?: () => void;
}

export interface WindowController {
  /** Opens (or raises) the window, optionally on a view; used by tray, notifications, second launch. */
  showView(view?: View, accountId?: string): void;
  /** Sends a push if the window is open; a closed window simply misses it (it asks for state on load). */
  push<P extends PushChannel>(channel: P, payload: PushPayloads[P]): void;
  current(): BrowserWindow | null;
  close(): void;
}

/** The webPreferences every Creditray window is created with. */
export const secureWebPreferences = (preloadPath: string) =>
  ({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload: preloadPath,
  }) as const;

/** Creates the controller; nothing is opened until `showView` is called. */
export function createWindowController(opts: WindowOptions): WindowController {
  const mac = (opts.platform ?? process.platform) === 'darwin';
  let win: BrowserWindow | null = null;
  let loaded = false;
  let pending: PushPayloads['navigate'] | null = null;

  const create = (): BrowserWindow => {
    const w = new BrowserWindow({
      width: 980,
      height: 700,
      minWidth: 640,
      minHeight: 480,
      show: false,
      title: 'Creditray',
      webPreferences: secureWebPreferences(opts.preloadPath),
    });
    loaded = false;
    pending = null;
    lockDown(w, opts.logger);
    w.once('ready-to-show', () => w.show());
    w.webContents.on('did-finish-load', () => {
      loaded = true;
      // A navigation asked for before the page existed is delivered once it does.
      if (pending) push(w, 'navigate', pending);
      pending = null;
    });
    w.on('query-session-end', () => opts.onSessionEnd?.());
    w.on('session-end', () => opts.onSessionEnd?.());
    w.on('closed', () => {
      win = null;
      if (mac) app.dock?.hide();
    });
    if (mac) void app.dock?.show();
    void load(w, opts.renderer).catch((e: unknown) =>
      opts.logger.error('renderer failed to load', {
        error: toError(e).message,
      }),
    );
    return w;
  };

  return {
    showView(view, accountId) {
      const fresh = !win || win.isDestroyed();
      if (fresh) win = create();
      const w = win as BrowserWindow;
      if (view) {
        const nav = accountId === undefined ? { view } : { view, accountId };
        if (loaded) push(w, 'navigate', nav);
        else pending = nav;
      }
      if (!fresh) {
        if (w.isMinimized()) w.restore();
        w.show();
        w.focus();
      }
    },
    push(channel, payload) {
      if (loaded) push(win, channel, payload);
    },
    current: () => (win && !win.isDestroyed() ? win : null),
    close() {
      if (win && !win.isDestroyed()) win.close();
    },
  };
}

/** Popups denied, navigation away blocked, every permission refused. */
function lockDown(w: BrowserWindow, logger: Logger): void {
  const wc = w.webContents;
  wc.setWindowOpenHandler(() => {
    logger.warn('window.open refused');
    return { action: 'deny' };
  });
  wc.on('will-navigate', (event) => {
    // Only a reload of the page we loaded is allowed; links to the web go through external:open.
    if (event.url !== wc.getURL()) {
      event.preventDefault();
      logger.warn('navigation blocked', { origin: originForLog(event.url) });
    }
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.session.setPermissionRequestHandler((_wc, permission, callback) => {
    logger.warn('permission request denied', { permission });
    callback(false);
  });
  wc.session.setPermissionCheckHandler(() => false);
}

/**
 * Dev: electron-vite's server (hot reload). Otherwise the built renderer on creditray://app,
 * served by app-protocol.ts (registered before the first window exists).
 */
function load(w: BrowserWindow, renderer: RendererLocation): Promise<void> {
  return w.loadURL(renderer.devUrl ?? APP_ENTRY_URL);
}
