/**
 * One reading of one account for the CLI, as an AccountStatus (the same shape the tray and
 * window show), so levels and headlines are computed the one way the app computes them.
 */
import type { CliContext } from './context';
import type { Target } from './targets';
import { computeLevel } from '../../shared/level';
import { headlineOf } from '../../shared/balance';
import type { AccountStatus, ProviderError, Snapshot } from '../../shared/model';

/** Reads the key (keychain unless given), fetches the balance, falls back to the last saved reading. */
export async function checkAccount(target: Target, ctx: CliContext): Promise<AccountStatus> {
  const { account } = target;
  const provider = ctx.providers[account.provider];
  const at = ctx.now();
  // The simulated account has no key to read.
  let key = account.provider === 'demo' ? '' : target.key;
  let error: ProviderError | null = null;
  let snapshot: Snapshot | null = null;
  if (key === undefined) {
    const r = await ctx.secrets.get(account.id);
    if (!r.ok)
      error = { kind: 'keychain', status: null, message: r.error.message, retryAfterMs: null, at };
    else if (r.value === null) {
      error = {
        kind: 'keychain',
        status: null,
        message: `No key for "${account.label}" in the keychain: add it again with \`creditray accounts add\`.`,
        retryAfterMs: null,
        at,
      };
    } else key = r.value;
  }
  if (key !== undefined) {
    const r = await provider.fetchBalance({ key, baseUrl: account.baseUrl, custom: account.custom });
    if (r.ok) snapshot = r.value;
    else error = r.error;
  }
  // A failed check shows the last reading we have, marked stale, never a zero.
  let stale = false;
  if (!snapshot && !account.id.startsWith('adhoc-')) {
    const past = await ctx
      .history()
      .read(account.id)
      .catch(() => []);
    const last = past.at(-1);
    if (last) {
      snapshot = last;
      stale = true;
    }
  }
  const level = computeLevel({ snapshot, error, account, previous: null });
  return {
    account,
    level,
    snapshot,
    headline: snapshot ? headlineOf(snapshot, account.headlineCurrency) : null,
    error,
    stale,
    checkedAt: at,
    nextCheckAt: null,
    gaugeFill: null,
    insights: null,
  };
}
