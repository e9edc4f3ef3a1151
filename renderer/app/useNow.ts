/**
 * The current time, re-read every 30 s so "checked 3 minutes ago" stays true. This only
 * re-renders labels; it never asks main for anything (balances arrive by push).
 */
import { useEffect, useState } from 'react';

/** Epoch ms, refreshed on an interval. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
