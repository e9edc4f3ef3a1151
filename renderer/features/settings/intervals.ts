/** Poll interval choices and their labels, shared by the app-wide and per-account pickers. */
import type { TFunction } from 'i18next';

/** Seconds; the schema allows 30 s to 24 h, these are the sensible stops. */
export const POLL_CHOICES: number[] = [30, 60, 120, 300, 600, 900, 1800, 3600, 3 * 3600, 6 * 3600];

/** "5 minutes", "1 hour", "30 s" in the UI language. */
export function intervalLabel(t: TFunction, sec: number): string {
  if (sec % 3600 === 0) return t('settings.hours', { count: sec / 3600 });
  if (sec % 60 === 0) return t('settings.minutes', { count: sec / 60 });
  return t('settings.seconds', { count: sec });
}
