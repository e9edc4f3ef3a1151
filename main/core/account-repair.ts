/**
 * Puts the keychain and the settings back in agreement after a process died between the two
 * (a crash, a kill, a power cut during `accounts add` or `remove`). Runs under the accounts
 * lock, at app start and on `creditray accounts list`. Every change it makes is reported as
 * a notice; it never deletes a key it cannot prove this data dir wrote for an account that
 * was never saved (the PendingKey journal), because other data dirs share the keychain.
 */
import { toError } from '../../shared/result';
import type { Logger, SecretStore } from './ports';
import type { Notice, SettingsStore } from './settings-store';

export interface RepairDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  logger: Logger;
}

/** Finishes interrupted adds and removes, then names accounts whose key is missing. */
export async function repairAccounts({ settings, secrets, logger }: RepairDeps): Promise<Notice[]> {
  const notices: Notice[] = [];
  try {
    for (const p of settings.pendingKeys()) {
      const account = settings.getAccount(p.id);
      if (p.op === 'add' || !account) {
        if (account) {
          settings.settlePendingKey(p.id); // the add finished; only the journal was left
          continue;
        }
        const del = await secrets.delete(p.id);
        if (!del.ok) continue; // keychain locked now: the journal keeps it for next time
        settings.settlePendingKey(p.id);
        if (del.value) {
          notices.push({
            code: 'orphan-key-removed',
            message:
              p.op === 'add'
                ? 'Adding an account was interrupted after its key was stored and before the account was saved; that key was removed from the keychain. Add the account again.'
                : 'Removing an account was interrupted after the account was removed; its key has now been deleted from the keychain too.',
          });
        }
        continue;
      }
      const key = await secrets.get(p.id);
      if (!key.ok) continue;
      if (key.value !== null) {
        settings.settlePendingKey(p.id);
        notices.push({
          code: 'account-remove-interrupted',
          message: `Removing "${account.label}" was interrupted before anything was deleted; the account and its key are still there. Remove it again if you still want to.`,
        });
      } else {
        settings.removeAccount(p.id); // the user asked for it and the key is already gone
        notices.push({
          code: 'account-remove-finished',
          message: `Removing "${account.label}" was interrupted after its key was deleted; the account has now been removed as well.`,
        });
      }
    }
    for (const a of settings.listAccounts()) {
      if (a.provider === 'demo') continue;
      const key = await secrets.get(a.id);
      if (key.ok && key.value === null) {
        notices.push({
          code: 'account-key-missing',
          message: `"${a.label}" has no key in the system keychain, so it cannot be checked. Replace its key, or remove the account.`,
        });
      }
    }
  } catch (e) {
    logger.warn('account repair stopped early', { error: toError(e).message });
  }
  return notices;
}
