/**
 * When to interrupt the user. Pure: the monitor feeds it the last settled level and the new
 * one, and it answers which notifications to show. Rules:
 * - a DOWNWARD crossing into low, critical or depleted notifies that kind;
 * - becoming unavailable, or an auth failure (401), notifies once;
 * - recovery (from depleted, unavailable, critical or an auth error back to healthy or low)
 *   notifies 'recovered';
 * - 'stale' (a transient failure with a good reading kept) never notifies;
 * - the first result after launch never notifies (never-spam: the tray already shows the
 *   state, and a restart must not replay alerts the user has seen); the monitor counts a
 *   result as first when it is the first with a real level, skipping network errors before it;
 * - each kind can be switched off per account, and one kind for one account is not repeated
 *   within the cooldown.
 * The monitor passes `previous` as the last non-stale level, so low -> stale -> low is silent.
 */
import type { AccountConfig, Headline, Level, NotifyKind, ProviderError } from '../../shared/model';
import { PROVIDERS } from '../../shared/providers';
import { thresholdsFor } from '../../shared/level';
import type { Lang } from '../../shared/i18n/language';
import { formatNotificationAmount, notificationText } from '../../shared/i18n/notifications';
import type { NotificationRequest } from './ports';

export interface NotificationInput {
  account: AccountConfig;
  /** The last settled (non-stale) level, null before any. */
  previous: Level | null;
  next: Level;
  /** The error behind `next` (null on success). */
  error: ProviderError | null;
  /** The error behind `previous`: tells an auth 'error' from a keychain one. Optional. */
  previousError?: ProviderError | null;
  lastSent: Partial<Record<NotifyKind, number>>;
  now: number;
  cooldownMs: number;
  isFirstResult: boolean;
  lang: Lang;
  headline: Headline | null;
}

const MONEY_RANK: Partial<Record<Level, number>> = { healthy: 0, low: 1, critical: 2, depleted: 3 };

function isAuthError(level: Level | null, error: ProviderError | null | undefined): boolean {
  return level === 'error' && error?.kind === 'auth';
}

/**
 * The gate every notification passes, threshold or foresight alike: the user's per-account
 * switch for the kind, then the cooldown since that kind was last shown for that account.
 */
export function notifyAllowed(
  account: AccountConfig,
  kind: NotifyKind,
  lastSent: Partial<Record<NotifyKind, number>>,
  now: number,
  cooldownMs: number,
): boolean {
  if (!account.notify[kind]) return false;
  return now - (lastSent[kind] ?? -Infinity) >= cooldownMs;
}

/** Which kind (if any) this transition means, before preferences and cooldown. */
export function transitionKind(input: NotificationInput): NotifyKind | null {
  const { previous, next, error, previousError } = input;
  // Nothing to compare with yet. (A stale next level needs no rule of its own: none below
  // matches it, so it never notifies.)
  if (previous === null) return null;
  const wasProblem =
    previous === 'depleted' ||
    previous === 'unavailable' ||
    previous === 'critical' ||
    isAuthError(previous, previousError);
  if ((next === 'healthy' || next === 'low') && wasProblem) return 'recovered';
  if (next === 'low' || next === 'critical' || next === 'depleted') {
    const before = MONEY_RANK[previous];
    // From a non-money level (unavailable, error) the balance news is new information.
    if (before === undefined) return next;
    return (MONEY_RANK[next] as number) > before ? next : null;
  }
  if (next === 'unavailable') return previous === 'unavailable' ? null : 'unavailable';
  if (isAuthError(next, error)) return isAuthError(previous, previousError) ? null : 'auth';
  return null;
}

/** The notifications to show now (zero or one today; a list leaves room for more). */
export function decideNotifications(input: NotificationInput): NotificationRequest[] {
  if (input.isFirstResult) return [];
  const kind = transitionKind(input);
  // Stryker disable next-line ConditionalExpression: equivalent, notify[null] is undefined and the next line returns [] as well
  if (kind === null) return [];
  const { account, lastSent, now, cooldownMs, lang, headline } = input;
  if (!notifyAllowed(account, kind, lastSent, now, cooldownMs)) return [];
  const currency = headline?.currency ?? null;
  const thresholds = thresholdsFor(account, currency);
  const text = notificationText(lang, kind, {
    label: account.label,
    balance: formatNotificationAmount(headline?.total ?? null, currency, lang),
    // The threshold that was crossed: a critical alert quotes the critical one.
    threshold: formatNotificationAmount(
      kind === 'critical' ? thresholds.critical : thresholds.low,
      currency,
      lang,
    ),
    provider: PROVIDERS[account.provider].displayName,
    keyMask: account.keyMask,
  });
  return [{ accountId: account.id, kind, ...text }];
}
