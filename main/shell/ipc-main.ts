/**
 * The only file that touches `ipcMain`: it registers one handler per contract channel,
 * each going through `dispatchInvoke`, and offers the one typed `push()` to a window.
 */
import { ipcMain } from 'electron';
import {
  schemas,
  wire,
  type InvokeChannel,
  type PushChannel,
  type PushPayloads,
} from '../../shared/ipc';
import { dispatchInvoke, type IpcDeps } from './ipc-dispatch';

export type { IpcDeps } from './ipc-dispatch';

/** Registers every channel of shared/ipc.ts; returns a function that removes them again. */
export function registerIpc(opts: IpcDeps): () => void {
  const channels = Object.keys(schemas) as InvokeChannel[];
  for (const channel of channels) {
    ipcMain.handle(wire(channel), (event, payload: unknown) =>
      // senderFrame is null when the frame navigated away or died: that is untrusted too.
      dispatchInvoke(opts, channel, event.senderFrame?.url, payload),
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(wire(channel));
  };
}

/** The slice of a BrowserWindow a push needs (typed structurally so tests can pass a fake). */
export interface PushTarget {
  isDestroyed(): boolean;
  webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
}

/** Main -> renderer, typed by PushPayloads; a closed window is silently skipped. */
export function push<P extends PushChannel>(
  win: PushTarget | null | undefined,
  channel: P,
  payload: PushPayloads[P],
): void {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(wire(channel), payload);
}
