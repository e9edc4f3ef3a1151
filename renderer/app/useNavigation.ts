/**
 * Which screen is showing. Main can ask for a screen (tray menu "Why am I getting 402?",
 * a notification click) with a 'navigate' push; the UI moves the same way. Main sends a
 * pending navigation as soon as the page has loaded, which can be before React has run its
 * effects, so the push is caught at module load and remembered.
 */
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { CreditrayApi, View } from '../../shared/ipc';

export interface Route {
  view: View;
  accountId?: string;
}

/** The latest push, numbered so a newer push wins over an older click and the reverse. */
let latest: { seq: number; route: Route } = { seq: 0, route: { view: 'dashboard' } };
const listeners = new Set<() => void>();
const subscribe = (cb: () => void) => {
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
};
const snapshot = () => latest;

/** Call once, at startup, before rendering: from then on no 'navigate' push is missed. */
export function listenForNavigation(api: CreditrayApi | null): void {
  api?.on('navigate', (payload) => {
    latest = { seq: latest.seq + 1, route: { view: payload.view, accountId: payload.accountId } };
    for (const l of listeners) l();
  });
}

/** Current route plus a `go` function; the most recent of a push and a click decides. */
export function useNavigation(): [Route, (route: Route) => void] {
  const pushed = useSyncExternalStore(subscribe, snapshot);
  const [local, setLocal] = useState<{ seq: number; route: Route } | null>(null);
  const go = useCallback((route: Route) => setLocal({ seq: latest.seq, route }), []);
  return [local && local.seq >= pushed.seq ? local.route : pushed.route, go];
}
