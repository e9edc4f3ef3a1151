/**
 * The parts of `check` that read history: insights (burn rate, days left, spike) for the text
 * and JSON outputs, `--record` (append the reading like the app's poller does), and the
 * one-line status-bar format. Insights come from shared/analytics, the same code the tray
 * and the notifications use, so a status bar never disagrees with the app.
 */
import {
  anyDaysLeft,
  confidentDaysLeft,
  historyInsights,
  type HistoryInsights,
} from '../../shared/analytics';
import { formatDays } from '../../shared/i18n/notifications';
import type { Lang } from '../../shared/i18n/language';
import { levelWord } from '../../shared/i18n/tray';
import { thresholdsFor } from '../../shared/level';
import { formatMoney, microsToDecimal, toMicros } from '../../shared/money';
import type { AccountStatus, Snapshot } from '../../shared/model';

/** The status with insights from `history` plus this reading (a stale reading is in history already). */
export function withInsights(
  s: AccountStatus,
  history: readonly Snapshot[],
  now: number,
): AccountStatus {
  const currency = s.headline?.currency;
  if (!currency) return s;
  const readings = s.snapshot && !s.stale ? [...history, s.snapshot] : [...history];
  const insights = historyInsights(readings, currency, {
    thresholds: thresholdsFor(s.account, currency),
    budget: s.account.budget,
    now,
  });
  return { ...s, insights };
}

/** `foresight` in `check --json`: the same numbers the runs-out and spike notifications use. */
export function foresightJson(i: HistoryInsights | null, runOutDays: number) {
  if (!i) return { foresight: null };
  const days = confidentDaysLeft(i.forecast);
  const m = i.spike;
  return {
    foresight: {
      currency: i.currency,
      daysLeft: anyDaysLeft(i.forecast),
      confident: days !== null,
      runsOutWithin: { days: runOutDays, warning: days !== null && days <= runOutDays },
      spike: m && {
        level: m.level,
        ratio: m.ratio === null ? null : Math.round(m.ratio * 10) / 10,
        lastHour: microsToDecimal(m.recentSpentMicros),
        usualPerHour: microsToDecimal(m.usualPerHourMicros),
      },
    },
  };
}

const money = (micros: number, currency: string, lang: Lang) => {
  try {
    return formatMoney(micros, currency, lang);
  } catch {
    return `${microsToDecimal(micros)} ${currency}`;
  }
};

/** Burn rate and days left under an account's text block; nothing while collecting data. */
export function insightLines(s: AccountStatus, lang: Lang): string[] {
  const i = s.insights;
  if (!i) return [];
  const zh = lang === 'zh-CN';
  const out: string[] = [];
  const rate = i.burnRate.day ?? i.burnRate.week;
  if (rate)
    out.push(
      zh
        ? `  消费速度：每天 ${money(rate.perDayMicros, i.currency, lang)}（每小时 ${money(rate.perHourMicros, i.currency, lang)}）`
        : `  burn rate: ${money(rate.perDayMicros, i.currency, lang)} a day (${money(rate.perHourMicros, i.currency, lang)} an hour)`,
    );
  const days = anyDaysLeft(i.forecast);
  if (days !== null && days > 0) {
    const sure = confidentDaysLeft(i.forecast) !== null;
    const d = formatDays(days, lang);
    out.push(
      zh
        ? `  预计剩余：约 ${d}${sure ? '' : '（数据不足 3 天，仅供参考）'}`
        : `  days left: about ${d}${sure ? '' : ' (less than 3 days of history: rough)'}`,
    );
  }
  if (i.spike?.level === 'spike')
    out.push(
      zh
        ? `  消费激增：最近一小时 ${money(i.spike.recentSpentMicros, i.currency, lang)}`
        : `  spending spike: ${money(i.spike.recentSpentMicros, i.currency, lang)} in the last hour`,
    );
  if (!rate && days === null)
    out.push(
      zh
        ? '  消费速度：数据收集中'
        : '  burn rate: collecting data (needs history; see check --record)',
    );
  return out;
}

/**
 * One line for a status bar (waybar, tmux, i3blocks, xbar/SwiftBar): each account as
 * "label balance STATE [days]", worst first is left to the bar; separated by " | ".
 */
export function statusLine(statuses: AccountStatus[], lang: Lang): string {
  return statuses
    .map((s) => {
      const head = s.headline ? money(toMicros(s.headline.total), s.headline.currency, lang) : '—';
      const days = anyDaysLeft(s.insights?.forecast);
      const tail = days !== null && days > 0 ? ` ${Math.floor(days * 10) / 10}d` : '';
      return `${s.account.label} ${head} ${tagWord(lang, s)}${tail}`;
    })
    .join(' | ');
}

/** The state tag, upper case in English ([OK], [LOW]) so every state reads alike. */
export function tagWord(lang: Lang, s: Pick<AccountStatus, 'level'>): string {
  const word = levelWord(lang, s.level);
  return lang === 'en' ? word.toUpperCase() : word;
}
