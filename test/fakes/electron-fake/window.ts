/** Fakes of a window and its contents: BrowserWindow, WebContents, Session. */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { format } from 'node:url';
import { resolve as resolvePath } from 'node:path';
import { app } from './app';
import { ipcClone } from './clone';
import { chromiumCanonicalUrl } from './chromium-url';
import { fake, fakeEvent, record } from './record';
import { sessionFor, type FakeSession } from './session';

let nextId = 1;
export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  /** One shared defaultSession unless a partition was asked for (see session.ts). */
  readonly session: FakeSession;
  constructor(prefs?: Electron.WebPreferences) {
    super();
    this.session = sessionFor(prefs as { partition?: string } | undefined);
  }
  url = '';
  destroyed = false;
  windowOpenHandler:
    ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  get mainFrame(): { url: string } {
    return { url: this.url };
  }
  getURL(): string {
    return this.url;
  }
  isLoading(): boolean {
    return false;
  }
  setWindowOpenHandler(
    handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {
    record('webContents', 'setWindowOpenHandler', [handler]);
    this.windowOpenHandler = handler;
  }
  /** Throws synchronously on an uncloneable argument, as Electron's SendIPCMessage does. */
  send(channel: string, ...args: unknown[]): void {
    record('webContents', 'send', [channel, ...args]);
    this.sent.push({ channel, args: ipcClone(args) });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Test helper: a page tries to navigate; returns whether the app let it. */
  tryNavigate(url: string): boolean {
    const e = fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit('will-navigate', e, url);
    return !e.defaultPrevented;
  }
  /** Test helper: the page asks for a permission; resolves to the app's answer. */
  requestPermission(permission: string): Promise<boolean> {
    return new Promise((resolve) => {
      const h = this.session.permissionRequestHandler;
      if (!h) return resolve(true); // Electron's default is to grant.
      h(this, permission, resolve, { requestingUrl: this.url });
    });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly id = nextId++;
  readonly options: Electron.BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  visible = false;
  focused = false;
  destroyed = false;
  minimized = false;
  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    record('BrowserWindow', 'constructor', [options]);
    this.options = options;
    this.webContents = new FakeWebContents(options.webPreferences);
    fake.windows.push(this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return fake.windows.filter((w) => !w.destroyed);
  }
  get webPreferences(): Electron.WebPreferences {
    return this.options.webPreferences ?? {};
  }
  async loadURL(url: string): Promise<void> {
    record('window', 'loadURL', [url]);
    this.webContents.url = chromiumCanonicalUrl(url);
    await this.finishLoad();
  }
  async loadFile(filePath: string, options?: Electron.LoadFileOptions): Promise<void> {
    record('window', 'loadFile', [filePath, options]);
    // Electron: loadURL(url.format({ protocol: 'file', slashes: true, pathname:
    // path.resolve(app.getAppPath(), filePath), query, search, hash })) in
    // lib/browser/api/web-contents.ts; getURL() then reports Chromium's canonical form.
    const raw = format({
      protocol: 'file',
      slashes: true,
      pathname: resolvePath(app.getAppPath(), filePath),
      ...(options?.query ? { query: options.query } : {}),
      ...(options?.search ? { search: options.search } : {}),
      ...(options?.hash ? { hash: options.hash } : {}),
    });
    this.webContents.url = chromiumCanonicalUrl(raw);
    await this.finishLoad();
  }
  /** Like Chromium, the page finishes loading after the call returns, not inside it. */
  private async finishLoad(): Promise<void> {
    await Promise.resolve();
    if (this.destroyed) return;
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }
  show(): void {
    record('window', 'show', []);
    this.visible = true;
    this.emit('show');
  }
  focus(): void {
    record('window', 'focus', []);
    this.focused = true;
    this.emit('focus');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    record('window', 'restore', []);
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  close(): void {
    record('window', 'close', []);
    const e = fakeEvent();
    this.emit('close', e);
    if (!e.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    record('window', 'destroy', []);
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}
