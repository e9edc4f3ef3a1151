/**
 * Where the recording fake of 'electron' must behave like Electron itself, because shell code
 * (and its tests) would otherwise pass here and break in the app: structured clone on IPC,
 * Chromium's URL for loadFile, one shared default session, asynchronous notification events.
 */
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  FakeBrowserWindow,
  FakeNotification,
  emitToRenderer,
  invokeIpc,
  ipcMain,
  ipcRenderer,
  ipcRendererFake,
  resetElectronFake,
  session,
} from '../../fakes/electron';
import { createFakeCore, recordingLogger } from '../../fakes/fake-core';
import { dispatchInvoke } from '../../../main/shell/ipc-dispatch';
import { push, registerIpc } from '../../../main/shell/ipc-main';
import { schemas, wire, type InvokeChannel } from '../../../shared/ipc';

beforeEach(() => resetElectronFake());

const FRAME = 'creditray://app/index.html';

describe('IPC payloads are structured-cloned both ways', () => {
  it("rejects an invoke whose handler returns a function, in the renderer's words", async () => {
    ipcMain.handle('t:fn', () => ({ ok: true, value: () => 1 }));
    await expect(invokeIpc('t:fn', null, FRAME)).rejects.toThrow(
      "Error invoking remote method 't:fn': Error: An object could not be cloned.",
    );
  });

  it('delivers a class instance as a plain object: methods and getters are gone', async () => {
    class Money {
      constructor(readonly micros: number) {}
      get yuan(): number {
        return this.micros / 1e6;
      }
    }
    ipcMain.handle('t:cls', () => new Money(2_000_000));
    const got = (await invokeIpc('t:cls', null, FRAME)) as Record<string, unknown>;
    expect(got).toEqual({ micros: 2_000_000 });
    expect(got.yuan).toBeUndefined();
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
  });

  it('never lets an uncloneable payload reach main (it fails in the renderer)', async () => {
    let reached = false;
    ipcMain.handle('t:in', () => {
      reached = true;
    });
    await expect(invokeIpc('t:in', { cb: () => 1 }, FRAME)).rejects.toThrow('could not be cloned');
    await expect(invokeIpc('t:in', Symbol('s'), FRAME)).rejects.toThrow('could not be cloned');
    expect(reached).toBe(false);
  });

  it('throws synchronously from webContents.send, and the renderer gets a copy', () => {
    const win = new FakeBrowserWindow();
    expect(() => win.webContents.send('p', { f() {} })).toThrow('An object could not be cloned.');
    const payload = { when: new Date(0), rows: [{ a: 1 }] };
    push(win, 'navigate', payload as never);
    const sent = win.webContents.sent.at(-1)!.args[0] as typeof payload;
    expect(sent).toEqual(payload);
    expect(sent).not.toBe(payload);
    expect(() => emitToRenderer('p', () => 1)).toThrow('could not be cloned');
  });

  it('clones ipcRenderer.invoke arguments and answers in the preload too', async () => {
    ipcRendererFake.respond = () => ({ ok: true, value: new Map([[1, 2]]) });
    await expect(ipcRenderer.invoke('x', { f: () => 1 })).rejects.toThrow('could not be cloned');
    ipcRendererFake.respond = () => ({ ok: true, get: () => 1 });
    await expect(ipcRenderer.invoke('x', {})).rejects.toThrow('could not be cloned');
  });

  it("every channel's answer from the real handlers crosses IPC unchanged", async () => {
    const core = createFakeCore();
    const deps = {
      core,
      isTrustedSender: (u: string | undefined) => u === FRAME,
      openExternal: async () => undefined,
      logger: recordingLogger(),
    };
    registerIpc(deps);
    for (const channel of Object.keys(schemas) as InvokeChannel[]) {
      const direct = await dispatchInvoke(deps, channel, FRAME, {});
      const crossed = await invokeIpc(wire(channel), {}, FRAME);
      expect(crossed, channel).toStrictEqual(direct);
    }
  });
});

describe('loadFile reports the URL Chromium builds, not pathToFileURL', () => {
  it('percent-encodes spaces and non-ASCII, keeps [ ] and a lone %, escapes # from the path', async () => {
    const win = new FakeBrowserWindow();
    const file = '/opt/My App [beta]/100% ü#1/index.html';
    await win.loadFile(file);
    const url = win.webContents.getURL();
    expect(url).toBe('file:///opt/My%20App%20[beta]/100%%20%C3%BC%231/index.html');
    expect(url).not.toBe(pathToFileURL(file).href);
  });

  it('resolves a relative path against the app path and adds hash and query', async () => {
    const win = new FakeBrowserWindow();
    await win.loadFile('out/index.html', { hash: '/dashboard', query: { a: 'b c' } });
    expect(win.webContents.getURL()).toBe(
      'file:///tmp/electron-fake/app/out/index.html?a=b%20c#/dashboard',
    );
  });

  it('decodes an escaped unreserved character, keeps other escapes', async () => {
    const win = new FakeBrowserWindow();
    await win.loadURL('file:///a/%41%2Fb%7e/x.html');
    expect(win.webContents.getURL()).toBe('file:///a/A%2Fb~/x.html');
  });
});

describe('one default session for every window', () => {
  it('applies a permission handler set through one window to all windows', async () => {
    const first = new FakeBrowserWindow();
    const second = new FakeBrowserWindow();
    first.webContents.session.setPermissionRequestHandler((_wc, _p, cb) => cb(false));
    expect(second.webContents.session).toBe(session.defaultSession);
    await expect(second.webContents.requestPermission('media')).resolves.toBe(false);
  });

  it('gives a partition its own session, the same one each time', () => {
    const a = new FakeBrowserWindow({ webPreferences: { partition: 'persist:x' } });
    const b = new FakeBrowserWindow({ webPreferences: { partition: 'persist:x' } });
    expect(a.webContents.session).toBe(b.webContents.session);
    expect(a.webContents.session).not.toBe(session.defaultSession);
  });
});

describe('notification events come later, from the OS', () => {
  it("emits 'show' after show() returns, so a listener added afterwards still hears it", async () => {
    const n = new FakeNotification({ title: 't' });
    const seen: string[] = [];
    n.show();
    n.on('show', () => seen.push('show'));
    expect(seen).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['show']);
  });
});
