/**
 * Applies the theme setting as `data-theme` on <html>. 'system' follows
 * prefers-color-scheme live, so the window changes with the OS without a restart.
 */
import { useEffect, useState } from 'react';
import type { ThemePref } from '../../shared/model';

export type ResolvedTheme = 'light' | 'dark';

const query = '(prefers-color-scheme: dark)';

/** Returns the theme actually shown (the chart needs it for its canvas colours). */
export function useTheme(pref: ThemePref): ResolvedTheme {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const onChange = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const theme: ResolvedTheme = pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
