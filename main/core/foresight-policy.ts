/**
 * Foresight alerts: "runs out within N days at the current rate" and "spending spike". Each is
 * an episode: it notifies when the episode starts, never again while it lasts, and ends only
 * with hysteresis (days left back above 1.5 x N, a spike calmed below half its trigger), so a
 * value hovering at the edge does not alert every poll. Notifications pass the same gate as
 * threshold alerts (per-account switch, cooldown: notification-policy.ts). The monitor calls
 * this only after a successful reading, so a poll failure never starts or ends an episode, and
 * the first reading after launch only sets the episodes (never-spam, like threshold alerts).
 */
import {
  RUN_OUT_END_FACTOR,
  confidentDaysLeft,
  type HistoryInsights,
} from '../../shared/analytics';
import type { Lang } from '../../shared/i18n/language';
import {
  formatDays,
  formatNotificationAmount,
  notificationText,
} from '../../shared/i18n/notifications';
import { microsToDecimal } from '../../shared/money';
import type { AccountConfig, Headline, NotifyKind } from '../../shared/model';
import { PROVIDERS } from '../../shared/providers';
import { notifyAllowed } from './notification-policy';
import type { NotificationRequest } from './ports';

/** Whether each foresight episode is under way. */
export interface ForesightEpisodes {
  runOut: boolean;
  spike: boolean;
}

/**
 * The episodes after this reading. Unknown stays as it was: a forecast that is not confident
 * (or already at zero, which 'depleted' covers) or a spike measure still collecting data.
 */
export function nextEpisodes(
  previous: ForesightEpisodes | null,
  insights: HistoryInsights | null,
  runOutDays: number,
): ForesightEpisodes {
  const was = previous ?? { runOut: false, spike: false };
  const days = confidentDaysLeft(insights?.forecast);
  let runOut = was.runOut;
  if (insights?.forecast.status === 'not-spending') runOut = false;
  else if (days !== null && days <= runOutDays) runOut = true;
  else if (days !== null && days > runOutDays * RUN_OUT_END_FACTOR) runOut = false;
  const level = insights?.spike?.level;
  let spike = was.spike;
  if (level === 'spike') spike = true;
  else if (level === 'calm') spike = false;
  return { runOut, spike };
}

export interface ForesightInput {
  account: AccountConfig;
  /** Episodes before this reading; null for the first reading since launch. */
  previous: ForesightEpisodes | null;
  next: ForesightEpisodes;
  insights: HistoryInsights | null;
  headline: Headline | null;
  lastSent: Partial<Record<NotifyKind, number>>;
  now: number;
  cooldownMs: number;
  lang: Lang;
}

/** The foresight notifications to show now: one per episode that just started. */
export function decideForesight(input: ForesightInput): NotificationRequest[] {
  const { account, previous, next, insights, lang, headline } = input;
  if (previous === null || insights === null) return [];
  const started: NotifyKind[] = [];
  if (next.runOut && !previous.runOut) started.push('runs-out');
  if (next.spike && !previous.spike) started.push('spike');
  const currency = insights.currency;
  const amount = (micros: number) =>
    formatNotificationAmount(microsToDecimal(micros), currency, lang);
  const days = confidentDaysLeft(insights.forecast);
  const f = insights.forecast;
  const m = insights.spike;
  // Each kind's own figures; the text of the other kind never reads them.
  const figures = (kind: NotifyKind) =>
    kind === 'runs-out'
      ? days !== null && f.status === 'ok'
        ? { days: formatDays(days, lang), rate: amount(f.perDay.expected.micros) }
        : {}
      : m
        ? {
            spent: amount(m.recentSpentMicros),
            usual: amount(m.usualPerHourMicros),
            ...(m.ratio === null ? {} : { ratio: String(Math.floor(m.ratio)) }),
          }
        : {};
  const out: NotificationRequest[] = [];
  for (const kind of started) {
    if (!notifyAllowed(account, kind, input.lastSent, input.now, input.cooldownMs)) continue;
    const vars = {
      label: account.label,
      balance: formatNotificationAmount(headline?.total ?? null, headline?.currency ?? null, lang),
      threshold: '',
      provider: PROVIDERS[account.provider].displayName,
      keyMask: account.keyMask,
      ...figures(kind),
    };
    out.push({ accountId: account.id, kind, ...notificationText(lang, kind, vars) });
  }
  return out;
}
