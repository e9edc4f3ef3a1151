/**
 * Finds a configured account that already holds a key, so the same key is not added twice
 * (two accounts with one key show one balance twice and double every alert; issue 13).
 *
 * Only accounts of the same provider and base URL can hold the same credential. Their keys
 * are read from the keychain and compared as SHA-256 digests with a constant-time compare,
 * so neither the key nor how much of it matched leaks through a message, a log or timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AccountConfig, ProviderId } from '../../shared/model';
import type { Logger, SecretStore } from './ports';
import { normalizeBaseUrl } from './url-policy';

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/** The same endpoint however it was typed (trailing slash, case of the host). */
function sameBase(a: string, b: string): boolean {
  const na = normalizeBaseUrl(a);
  const nb = normalizeBaseUrl(b);
  return (na.ok ? na.value : a) === (nb.ok ? nb.value : b);
}

/**
 * The first account (other than `exceptId`) of `provider` at `baseUrl` whose stored key is
 * `key`; null when none. A keychain entry that cannot be read is skipped (and logged without
 * the key): refusing every add because one entry is locked would be worse than a duplicate.
 */
export async function findAccountWithKey(
  deps: { accounts: readonly AccountConfig[]; secrets: SecretStore; logger: Logger },
  want: { key: string; provider: ProviderId; baseUrl: string; exceptId?: string },
): Promise<AccountConfig | null> {
  const wanted = digest(want.key);
  for (const a of deps.accounts) {
    if (
      a.id === want.exceptId ||
      a.provider !== want.provider ||
      !sameBase(a.baseUrl, want.baseUrl)
    )
      continue;
    const stored = await deps.secrets.get(a.id);
    if (!stored.ok) {
      deps.logger.warn('could not read a key to compare for duplicates', {
        accountId: a.id,
        code: stored.error.code,
      });
      continue;
    }
    if (stored.value !== null && timingSafeEqual(digest(stored.value), wanted)) return a;
  }
  return null;
}

/** The refusal, naming the account that has the key; never the key itself. */
export function duplicateKeyError(existing: AccountConfig): { code: string; message: string } {
  return {
    code: 'duplicate-key',
    message: `This key is already in Creditray as "${existing.label}" (${existing.keyMask}). Nothing was saved.`,
  };
}
