/**
 * The recording at the heart of the electron fake: every call lands in `calls`, every
 * object the code under test created lands in `fake`.
 */
import type { FakeBrowserWindow } from './window';
import type { FakeMenu, FakeNotification, FakeTray } from './ui';

/** One recorded call: `target` is e.g. 'app', 'tray', 'window', 'webContents', 'shell'. */
export interface Call {
  target: string;
  method: string;
  args: unknown[];
}
export const calls: Call[] = [];
export const record = (target: string, method: string, args: unknown[]): void => {
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

/** Everything the code under test created, for tests to inspect and drive. */
export const fake = {
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  menus: [] as FakeMenu[],
  notifications: [] as FakeNotification[],
  exposed: {} as Record<string, unknown>,
  openedExternal: [] as string[],
};

export function resetRecord(): void {
  calls.length = 0;
  fake.windows.length = 0;
  fake.trays.length = 0;
  fake.menus.length = 0;
  fake.notifications.length = 0;
  fake.openedExternal.length = 0;
  for (const k of Object.keys(fake.exposed)) delete fake.exposed[k];
}
