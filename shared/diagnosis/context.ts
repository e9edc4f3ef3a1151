/**
 * What every cause rule reads, computed once per diagnosis: the reading, its rows in
 * micro-units, thresholds, the pasted error, and formatters in the user's language.
 */
import { diagnosisText, type DiagnosisMessageKey } from '../i18n/diagnosis';
import type { Lang } from '../i18n/language';
import { pickHeadline } from '../balance';
import { PROVIDERS } from '../providers';
import { formatMoney, parseAmount } from '../money';
import {
  DEFAULT_THRESHOLDS,
  type AccountStatus,
  type KnownCurrency,
  type ProviderError,
  type Snapshot,
} from '../model';
import { parsePastedError } from './pasted-error';
import { pastedIdOf, PASTED_PROVIDER_NAMES, type PastedProviderId } from './error-providers';
import { giftDrops, readHistory, type CurrencyHistory, type GiftDrop } from './history';
import { rowMicros } from './rows';
import type { DiagnosisInput, ParsedError } from './types';

/** Durations in the rules are written in minutes. */
export const MINUTE_MS = 60_000;
const GIFT_LOOKBACK_MS = 30 * 24 * 60 * MINUTE_MS;

/** A currency row with money in it (micro-units). */
export interface FundedRow {
  currency: string;
  micros: number;
}

/** The evidence read once, plus formatters in the user's language; every rule takes this. */
export interface Ctx {
  input: DiagnosisInput;
  lang: Lang;
  now: number;
  status: AccountStatus;
  /** The last good reading (maybe old). */
  snap: Snapshot | null;
  /** True when `snap` is what the latest check saw. */
  fresh: boolean;
  pasted: ParsedError | null;
  /** Only pasted text, no account (the CLI without accounts). */
  pastedOnly: boolean;
  /**
   * The provider the pasted text came from when that is not this account's provider (or there
   * is no account); null when the text is the account's own or names no provider.
   */
  foreignProvider: PastedProviderId | null;
  /** The provider whose pages a step about the pasted error opens (null: none known). */
  pastedLinkProvider: PastedProviderId | null;
  /** The provider's name for sentences ("Moonshot (Kimi)"), or a neutral word when unknown. */
  providerName: string;
  /** Rows with money, richest first. */
  funded: FundedRow[];
  /** A reading exists and no row is above zero. */
  empty: boolean;
  headlineCurrency: string;
  pollError: ProviderError | null;
  /**
   * The status this account's calls get once out of money, for sentences ("fail with 429"):
   * the user's own pasted money error's, else the provider's usual one; null when unknown.
   */
  moneyStatus: number | null;
  /** The history per currency, classified by shared/analytics. */
  histories: CurrencyHistory[];
  giftDrops: GiftDrop[];
  t(key: DiagnosisMessageKey, vars?: Record<string, string | number>): string;
  money(micros: number, currency: string): string;
  time(at: number): string;
  ago(at: number): string;
  /** Critical threshold in micro-units for a currency (the account's own for its headline). */
  critical(currency: string): number;
}

/** Funded rows of any status, richest first. */
export function fundedRows(snap: Snapshot | null): FundedRow[] {
  if (!snap) return [];
  return snap.rows
    .map((r) => ({ currency: r.currency, micros: rowMicros(snap, r.currency).total }))
    .filter((r) => r.micros > 0)
    .sort((a, b) => b.micros - a.micros);
}

function headlineOf(status: AccountStatus): string {
  if (status.headline) return status.headline.currency;
  return (
    pickHeadline(status.snapshot?.rows ?? [], status.account.headlineCurrency)?.currency ?? 'CNY'
  );
}

function micros(v: string): number {
  const r = parseAmount(v);
  return r.ok ? r.value : 0;
}

function relative(lang: Lang, now: number, at: number): string {
  const fmt = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const mins = Math.round((at - now) / MINUTE_MS);
  if (Math.abs(mins) < 60) return fmt.format(mins, 'minute');
  const hours = Math.round(mins / 60);
  if (Math.abs(hours) < 48) return fmt.format(hours, 'hour');
  return fmt.format(Math.round(hours / 24), 'day');
}

/** Builds the shared reading of the input for one diagnosis. */
export function buildContext(input: DiagnosisInput, lang: Lang): Ctx {
  const status = input.account;
  const snap = status.snapshot;
  const funded = fundedRows(snap);
  const headlineCurrency = headlineOf(status);
  const histories = readHistory(input.history);
  const pasted = input.pastedError?.trim() ? parsePastedError(input.pastedError) : null;
  const own = input.pastedOnly ? null : pastedIdOf(status.account.provider);
  const from = pasted?.provider ?? null;
  const foreignProvider = from && from !== own ? from : null;
  const linkProvider = from ?? own;
  const timeFmt = new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  });
  return {
    input,
    lang,
    now: input.now,
    status,
    snap,
    fresh: !!snap && !status.stale,
    pasted,
    pastedOnly: !!input.pastedOnly,
    foreignProvider,
    pastedLinkProvider: linkProvider,
    providerName: linkProvider
      ? PASTED_PROVIDER_NAMES[linkProvider]
      : diagnosisText(lang, 'provider.unknown'),
    funded,
    empty: !!snap && funded.length === 0,
    headlineCurrency,
    pollError: status.error,
    moneyStatus:
      (pasted?.kind === 'insufficient-balance' && !foreignProvider ? pasted.status : null) ??
      PROVIDERS[status.account.provider].moneyStatus ??
      null,
    histories,
    giftDrops: histories.flatMap((h) => giftDrops(h, input.now - GIFT_LOOKBACK_MS)),
    t: (key, vars) => diagnosisText(lang, key, vars),
    money: (micros, currency) => formatMoney(micros, currency, lang),
    time: (at) => timeFmt.format(at),
    ago: (at) => relative(lang, input.now, at),
    critical(currency) {
      const own = status.account.thresholds;
      if (own && currency === headlineCurrency) return micros(own.critical);
      const def = DEFAULT_THRESHOLDS[currency as KnownCurrency] as { critical: string } | undefined;
      return def ? micros(def.critical) : 0;
    },
  };
}

/** "¥12.00 + $3.00", or the headline currency's zero when nothing is funded. */
export function balanceText(ctx: Ctx, snap: Snapshot | null = ctx.snap): string {
  const funded = fundedRows(snap);
  if (funded.length === 0) {
    const cur = snap?.rows.find((r) => r.currency === ctx.headlineCurrency)
      ? ctx.headlineCurrency
      : (snap?.rows[0]?.currency ?? ctx.headlineCurrency);
    return ctx.money(snap ? rowMicros(snap, cur).total : 0, cur);
  }
  return funded.map((r) => ctx.money(r.micros, r.currency)).join(' + ');
}
