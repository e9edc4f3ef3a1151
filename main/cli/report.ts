/**
 * What `check` prints: the JSON contract (README, "CLI JSON") and a short human table.
 * JSON field names are a promise to scripts: later work adds fields, never renames them.
 */
import { EXIT } from './args';
import type { AccountStatus, Level } from '../../shared/model';

export interface AccountJson {
  label: string;
  provider: string;
  state: Level;
  available: boolean | null;
  balances: { currency: string; total: string; granted: string; toppedUp: string }[];
  headline: { currency: string; total: string } | null;
  error: { kind: string; status: number | null; message: string } | null;
  checkedAt: string | null;
  /** True when `balances` come from an earlier reading because this check failed. */
  stale: boolean;
  /** When `balances` were read (differs from checkedAt when stale). */
  balanceAt: string | null;
  /** True for a key without a spending cap (a relay's unlimited token): healthy, no headline. */
  unlimited: boolean;
  /** Labelled amounts beside the balance (usage, key limit, credit limit…); never the balance itself. */
  facts: { id: string; currency: string; amount: string }[];
  /** Why the reading looks as it does when rows alone would mislead (e.g. `key-limit-reached`). */
  notice: { code: string; message: string } | null;
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** The JSON view of one account's status. */
export function accountJson(s: AccountStatus): AccountJson {
  return {
    label: s.account.label,
    provider: s.account.provider,
    state: s.level,
    available: s.snapshot ? s.snapshot.available : null,
    balances: (s.snapshot?.rows ?? []).map((r) => ({
      currency: r.currency,
      total: r.total,
      granted: r.granted,
      toppedUp: r.toppedUp,
    })),
    headline: s.headline ? { currency: s.headline.currency, total: s.headline.total } : null,
    error: s.error
      ? { kind: s.error.kind, status: s.error.status, message: s.error.message }
      : null,
    checkedAt: iso(s.checkedAt),
    stale: s.stale,
    balanceAt: iso(s.snapshot?.at ?? null),
    unlimited: s.snapshot?.unlimited === true,
    facts: (s.snapshot?.facts ?? []).map((f) => ({
      id: f.id,
      currency: f.currency,
      amount: f.amount,
    })),
    notice: s.snapshot?.notice ? { ...s.snapshot.notice } : null,
  };
}

/**
 * The exit code for a set of accounts. Depleted/unavailable wins (scripts must stop
 * sending), then "could not tell", then low/critical.
 */
export function exitCodeFor(levels: Level[]): number {
  if (levels.some((l) => l === 'depleted' || l === 'unavailable'))
    return EXIT.depletedOrUnavailable;
  if (levels.some((l) => l === 'error' || l === 'stale')) return EXIT.undetermined;
  if (levels.some((l) => l === 'low' || l === 'critical')) return EXIT.lowOrCritical;
  return EXIT.healthy;
}
