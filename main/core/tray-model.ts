/**
 * What the tray shows, as plain data: the shell turns it into an Electron Tray and Menu, and
 * tests read it directly. Keeping wording, ordering and "which account is worst" here means the
 * Electron adapter has no decisions left to get wrong.
 */
import { formatMoney, microsToDecimal, parseAmount } from '../../shared/money';
import type { AccountStatus, AppState, Headline, Level, ProviderId } from '../../shared/model';
import { resolveLanguage, type Lang } from '../../shared/i18n/language';
import { errorWords, levelWord, trayText } from '../../shared/i18n/tray';
import { formatDays } from '../../shared/i18n/notifications';
import { anyDaysLeft } from '../../shared/analytics/run-out';

/** One menu entry as data; the shell maps `kind`/`action` to click handlers. */
export type TrayMenuItem =
  /** Click: open the window on that account. */
  | { kind: 'account'; accountId: string; label: string }
  | {
      kind: 'action';
      action: 'refresh' | 'open' | 'diagnose' | 'quit';
      label: string;
      enabled: boolean;
      accountId?: string;
    }
  | { kind: 'top-up'; accountId: string; provider: ProviderId; label: string }
  | { kind: 'separator' };

/** The tray's whole look for one state; the icon comes from renderTrayIcon({ level, fill }). */
export interface TrayModel {
  level: Level;
  fill: number | null;
  tooltip: string;
  /** macOS shows it beside the icon: the worst account's balance, short. */
  title: string;
  menu: TrayMenuItem[];
}

/** Worst first: a key that cannot pay outranks one we merely cannot read, which outranks "low". */
const SEVERITY: readonly Level[] = [
  'depleted',
  'unavailable',
  'critical',
  'error',
  'low',
  'stale',
  'healthy',
];

/**
 * Overall level of several accounts (worst wins): depleted > unavailable > critical > error >
 * low > stale > healthy; no accounts -> 'healthy'. One icon must warn about the worst account.
 */
export function worstLevel(levels: Level[]): Level {
  let best = SEVERITY.length - 1;
  for (const level of levels) best = Math.min(best, SEVERITY.indexOf(level));
  return SEVERITY[best] ?? 'healthy';
}

/** Levels where "Why am I getting 402?" should open straight on the account in trouble. */
const DIAGNOSE_LEVELS: ReadonlySet<Level> = new Set([
  'depleted',
  'unavailable',
  'critical',
  'error',
]);
const TOP_UP_PROVIDERS: ReadonlySet<ProviderId> = new Set(['deepseek', 'demo']);

/** The headline as the user reads it; a malformed amount or currency falls back to plain text. */
function balanceText(headline: Headline | null, lang: Lang): string {
  if (!headline) return trayText(lang, 'noBalance');
  const micros = parseAmount(headline.total);
  if (!micros.ok) return `${headline.total} ${headline.currency}`;
  try {
    return formatMoney(micros.value, headline.currency, lang);
  } catch {
    return `${microsToDecimal(micros.value)} ${headline.currency}`;
  }
}

