/**
 * An account's level from its last reading and last error. Thresholds are compared in
 * micro-units. Hysteresis: going DOWN is immediate (a warning must never be late), going UP
 * out of low or critical needs the balance to clear the threshold by a margin, so a balance
 * hovering at a threshold (spend, small refund, spend...) does not flap the tray colour and
 * re-fire notifications.
 */
import {
  DEFAULT_THRESHOLDS,
  type AccountConfig,
  type KnownCurrency,
  type Level,
  type ProviderError,
  type Snapshot,
  type Thresholds,
} from './model';
import { pickHeadline, headlineMicros } from './balance';
import { parseAmount } from './money';

/**
 * The upward margin: 5% (1/20, integer division) of the threshold, but at least 0.01 of the currency (10 000 micros).
 * 5% keeps a CNY 20 threshold needing CNY 21 to clear, small enough not to feel stuck and big
 * enough to absorb a few cheap calls; the 0.01 floor keeps tiny thresholds meaningful.
 */
export const HYSTERESIS_DIVISOR = 20;
export const HYSTERESIS_MIN_MICROS = 10_000;

/** Errors that make every API call fail whatever the balance says: show them as 'error'. */
export const BLOCKING_ERROR_KINDS: ReadonlySet<ProviderError['kind']> = new Set([
  'auth',
  'keychain',
  'config',
]);

/** The account's own thresholds, else the defaults for CNY/USD, else CNY's. */
export function thresholdsFor(account: AccountConfig, currency: string | null): Thresholds {
  if (account.thresholds) return account.thresholds;
  return DEFAULT_THRESHOLDS[currency as KnownCurrency] ?? DEFAULT_THRESHOLDS.CNY;
}

/** Margin in micro-units a balance must clear above `thresholdMicros` to move up past it. */
export function hysteresisMargin(thresholdMicros: number): number {
  return Math.max(Math.floor(thresholdMicros / HYSTERESIS_DIVISOR), HYSTERESIS_MIN_MICROS);
}

function micros(amount: string): number {
  const r = parseAmount(amount);
  return r.ok ? r.value : 0;
}

export interface LevelInput {
  /** The last good reading (kept through failures). */
  snapshot: Snapshot | null;
  /** The last attempt's failure, null when it succeeded. */
  error: ProviderError | null;
  account: AccountConfig;
  /** The level last computed from a reading: only 'low'/'critical' matter (hysteresis). */
  previous: Level | null;
}

/**
 * The level rules (order matters): blocking errors -> 'error'; other errors -> 'stale' if a
 * good reading exists, else 'error'; no reading and no error (not polled yet) -> 'stale';
 * is_available false -> 'unavailable' even with money; unlimited -> 'healthy'; total <= 0 -> 'depleted';
 * below critical -> 'critical'; below low -> 'low'; else 'healthy'.
 */
export function computeLevel(input: LevelInput): Level {
  const { snapshot, error, account, previous } = input;
  if (error && BLOCKING_ERROR_KINDS.has(error.kind)) return 'error';
  if (error) return snapshot ? 'stale' : 'error';
  if (!snapshot) return 'stale';
  if (!snapshot.available) return 'unavailable';
  // An unlimited key cannot run low; only its errors can make it fail.
  if (snapshot.unlimited) return 'healthy';
  const headline = pickHeadline(snapshot.rows, account.headlineCurrency);
  const total = headlineMicros(headline);
  if (total <= 0) return 'depleted';
  const t = thresholdsFor(account, headline.currency);
  let critical = micros(t.critical);
  let low = micros(t.low);
  // Leaving a level upward needs the margin above each threshold at or above that level.
  if (previous === 'critical') critical += hysteresisMargin(critical);
  if (previous === 'critical' || previous === 'low') low += hysteresisMargin(low);
  if (total < critical) return 'critical';
  if (total < low) return 'low';
  return 'healthy';
}
