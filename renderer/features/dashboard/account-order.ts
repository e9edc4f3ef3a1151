/**
 * The dashboard list's order and its short words (pure, so they are unit-tested without
 * React): worst account first, in the same order the tray uses to pick its colour, so the
 * top row is always the account the tray icon is warning about.
 */
import type { TFunction } from 'i18next';
import type { HistoryInsights } from '../../../shared/analytics';
import type { AccountStatus, Level, ProviderId } from '../../../shared/model';

/** Worst first: no money or calls blocked, then nearly out, then unreadable, then low. */
export const SEVERITY: readonly Level[] = [
  'depleted',
  'unavailable',
  'critical',
  'error',
  'low',
  'stale',
  'healthy',
];

/** Levels where "Why 402?" is worth a link on the row: calls fail or are about to. */
const TROUBLE: ReadonlySet<Level> = new Set(['depleted', 'unavailable', 'critical', 'error']);

/** True when the row should offer the 402 diagnosis directly. */
export function inTrouble(level: Level): boolean {
  return TROUBLE.has(level);
}

/**
 * Accounts sorted worst first; within a level the one that runs out sooner comes first,
 * then the user's own order (a stable sort keeps equal accounts where they were).
 */
export function worstFirst(accounts: readonly AccountStatus[], now: number): AccountStatus[] {
  const days = (a: AccountStatus) => daysLeft(a.insights, now) ?? Number.POSITIVE_INFINITY;
  return [...accounts].sort(
    (a, b) => SEVERITY.indexOf(a.level) - SEVERITY.indexOf(b.level) || days(a) - days(b),
  );
}

/** From this many accounts on (more than the window shows at once), rows are grouped by provider. */
export const GROUP_FROM = 7;

export interface ProviderGroup {
  provider: ProviderId;
  /** Worst first, as in the ungrouped list. */
  accounts: AccountStatus[];
}

/**
 * The list in provider groups when there are many accounts of more than one provider, else
 * null (one plain list). Groups keep the worst-first order: the group holding the worst
 * account comes first, so the top row is still the one the tray warns about.
 */
export function providerGroups(accounts: readonly AccountStatus[], now: number): ProviderGroup[] | null {
  if (accounts.length < GROUP_FROM) return null;
  const groups = new Map<ProviderId, AccountStatus[]>();
  for (const a of worstFirst(accounts, now)) {
    const list = groups.get(a.account.provider) ?? [];
    list.push(a);
    groups.set(a.account.provider, list);
  }
  if (groups.size < 2) return null;
  return [...groups].map(([provider, list]) => ({ provider, accounts: list }));
}

const DAY_MS = 86_400_000;

/** Whole days until the expected zero, 0 once reached; null without a confident-enough forecast. */
export function daysLeft(insights: HistoryInsights | null, now: number): number | null {
  const f = insights?.forecast;
  if (!f || f.status !== 'ok') return null;
  const zero = f.targets.find((x) => x.name === 'zero');
  if (!zero) return null;
  if (zero.reached) return 0;
  if (zero.expected === null) return null;
  return Math.max(0, Math.round((zero.expected - now) / DAY_MS));
}

/** The row's "runs out" cell in a few words. */
export function daysLeftText(insights: HistoryInsights | null, now: number, t: TFunction): string {
  if (!insights) return '—';
  const f = insights.forecast;
  if (f.status === 'collecting-data') return t('dashboard.collecting');
  if (f.status === 'not-spending') return t('dashboard.notSpending');
  const days = daysLeft(insights, now);
  if (days === null) return t('dashboard.noEndInSight');
  const zero = f.targets.find((x) => x.name === 'zero');
  return zero?.reached ? t('dashboard.alreadyZero') : t('dashboard.daysLeft', { count: days });
}
