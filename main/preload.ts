/**
 * The renderer's only door to main: `window.creditray`, typed by `CreditrayApi`. It never
 * exposes `ipcRenderer` itself, refuses channel names outside the contract before anything
 * is sent, and strips the IpcRendererEvent from pushes (it would hand the page `sender`).
 *
 * Bundled to CommonJS for the sandbox, and by the UI harness with a browser shim: so it
 * uses only contextBridge.exposeInMainWorld and ipcRenderer.invoke/on/removeListener, and
 * imports nothing at run time (shared/ipc.ts pulls in zod, which a sandboxed preload
 * cannot require). The channel lists below are checked against the contract by the compiler.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CreditrayApi, InvokeChannel, PushChannel } from '../shared/ipc';

const INVOKE_CHANNELS = [
  'state:get',
  'accounts:add',
  'accounts:update',
  'accounts:replace-key',
  'accounts:set-endpoint',
  'accounts:remove',
  'accounts:refresh',
  'settings:update',
  'history:get',
  'external:open',
  'demo:start',
  'diagnosis:run',
  'diagnosis:mark-paid',
  'history:export',
  'history:import',
] as const satisfies readonly InvokeChannel[];
const PUSH_CHANNELS = ['state:changed', 'navigate'] as const satisfies readonly PushChannel[];

/** Fails to compile when the contract gains a channel these lists do not name. */
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const _invokeComplete: Covers<InvokeChannel, (typeof INVOKE_CHANNELS)[number]> = true;
const _pushComplete: Covers<PushChannel, (typeof PUSH_CHANNELS)[number]> = true;

const invokable: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
const pushable: ReadonlySet<string> = new Set(PUSH_CHANNELS);
/** Same prefix as `wire()` in shared/ipc.ts (a test pins the two together). */
const wireName = (channel: string): string => `creditray:${channel}`;

const api: CreditrayApi = {
  invoke(channel, request) {
    if (typeof channel !== 'string' || !invokable.has(channel)) {
      return Promise.reject(new Error(`Unknown Creditray channel: ${String(channel)}`));
    }
    return ipcRenderer.invoke(wireName(channel), request);
  },
  on(channel, listener) {
    if (typeof channel !== 'string' || !pushable.has(channel)) {
      throw new Error(`Unknown Creditray push channel: ${String(channel)}`);
    }
    const name = wireName(channel);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(name, wrapped);
    return () => {
      ipcRenderer.removeListener(name, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('creditray', Object.freeze(api));
