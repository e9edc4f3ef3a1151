/**
 * Which screen is showing. Main can ask for a screen (tray menu "Why am I getting 402?",
 * a notification click) with a 'navigate' push; the UI moves the same way.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CreditrayApi, View } from '../../shared/ipc';

export interface Route {
  view: View;
  accountId?: string;
}

/** Current route plus a `go` function; follows 'navigate' pushes from main. */
export function useNavigation(api: CreditrayApi | null): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>({ view: 'dashboard' });
  useEffect(() => {
    if (!api) return;
    return api.on('navigate', (payload) => setRoute({ view: payload.view, accountId: payload.accountId }));
  }, [api]);
  const go = useCallback((next: Route) => setRoute(next), []);
  return [route, go];
}
