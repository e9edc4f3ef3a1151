/**
 * The renderer's only door to main: the object the preload exposes. Looked up once, typed
 * by the IPC contract; nothing here knows whether it runs in Electron or the UI harness.
 */
import type { CreditrayApi } from '../../shared/ipc';

declare global {
  interface Window {
    creditray?: CreditrayApi;
  }
}

/** Null when the preload did not run (the app shows a plain error instead of crashing). */
export function getBridge(): CreditrayApi | null {
  return window.creditray ?? null;
}
