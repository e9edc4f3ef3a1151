/**
 * The recording fake of the 'electron' module. vitest aliases 'electron' here, so shell code
 * runs in plain Node (the real module would try to download the binary and crash). Every
 * call is appended to `calls`; instances live in `fake` so tests can drive them (click a
 * tray menu item, close a window, invoke an IPC handler as a given frame). Signatures follow
 * node_modules/electron/electron.d.ts for the slice we use; `resetElectronFake()` between tests.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

/** One recorded call: `target` is e.g. 'app', 'tray', 'window', 'webContents', 'shell'. */
export interface Call {
  target: string;
  method: string;
  args: unknown[];
}
export const calls: Call[] = [];
const record = (target: string, method: string, args: unknown[]): void => {
  calls.push({ target, method, args });
};
/** The calls made on one target (and optionally one method), in order. */
export const callsTo = (target: string, method?: string): Call[] =>
  calls.filter((c) => c.target === target && (method === undefined || c.method === method));

/** A minimal Electron-style event: handlers may cancel the default action. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export function fakeEvent<T extends object>(extra?: T): FakeEvent & T {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
    ...extra,
  };
  return e as FakeEvent & T;
}

// ---------- nativeImage ----------
export class FakeNativeImage {
  readonly representations: { scaleFactor: number; buffer: Buffer }[] = [];
  template = false;
  addRepresentation(options: Electron.AddRepresentationOptions): void {
    record('nativeImage', 'addRepresentation', [options]);
    if (options.buffer)
      this.representations.push({ scaleFactor: options.scaleFactor ?? 1, buffer: options.buffer });
  }
  setTemplateImage(option: boolean): void {
    record('nativeImage', 'setTemplateImage', [option]);
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  isEmpty(): boolean {
    return this.representations.length === 0;
  }
  getScaleFactors(): number[] {
    return this.representations.map((r) => r.scaleFactor);
  }
}
export const nativeImage = {
  createEmpty(): FakeNativeImage {
    record('nativeImage', 'createEmpty', []);
    return new FakeNativeImage();
  },
  createFromBuffer(buffer: Buffer, options?: Electron.CreateFromBufferOptions): FakeNativeImage {
    record('nativeImage', 'createFromBuffer', [buffer, options]);
    const img = new FakeNativeImage();
    img.representations.push({ scaleFactor: options?.scaleFactor ?? 1, buffer });
    return img;
  },
};

// ---------- Menu ----------
export class FakeMenu {
  constructor(readonly template: Electron.MenuItemConstructorOptions[]) {}
  /** Test helper: the first item whose label matches, for clicking. */
  item(label: string | RegExp): Electron.MenuItemConstructorOptions {
    const found = this.template.find((i) =>
      typeof label === 'string' ? i.label === label : label.test(i.label ?? ''),
    );
    if (!found)
      throw new Error(
        `no menu item ${String(label)} in [${this.template.map((i) => i.label).join(', ')}]`,
      );
    return found;
  }
  /** Test helper: runs an item's click handler the way Electron would. */
  click(label: string | RegExp): void {
    const item = this.item(label);
    (item.click as ((...a: unknown[]) => void) | undefined)?.({}, undefined, {});
  }
}
export const Menu = {
  buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): FakeMenu {
    record('Menu', 'buildFromTemplate', [template]);
    const menu = new FakeMenu(template);
    fake.menus.push(menu);
    return menu;
  },
};

