/**
 * The recording fake of the 'electron' module. vitest aliases 'electron' here, so shell code
 * runs in plain Node (the real module would try to download the binary and crash). Every
 * call is appended to `calls`; instances live in `fake` so tests can drive them (click a
 * tray menu item, close a window, invoke an IPC handler as a given frame). Signatures follow
 * node_modules/electron/electron.d.ts for the slice we use; `resetElectronFake()` between tests.
 */
import type * as Electron from 'electron';
import {
  app,
  net,
  powerMonitor,
  resetApp,
  session,
  shell,
  type FakeApp,
} from './electron-fake/app';
import { contextBridge, ipcMain, ipcRenderer, resetIpc } from './electron-fake/ipc';
import { protocol, resetProtocol } from './electron-fake/protocol';
import { resetRecord } from './electron-fake/record';
import type { FakeNativeImage } from './electron-fake/ui';
import { FakeNotification, FakeTray, Menu, nativeImage } from './electron-fake/ui';
import type { FakeClientRequest } from './electron-fake/net';
import type { FakeWebContents } from './electron-fake/window';
import { FakeBrowserWindow } from './electron-fake/window';

export * from './electron-fake/record';
export * from './electron-fake/ui';
export * from './electron-fake/window';
export * from './electron-fake/ipc';
export * from './electron-fake/app';
export * from './electron-fake/protocol';
export { FakeClientRequest, FakeIncomingMessage } from './electron-fake/net';

/** Puts the whole module back to its initial state; call in beforeEach. */
export function resetElectronFake(): void {
  resetRecord();
  resetIpc();
  resetApp();
  resetProtocol();
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
  protocol,
};

/**
 * Compile-time honesty: the fake's methods must accept what the real ones accept, so shell
 * code that type-checks against electron.d.ts cannot call the fake in a way Electron would not.
 */
type Mirrors<Fake extends Real, Real> = Fake;
export type _FakeSignatures = [
  Mirrors<typeof protocol, Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'>>,
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
  Mirrors<
    FakeClientRequest,
    Pick<
      Electron.ClientRequest,
      'abort' | 'followRedirect' | 'setHeader' | 'getHeader' | 'removeHeader'
    >
  >,
  // net.request accepts whatever the real one accepts.
  Mirrors<
    typeof net.request,
    (options: Electron.ClientRequestConstructorOptions | string) => unknown
  >,
];
