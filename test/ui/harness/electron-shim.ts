/**
 * The 'electron' module as the real preload sees it inside the UI harness: the four APIs
 * main/preload.ts uses, bridged to Node through Playwright. `invoke` calls the binding the
 * harness exposes (`__creditrayInvoke`); Node pushes by evaluating `__creditrayPush`.
 * Bundled into the preload with esbuild (alias electron -> this file) and injected before
 * the page's own scripts, so the renderer cannot tell it is not in Electron.
 */
type Listener = (event: unknown, ...args: unknown[]) => void;
interface HarnessWindow {
  [key: string]: unknown;
  __creditrayInvoke?: (channel: string, payload: unknown) => Promise<unknown>;
  __creditrayPush?: (channel: string, payload: unknown) => number;
}
const win = globalThis as unknown as HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

/** Electron's IpcRendererEvent: the preload drops it, so a stub is enough. */
const fakeEvent = Object.freeze({ sender: null, senderId: 0, ports: [] });

// Node calls this (page.evaluate) to deliver a push; returns how many listeners got it.
win.__creditrayPush = (channel, payload) => {
  const set = listeners.get(channel);
  for (const l of set ?? []) l(fakeEvent, payload);
  return set?.size ?? 0;
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    // No isolated world in a plain page: the closest equivalent is a non-writable global.
    Object.defineProperty(win, key, { value: api, writable: false, configurable: false, enumerable: true });
  },
};

interface ShimIpcRenderer {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  on(channel: string, listener: Listener): ShimIpcRenderer;
  removeListener(channel: string, listener: Listener): ShimIpcRenderer;
}

export const ipcRenderer: ShimIpcRenderer = {
  invoke(channel: string, payload?: unknown): Promise<unknown> {
    const bridge = win.__creditrayInvoke;
    if (!bridge) return Promise.reject(new Error('UI harness: __creditrayInvoke binding missing'));
    // Electron structured-clones the payload; the JSON round trip of Playwright's binding matches that closely enough.
    return bridge(channel, payload);
  },
  on(channel: string, listener: Listener): ShimIpcRenderer {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener): ShimIpcRenderer {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

/** Type-only import in the preload (`type IpcRendererEvent`); erased by esbuild. */
export type IpcRendererEvent = typeof fakeEvent;