// ---------- Tray ----------
export class FakeTray extends EventEmitter {
  image: FakeNativeImage | string;
  toolTip = '';
  title = '';
  contextMenu: FakeMenu | null = null;
  destroyed = false;
  constructor(image: FakeNativeImage | string, guid?: string) {
    super();
    record('tray', 'constructor', [image, guid]);
    this.image = image;
    fake.trays.push(this);
  }
  setImage(image: FakeNativeImage | string): void {
    record('tray', 'setImage', [image]);
    this.image = image;
  }
  setToolTip(toolTip: string): void {
    record('tray', 'setToolTip', [toolTip]);
    this.toolTip = toolTip;
  }
  setTitle(title: string, options?: Electron.TitleOptions): void {
    record('tray', 'setTitle', [title, options]);
    this.title = title;
  }
  setContextMenu(menu: FakeMenu | null): void {
    record('tray', 'setContextMenu', [menu]);
    this.contextMenu = menu;
  }
  destroy(): void {
    record('tray', 'destroy', []);
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

// ---------- Session / WebContents / BrowserWindow ----------
type PermissionHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  wc: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;
export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionHandler | null): void {
    record('session', 'setPermissionRequestHandler', [handler]);
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    record('session', 'setPermissionCheckHandler', [handler]);
    this.permissionCheckHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

let nextId = 1;
export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  windowOpenHandler:
    ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  readonly session = new FakeSession();
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
  send(channel: string, ...args: unknown[]): void {
    record('webContents', 'send', [channel, ...args]);
    this.sent.push({ channel, args });
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
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  destroyed = false;
  minimized = false;
  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    record('BrowserWindow', 'constructor', [options]);
    this.options = options;
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
    this.webContents.url = url;
    await this.finishLoad();
  }
  async loadFile(filePath: string, options?: Electron.LoadFileOptions): Promise<void> {
    record('window', 'loadFile', [filePath, options]);
    this.webContents.url = `file://${filePath}`;
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

// ---------- Notification ----------
export class FakeNotification extends EventEmitter {
  static supported = true;
  readonly options: Electron.NotificationConstructorOptions;
  shown = false;
  constructor(options: Electron.NotificationConstructorOptions = {}) {
    super();
    record('Notification', 'constructor', [options]);
    this.options = options;
    fake.notifications.push(this);
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  show(): void {
    record('notification', 'show', []);
    this.shown = true;
    this.emit('show', fakeEvent());
  }
  close(): void {
    record('notification', 'close', []);
    this.emit('close', fakeEvent({ reason: 'unknown' }));
  }
  /** Test helper: the user clicked the notification. */
  click(): void {
    this.emit('click', fakeEvent());
  }
}

// ---------- ipcMain ----------
type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
const ipcHandlers = new Map<string, InvokeHandler>();
export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel: string, listener: InvokeHandler): void {
    record('ipcMain', 'handle', [channel]);
    // Electron throws on a second handler for the same channel; so does the fake.
    if (ipcHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    record('ipcMain', 'removeHandler', [channel]);
    ipcHandlers.delete(channel);
  },
});
/** Test helper: the channels that currently have a handler. */
export const ipcHandledChannels = (): string[] => [...ipcHandlers.keys()];
/** Test helper: invoke a handler as a frame at `frameUrl` would (undefined = frame already gone). */
export async function invokeIpc(
  channel: string,
  payload: unknown,
  frameUrl: string | undefined,
): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  const sender = new FakeWebContents();
  sender.url = frameUrl ?? '';
  const event = {
    senderFrame: frameUrl === undefined ? null : { url: frameUrl },
    sender,
    frameId: 1,
    processId: 1,
  };
  return handler(event, payload);
}

// ---------- ipcRenderer + contextBridge (preload) ----------
const rendererEvents = new EventEmitter();
export const ipcRendererFake = {
  /** What `ipcRenderer.invoke` resolves to; tests replace it. */
  respond: (_channel: string, _payload: unknown): unknown => ({ ok: true, value: null }),
};
export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    record('ipcRenderer', 'invoke', [channel, ...args]);
    return Promise.resolve(ipcRendererFake.respond(channel, args[0]));
  },
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    record('ipcRenderer', 'on', [channel]);
    rendererEvents.on(channel, listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: (...args: unknown[]) => void) {
    record('ipcRenderer', 'removeListener', [channel]);
    rendererEvents.removeListener(channel, listener);
    return ipcRenderer;
  },
  sendSync(channel: string): never {
    record('ipcRenderer', 'sendSync', [channel]);
    throw new Error('sendSync must never be used');
  },
};
/** Test helper: main pushes on `channel`; listeners get an IpcRendererEvent-like first argument. */
export function emitToRenderer(channel: string, ...args: unknown[]): void {
  rendererEvents.emit(channel, { sender: ipcRenderer, senderId: 0, ports: [] }, ...args);
}
export const rendererListenerCount = (channel: string): number =>
  rendererEvents.listenerCount(channel);

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    record('contextBridge', 'exposeInMainWorld', [apiKey, api]);
    fake.exposed[apiKey] = api;
  },
};

// ---------- shell, net, powerMonitor ----------
export const shell = {
  async openExternal(url: string, options?: Electron.OpenExternalOptions): Promise<void> {
    record('shell', 'openExternal', [url, options]);
    fake.openedExternal.push(url);
  },
};

export const netFake = {
  online: true,
  fetchImpl: (_url: string, _init?: RequestInit): Promise<Response> =>
    Promise.reject(new Error('net.fetch: no fetchImpl set in this test')),
};
export const net = {
  fetch(input: string, init?: RequestInit): Promise<Response> {
    record('net', 'fetch', [input, init]);
    return netFake.fetchImpl(input, init);
  },
  isOnline(): boolean {
    return netFake.online;
  },
  get online(): boolean {
    return netFake.online;
  },
};

export const powerMonitor = new EventEmitter();