/** "¥12.30" rather than "CN¥12.30": the menu-bar title has little room. */
function shortBalance(headline: Headline | null, lang: Lang): string {
  if (!headline) return '';
  const micros = parseAmount(headline.total);
  if (!micros.ok) return '';
  try {
    const fmt = new Intl.NumberFormat(lang, {
      style: 'currency',
      currency: headline.currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    // A decimal string is formatted exactly (Intl.NumberFormat v3), no float round trip.
    return fmt.format(microsToDecimal(micros.value) as unknown as number);
  } catch {
    return `${microsToDecimal(micros.value)} ${headline.currency}`;
  }
}

function accountLine(s: AccountStatus, lang: Lang, withDays = false): string {
  const line = trayText(lang, 'accountLine', {
    label: s.account.label,
    balance: balanceText(s.headline, lang),
    state: levelWord(lang, s.level),
  });
  // Days left only for the worst account: one number that answers "when", not a table.
  const days = withDays && !s.stale ? anyDaysLeft(s.insights?.forecast) : null;
  if (days === null || days <= 0) return line;
  const detail = trayText(lang, 'daysLeft', { days: formatDays(days, lang) });
  return trayText(lang, 'withDetail', { line, detail });
}

/** The account line plus why it is stale or failing, in a few words. */
function tooltipLine(s: AccountStatus, lang: Lang, withDays: boolean): string {
  const line = accountLine(s, lang, withDays);
  let detail = s.error ? errorWords(lang, s.error.kind, s.error.status) : null;
  if (s.stale && s.level !== 'stale') {
    detail = detail ? trayText(lang, 'staleBecause', { why: detail }) : trayText(lang, 'stale');
  }
  return detail ? trayText(lang, 'withDetail', { line, detail }) : line;
}

/** The whole tray (icon level and fill, tooltip, title, menu) for one app state. */
export function buildTrayModel(state: AppState): TrayModel {
  const lang = resolveLanguage(state.settings.language, state.systemLocale);
  const accounts = state.accounts;
  const level = worstLevel(accounts.map((a) => a.level));
  const worst = accounts.find((a) => a.level === level) ?? null;

  const menu: TrayMenuItem[] = accounts.map((a) => ({
    kind: 'account',
    accountId: a.account.id,
    label: accountLine(a, lang, a === worst),
  }));
  if (menu.length > 0) menu.push({ kind: 'separator' });

  const hasAccounts = accounts.length > 0;
  menu.push({
    kind: 'action',
    action: 'refresh',
    label: trayText(lang, 'refresh'),
    enabled: hasAccounts,
  });
  menu.push({ kind: 'action', action: 'open', label: trayText(lang, 'open'), enabled: true });
  const diagnose: TrayMenuItem = {
    kind: 'action',
    action: 'diagnose',
    label: trayText(lang, 'diagnose'),
    enabled: hasAccounts,
  };
  if (worst && DIAGNOSE_LEVELS.has(worst.level)) diagnose.accountId = worst.account.id;
  menu.push(diagnose);
  for (const a of accounts) {
    if (!TOP_UP_PROVIDERS.has(a.account.provider)) continue;
    menu.push({
      kind: 'top-up',
      accountId: a.account.id,
      provider: a.account.provider,
      label: trayText(lang, 'topUp', { label: a.account.label }),
    });
  }
  menu.push({ kind: 'separator' });
  menu.push({ kind: 'action', action: 'quit', label: trayText(lang, 'quit'), enabled: true });

  return {
    level,
    fill: worst?.gaugeFill ?? null,
    tooltip: hasAccounts
      ? accounts.map((a) => tooltipLine(a, lang, a === worst)).join('\n')
      : trayText(lang, 'noAccounts'),
    title: shortBalance(worst?.headline ?? null, lang),
    menu,
  };
}

/**
 * Windows keeps 127 UTF-16 units of a tray tooltip (NOTIFYICONDATA.szTip is 128 wide chars
 * including the NUL) and Electron cuts the rest off blindly, possibly between the two halves
 * of a surrogate pair (electron/electron shell/browser/ui/win/notify_icon.cc, SetToolTip ->
 * CopyStringToBuf). The other systems have no such limit.
 */
export const WINDOWS_TOOLTIP_MAX = 127;

/**
 * The tooltip cut to `max` UTF-16 units: whole lines (accounts) when that keeps at least half,
 * else whole words, else characters, never half a surrogate pair, and an ellipsis to say so.
 */
export function fitTooltip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1; // for the ellipsis
  if (room < 1) return '';
  let cut = text.slice(0, room);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const line = cut.lastIndexOf('\n');
  const word = cut.lastIndexOf(' ');
  if (line >= room / 2) cut = cut.slice(0, line);
  else if (word >= room / 2) cut = cut.slice(0, word);
  return `${cut.trimEnd()}…`;
}
