/**
 * The built-in simulated DeepSeek account: no key, no network. Its balance is a pure
 * function of time since start, so a new user (and every test) sees every level within a
 * few minutes: healthy -> low -> critical -> depleted -> topped up, over and over.
 */
import type { Snapshot } from '../../../shared/model';
import { microsToDecimal, MICROS_PER_UNIT } from '../../../shared/money';
import { PROVIDERS } from '../../../shared/providers';
import { ok } from '../../../shared/result';
import { parseBalanceJson } from './deepseek-parse';
import type { Provider } from './provider';

/** One full cycle: drain for 320 s, stay empty for 40 s, then the account is topped up again. */
export const DEMO_CYCLE_MS = 360_000;
/** How long the demo account stays at zero before its simulated top-up. */
export const DEMO_EMPTY_MS = 40_000;
/** Gift credit in the demo account, spent before the topped-up money (as DeepSeek does). */
export const DEMO_GRANTED_CNY = 8;

/** (seconds into the cycle, CNY left): piecewise linear, so each level is on screen for a while. */
const KEYFRAMES: ReadonlyArray<readonly [number, number]> = [
  [0, 60], // healthy
  [150, 20], // low below 20
  [240, 5], // critical below 5
  [320, 0], // depleted until the cycle ends
  [360, 0],
];

/** CNY left at a point in the cycle, in whole cents expressed as micro-units (exact, no float money). */
function totalMicrosAt(elapsedMs: number): number {
  const t = (((elapsedMs % DEMO_CYCLE_MS) + DEMO_CYCLE_MS) % DEMO_CYCLE_MS) / 1000;
  for (let i = 1; i < KEYFRAMES.length; i++) {
    const [t1, v1] = KEYFRAMES[i]!;
    const [t0, v0] = KEYFRAMES[i - 1]!;
    if (t <= t1) {
      const cents = Math.round((v0 + ((v1 - v0) * (t - t0)) / (t1 - t0)) * 100);
      return cents * (MICROS_PER_UNIT / 100);
    }
  }
  return 0;
}

/**
 * The raw /user/balance body the simulated account would send at `elapsedMs` since start,
 * with the all-zero USD row in random order like the real service.
 */
export function demoBalanceBodyAt(elapsedMs: number, random: () => number = Math.random): unknown {
  const total = totalMicrosAt(elapsedMs);
  const giftFull = DEMO_GRANTED_CNY * MICROS_PER_UNIT;
  const spent = 60 * MICROS_PER_UNIT - total;
  const granted = Math.max(0, giftFull - spent);
  const cny = {
    currency: 'CNY',
    total_balance: microsToDecimal(total),
    granted_balance: microsToDecimal(granted),
    topped_up_balance: microsToDecimal(total - granted),
  };
  const usd = { currency: 'USD', total_balance: '0.00', granted_balance: '0.00', topped_up_balance: '0.00' };
  return { is_available: total > 0, balance_infos: random() < 0.5 ? [cny, usd] : [usd, cny] };
}

/** The demo account's snapshot at `elapsedMs` since start (used by `check --demo` and tests). */
export function demoSnapshotAt(elapsedMs: number, at: number = elapsedMs, random: () => number = Math.random): Snapshot {
  const parsed = parseBalanceJson(demoBalanceBodyAt(elapsedMs, random), { at, host: 'demo' });
  if (!parsed.ok) throw new Error(`demo body failed to parse: ${parsed.error.message}`);
  return parsed.value;
}

export interface DemoDeps {
  now: () => number;
  /** Epoch ms the simulation starts from; defaults to creation time (so it opens healthy). */
  startedAt?: number;
  random?: () => number;
}

/** Creates the simulated provider; it ignores key, base URL and signal. */
export function createDemoProvider(deps: DemoDeps): Provider {
  const startedAt = deps.startedAt ?? deps.now();
  const random = deps.random ?? Math.random;
  return {
    id: 'demo',
    info: PROVIDERS.demo,
    checkKeyShape: () => null,
    fetchBalance: async () => {
      const at = deps.now();
      return ok(demoSnapshotAt(at - startedAt, at, random));
    },
    verifyKey: async () => ok(undefined),
  };
}