// ---------- app ----------
/** Knobs a test turns before the code under test runs. */
export const appFake = {
  singleInstanceLock: true,
  locale: 'en-US',
  preferredLanguages: ['en-US'],
  isPackaged: false,
};
class FakeDock {
  visible = true;
  hide(): void {
    record('dock', 'hide', []);
    this.visible = false;
  }
  show(): Promise<void> {
    record('dock', 'show', []);
    this.visible = true;
    return Promise.resolve();
  }
  isVisible(): boolean {
    return this.visible;
  }
}
class FakeApp extends EventEmitter {
  readonly dock = new FakeDock();
  quitting = false;
  get isPackaged(): boolean {
    return appFake.isPackaged;
  }
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    record('app', 'requestSingleInstanceLock', [additionalData]);
    return appFake.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    record('app', 'whenReady', []);
    return Promise.resolve();
  }
  isReady(): boolean {
    return true;
  }
  /** Like Electron: emits before-quit (cancellable), then will-quit and quit. */
  quit(): void {
    record('app', 'quit', []);
    const e = fakeEvent();
    this.emit('before-quit', e);
    if (e.defaultPrevented) return;
    this.quitting = true;
    this.emit('will-quit', fakeEvent());
    this.emit('quit', fakeEvent(), 0);
  }
  exit(exitCode = 0): void {
    record('app', 'exit', [exitCode]);
    this.quitting = true;
  }
  setAppUserModelId(id: string): void {
    record('app', 'setAppUserModelId', [id]);
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    record('app', 'setLoginItemSettings', [settings]);
  }
  getLocale(): string {
    return appFake.locale;
  }
  getPreferredSystemLanguages(): string[] {
    return appFake.preferredLanguages;
  }
  getSystemLocale(): string {
    return appFake.locale;
  }
  getPath(name: string): string {
    return `/tmp/electron-fake/${name}`;
  }
  getAppPath(): string {
    return '/tmp/electron-fake/app';
  }
  getVersion(): string {
    return '0.0.0-fake';
  }
}
export const app = new FakeApp();

// ---------- registry and reset ----------
/** Everything the code under test created, for tests to inspect and drive. */
export const fake = {
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  menus: [] as FakeMenu[],
  notifications: [] as FakeNotification[],
  exposed: {} as Record<string, unknown>,
  openedExternal: [] as string[],
};

/** Puts the whole module back to its initial state; call in beforeEach. */
export function resetElectronFake(): void {
  calls.length = 0;
  fake.windows.length = 0;
  fake.trays.length = 0;
  fake.menus.length = 0;
  fake.notifications.length = 0;
  fake.openedExternal.length = 0;
  for (const k of Object.keys(fake.exposed)) delete fake.exposed[k];
  ipcHandlers.clear();
  rendererEvents.removeAllListeners();
  ipcRendererFake.respond = () => ({ ok: true, value: null });
  netFake.online = true;
  netFake.fetchImpl = () => Promise.reject(new Error('net.fetch: no fetchImpl set in this test'));
  Object.assign(appFake, {
    singleInstanceLock: true,
    locale: 'en-US',
    preferredLanguages: ['en-US'],
    isPackaged: false,
  });
  app.removeAllListeners();
  app.dock.visible = true;
  app.quitting = false;
  powerMonitor.removeAllListeners();
  ipcMain.removeAllListeners();
  session.defaultSession = new FakeSession();
  FakeNotification.supported = true;
}

export { FakeBrowserWindow as BrowserWindow, FakeTray as Tray, FakeNotification as Notification };

/** The module's default export, for `import electron from 'electron'` style code. */
export default {
  app,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Menu,
  nativeImage,
  Notification: FakeNotification,
  ipcMain,
  ipcRenderer,
  contextBridge,
  shell,
  net,
  powerMonitor,
  session,
};

/**
 * Compile-time honesty: the fake's methods must accept what the real ones accept, so shell
 * code that type-checks against electron.d.ts cannot call the fake in a way Electron would not.
 */
type Mirrors<Fake extends Real, Real> = Fake;
export type _FakeSignatures = [
  Mirrors<FakeTray, Pick<Electron.Tray, 'setToolTip' | 'setTitle' | 'destroy' | 'isDestroyed'>>,
  Mirrors<
    FakeNativeImage,
    Pick<
      Electron.NativeImage,
      'addRepresentation' | 'setTemplateImage' | 'isTemplateImage' | 'isEmpty' | 'getScaleFactors'
    >
  >,
  Mirrors<
    FakeBrowserWindow,
    Pick<
      Electron.BrowserWindow,
      | 'loadURL'
      | 'loadFile'
      | 'show'
      | 'focus'
      | 'close'
      | 'destroy'
      | 'isDestroyed'
      | 'isMinimized'
      | 'restore'
      | 'isVisible'
    >
  >,
  Mirrors<
    FakeWebContents,
    Pick<
      Electron.WebContents,
      'getURL' | 'isLoading' | 'setWindowOpenHandler' | 'send' | 'isDestroyed'
    >
  >,
  Mirrors<FakeNotification, Pick<Electron.Notification, 'show' | 'close'>>,
  Mirrors<typeof shell, Pick<Electron.Shell, 'openExternal'>>,
  Mirrors<typeof contextBridge, Pick<Electron.ContextBridge, 'exposeInMainWorld'>>,
  Mirrors<
    FakeApp,
    Pick<
      Electron.App,
      | 'requestSingleInstanceLock'
      | 'whenReady'
      | 'quit'
      | 'exit'
      | 'setAppUserModelId'
      | 'setLoginItemSettings'
      | 'getLocale'
      | 'getPreferredSystemLanguages'
      | 'getPath'
      | 'isPackaged'
    >
  >,
  Mirrors<typeof net, Pick<Electron.Net, 'isOnline' | 'online'>>,
];
