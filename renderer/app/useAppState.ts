/**
 * The whole AppState from main: fetched once, then replaced by every 'state:changed' push.
 * No polling: main pushes after each poll, settings change or account change.
 */
import { useEffect, useState } from 'react';
import type { CreditrayApi } from '../../shared/ipc';
import type { AppState } from '../../shared/model';

export type StateLoad = { phase: 'loading' } | { phase: 'ready'; state: AppState } | { phase: 'error'; message: string };

/** Subscribes before fetching so a push that races the first `state:get` is never lost. */
export function useAppState(api: CreditrayApi | null): StateLoad {
  const [load, setLoad] = useState<StateLoad>(() =>
    api ? { phase: 'loading' } : { phase: 'error', message: 'bridge-missing' },
  );
  useEffect(() => {
    if (!api) return;
    let pushed = false;
    let live = true;
    // A User Timing mark at the first state: devtools and bench/ui-bench.ts time the first render from it.
    const markFirst = () => {
      if (performance.getEntriesByName('creditray:first-state').length === 0) performance.mark('creditray:first-state');
    };
    const off = api.on('state:changed', (state) => {
      markFirst();
      pushed = true;
      if (live) setLoad({ phase: 'ready', state });
    });
    void api.invoke('state:get', undefined).then((r) => {
      if (!live || pushed) return;
      markFirst();
      setLoad(r.ok ? { phase: 'ready', state: r.value } : { phase: 'error', message: r.error.message });
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return load;
}
