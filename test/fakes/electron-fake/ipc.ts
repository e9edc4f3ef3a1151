/** Fakes of both IPC ends (ipcMain, ipcRenderer) and the contextBridge, with test drivers. */
import { EventEmitter } from 'node:events';
import { ipcClone } from './clone';
import { fake, record } from './record';
import { FakeWebContents } from './window';

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
/**
 * Test helper: invoke a handler as a frame at `frameUrl` would (undefined = frame already
 * gone), with Electron's round trip: the payload is structured-cloned on the way in (an
 * uncloneable one never reaches main), the result on the way out, and a handler that throws
 * or returns something uncloneable rejects with the renderer's wording (electron/electron
 * lib/browser/api/web-contents.ts '-ipc-invoke': replyWithResult inside try, replyWithError
 * sends `error.toString()`; lib/renderer/api/ipc-renderer.ts prefixes
 * "Error invoking remote method '<channel>': ").
 */
export async function invokeIpc(
  channel: string,
  payload: unknown,
  frameUrl: string | undefined,
): Promise<unknown> {
  const [arg] = ipcClone([payload]);
  const sender = new FakeWebContents();
  sender.url = frameUrl ?? '';
  const event = {
    senderFrame: frameUrl === undefined ? null : { url: frameUrl },
    sender,
    frameId: 1,
    processId: 1,
  };
  const remote = (e: unknown) =>
    new Error(`Error invoking remote method '${channel}': ${String(e)}`);
  const handler = ipcHandlers.get(channel);
  if (!handler) throw remote(new Error(`No handler registered for '${channel}'`));
  let result: unknown;
  try {
    result = ipcClone(await handler(event, arg));
  } catch (e) {
    throw remote(e);
  }
  return result;
}

// ---------- ipcRenderer + contextBridge (preload) ----------
const rendererEvents = new EventEmitter();
export const ipcRendererFake = {
  /** What `ipcRenderer.invoke` resolves to; tests replace it. */
  respond: (_channel: string, _payload: unknown): unknown => ({ ok: true, value: null }),
};
export const ipcRenderer = {
  /** Like Electron: arguments and answer are structured-cloned (see clone.ts). */
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    record('ipcRenderer', 'invoke', [channel, ...args]);
    const sent = ipcClone(args);
    return ipcClone(await ipcRendererFake.respond(channel, sent[0]));
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
  const received = ipcClone(args);
  rendererEvents.emit(channel, { sender: ipcRenderer, senderId: 0, ports: [] }, ...received);
}
export const rendererListenerCount = (channel: string): number =>
  rendererEvents.listenerCount(channel);

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    record('contextBridge', 'exposeInMainWorld', [apiKey, api]);
    fake.exposed[apiKey] = api;
  },
};

export function resetIpc(): void {
  ipcHandlers.clear();
  rendererEvents.removeAllListeners();
  ipcRendererFake.respond = () => ({ ok: true, value: null });
  ipcMain.removeAllListeners();
}
