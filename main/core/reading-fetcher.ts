/**
 * One balance reading for one account, as the monitor needs it: the key read from the
 * keychain (the demo needs none), the account's provider asked with the account's address
 * and custom mapping, and every failure, a throwing provider included, turned into a typed
 * ProviderError so a poll never crashes the monitor.
 */
import type { AccountConfig, ErrorKind, ProviderId, Snapshot } from '../../shared/model';
import { err, toError } from '../../shared/result';
import type { Clock, Logger, ProviderResult, SecretStore } from './ports';
import type { Provider } from './providers/provider';

export interface ReadingFetcherDeps {
  clock: Clock;
  providers: Partial<Record<ProviderId, Provider>>;
  secrets: SecretStore;
  logger: Logger;
}

/** The fetch function the monitor calls on every poll. */
export function createReadingFetcher(
  deps: ReadingFetcherDeps,
): (account: AccountConfig, signal: AbortSignal) => Promise<ProviderResult<Snapshot>> {
  const { clock, logger } = deps;
  const fail = (kind: ErrorKind, message: string): ProviderResult<Snapshot> =>
    err({ kind, status: null, message, retryAfterMs: null, at: clock.now() });

  return async function fetchOnce(
    account: AccountConfig,
    signal: AbortSignal,
  ): Promise<ProviderResult<Snapshot>> {
    const provider = deps.providers[account.provider];
    if (!provider)
      return fail('config', `No "${account.provider}" provider is available in this build.`);
    let key = '';
    if (account.provider !== 'demo') {
      try {
        const r = await deps.secrets.get(account.id);
        if (!r.ok)
          return fail(
            'keychain',
            `The API key could not be read from the system keychain: ${r.error.message}`,
          );
        if (!r.value)
          return fail(
            'keychain',
            'No API key is stored in the system keychain for this account. Replace the key to store it again.',
          );
        key = r.value;
      } catch (thrown) {
        return fail('keychain', `The system keychain failed: ${toError(thrown).message}`);
      }
    }
    try {
      return await provider.fetchBalance({
        key,
        baseUrl: account.baseUrl,
        custom: account.custom,
        signal,
      });
    } catch (thrown) {
      logger.error('provider threw instead of returning an error (a bug)', {
        account: account.id,
        error: toError(thrown).name,
      });
      return fail('bad-response', 'The balance check failed unexpectedly.');
    }
  };
}
