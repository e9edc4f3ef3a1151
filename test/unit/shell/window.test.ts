import { beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  callsTo,
  fake,
  resetElectronFake,
  type FakeBrowserWindow,
} from '../../fakes/electron';
import { recordingLogger } from '../../fakes/fake-core';
import { createWindowController } from '../../../main/shell/window';

const preloadPath = '/app/out/preload/index.cjs';
const renderer = { root: '/app/out/renderer' };
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => resetElectronFake());

const make = (over: Partial<Parameters<typeof createWindowController>[0]> = {}) =>
  createWindowController({
    preloadPath,
    renderer,
    logger: recordingLogger(),
    platform: 'linux',
    ...over,
  });

function only(): FakeBrowserWindow {
  expect(fake.windows).toHaveLength(1);
  return fake.windows[0]!;
}

describe('window controller', () => {
  it('opens nothing until asked (tray-only app)', () => {
    make();
    expect(fake.windows).toEqual([]);
  });

  it('gives every window isolated, sandboxed preferences without Node', () => {
    make().showView('dashboard');
    expect(only().webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: preloadPath,
    });
  });

  it('denies window.open, blocks navigation away and refuses every permission', async () => {
    make().showView('dashboard');
    await tick();
    const wc = only().webContents;
    expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({
      action: 'deny',
    });
    expect(wc.tryNavigate('https://evil.example/')).toBe(false);
    expect(wc.tryNavigate('file:///etc/passwd')).toBe(false);
    expect(wc.tryNavigate(wc.getURL())).toBe(true);
    await expect(wc.requestPermission('media')).resolves.toBe(false);
    await expect(wc.requestPermission('notifications')).resolves.toBe(false);
    expect(wc.session.permissionCheckHandler?.(wc, 'clipboard-read', 'file://', {})).toBe(false);
  });

  it('loads the built renderer from the app scheme (never file://), or the dev server when electron-vite gave one', async () => {
    make().showView();
    expect(callsTo('window', 'loadFile')).toEqual([]);
    expect(callsTo('window', 'loadURL')[0]?.args[0]).toBe('creditray://app/index.html');
    resetElectronFake();
    make({ renderer: { ...renderer, devUrl: 'http://localhost:5173/' } }).showView();
    expect(callsTo('window', 'loadURL')[0]?.args[0]).toBe('http://localhost:5173/');
  });

  it('flushes when Windows asks whether the session may end and when it ends (no before-quit there)', () => {
    let flushed = 0;
    make({ onSessionEnd: () => void flushed++ }).showView();
    const w = only();
    w.emit('query-session-end', { reasons: ['shutdown'], preventDefault() {} });
    w.emit('session-end', { reasons: ['logoff'], preventDefault() {} });
    expect(flushed).toBe(2);
  });

  it('navigates once the page has loaded, and directly after that', async () => {
    const windows = make();
    windows.showView('diagnosis', 'acc_1');
    const wc = only().webContents;
    expect(wc.sent).toEqual([]); // nothing is listening yet
    await tick();
    expect(only().visible).toBe(true);
    expect(wc.sent).toEqual([
      { channel: 'creditray:navigate', args: [{ view: 'diagnosis', accountId: 'acc_1' }] },
    ]);
    windows.showView('history', 'acc_2');
    expect(fake.windows).toHaveLength(1);
    expect(wc.sent[1]).toEqual({
      channel: 'creditray:navigate',
      args: [{ view: 'history', accountId: 'acc_2' }],
    });
    expect(only().focused).toBe(true);
  });

  it('is destroyed when closed and a new one is created next time', async () => {
    const windows = make();
    windows.showView();
    await tick();
    only().close();
    expect(windows.current()).toBeNull();
    windows.push('navigate', { view: 'dashboard' }); // no window: silently skipped
    windows.showView();
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]!.isDestroyed()).toBe(false);
  });

  it('shows the macOS dock icon only while the window is open', async () => {
    const windows = make({ platform: 'darwin' });
    app.dock.visible = false;
    windows.showView();
    expect(app.dock.isVisible()).toBe(true);
    await tick();
    only().close();
    expect(app.dock.isVisible()).toBe(false);
  });
});
