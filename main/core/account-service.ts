/**
 * Adding, editing, re-keying, moving and removing accounts. The key is checked
 * (account-input.ts), then verified with the provider, and only then stored: in the keychain first, then the account in settings.
 * A failure at any step leaves nothing half-added behind, and no message carries the key.
 *
 * Other processes (the app, CLI commands) change the same keychain and settings. The key
 * write and its account write happen together under the accounts lock, with the key noted
 * in the settings file's journal first (PendingKey), so a crash between the two is finished
 * by `repair` and no key is ever left without its account, or an account without its key.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedRequest } from '../../shared/ipc';
import {
  DEFAULT_NOTIFY,
  type AccountConfig,
  type ProviderId,
} from '../../shared/model';
import { maskKey, PROVIDERS } from '../../shared/providers';
import { err, ok, toError, type AppError, type Result } from '../../shared/result';
import type { Logger, SecretStore } from './ports';
import type { Provider } from './providers/provider';
import { type Notice, type SettingsStore, SettingsWriteError } from './settings-store';
import { repairAccounts } from './account-repair';
import { resolveEndpoint, type AccountEndpoint } from './account-endpoint';
import { checkKeyInput, uniqueLabel } from './account-input';
import { andThen, notFound, verifyFailure, writeFailure } from './account-messages';
import { duplicateKeyError, findAccountWithKey } from './duplicate-key';

export interface AccountServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  providers: Record<ProviderId, Provider>;
  history?: { remove(id: string): Promise<void> };
  logger: Logger;
  now: () => number;
  newId?: () => string;
  /**
   * Runs `fn` holding the data dir's accounts lock (data-lock.ts); the app and the CLI pass
   * one, unit tests with a single in-memory store may leave it out.
   */
  accountsLock?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** What the core facade and the CLI call; every expected failure is a Result. */
export interface AccountService {
  add(req: ParsedRequest<'accounts:add'>): Promise<Result<AccountConfig, AppError>>;
  update(req: ParsedRequest<'accounts:update'>): Promise<Result<AccountConfig, AppError>>;
  replaceKey(req: ParsedRequest<'accounts:replace-key'>): Promise<Result<AccountConfig, AppError>>;
  setEndpoint(req: ParsedRequest<'accounts:set-endpoint'>): Promise<Result<AccountConfig, AppError>>;
  remove(id: string): Promise<Result<null, AppError>>;
  /** Finishes interrupted adds/removes and reports accounts whose key is missing; see account-repair.ts. */
  repair(): Promise<Notice[]>;
}

/** Builds the service over its ports; nothing is read or written until a method is called. */
export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { settings, secrets, logger } = deps;
  const newId = deps.newId ?? (() => randomUUID());
  const runLocked = deps.accountsLock ?? (<T>(fn: () => Promise<T>) => fn());
  /** A lock that cannot be taken (read-only folder, another process stuck) is a settings failure. */
  const locked = async <T>(
    fn: () => Promise<Result<T, AppError>>,
  ): Promise<Result<T, AppError>> => {
    try {
      return await runLocked(fn);
    } catch (e) {
      logger.error('accounts lock failed', { error: toError(e).message });
      return err(writeFailure(new SettingsWriteError(e)));
    }
  };
  /** Refuses a key another account of the same provider and endpoint already holds. */
  const refuseDuplicate = async (want: {
    key: string;
    provider: ProviderId;
    baseUrl: string;
    exceptId?: string;
  }): Promise<Result<void, AppError>> => {
    const accounts = settings.listAccounts();
    const existing = await findAccountWithKey({ accounts, secrets, logger }, want);
    return existing ? err(duplicateKeyError(existing)) : ok(undefined);
  };
  const register = (key: string) =>
    (logger as { addSecret?: (s: string) => void }).addSecret?.(key);

  /** Shape check (warn only), then the provider's own verdict. */
  async function verify(
    provider: Provider,
    key: string,
    endpoint: AccountEndpoint,
  ): Promise<Result<void, AppError>> {
    const warning = provider.checkKeyShape(key);
    if (warning)
      logger.warn('key shape looks unusual; letting the server decide', {
        provider: provider.id,
        keyMask: maskKey(key),
        warning,
      });
    const r = await provider.verifyKey({ key, ...endpoint });
    if (r.ok) return ok(undefined);
    if (r.error.kind === 'insufficient-balance') {
      // 402 means the key authenticated; an empty account is exactly what users want to watch.
      logger.info('key verified with an empty balance', {
        provider: provider.id,
        keyMask: maskKey(key),
      });
      return ok(undefined);
    }
    logger.warn('key verification failed', {
      provider: provider.id,
      kind: r.error.kind,
      status: r.error.status,
    });
    return err(verifyFailure(r.error, provider.info));
  }

  /** Runs one settings write, or reports the typed write failure as a value. */
  function save(
    id: string,
    write: () => AccountConfig | undefined,
  ): Result<AccountConfig, AppError> {
    try {
      const saved = write();
      return saved ? ok(saved) : err(notFound());
    } catch (e) {
      logger.error('settings write failed', { accountId: id, error: toError(e).message });
      return err(writeFailure(e));
    }
  }
  /** Best effort: a journal entry left behind is finished by the next repair. */
  const settle = (id: string) => {
    try {
      settings.settlePendingKey(id);
    } catch (e) {
      logger.warn('could not settle a pending key; repair will', {
        accountId: id,
        error: toError(e).message,
      });
    }
  };

  return {
    async add(req) {
      const provider = deps.providers[req.provider];
      if (!provider) return err({ code: 'config', message: `Unknown provider "${req.provider}".` });
      const info = PROVIDERS[req.provider];
      const wanted = req.label?.trim() || info.displayName;
      const base = {
        provider: req.provider,
        headlineCurrency: 'auto' as const,
        thresholds: null,
        budget: { kind: 'none' as const },
        pollIntervalSec: null,
        notify: { ...DEFAULT_NOTIFY },
        createdAt: deps.now(),
      };
      if (req.provider === 'demo') {
        const id = newId();
        return save(id, () =>
          settings.addAccount((taken) => ({
            ...base,
            label: uniqueLabel(wanted, taken),
            id,
            baseUrl: info.defaultBaseUrl,
            keyMask: '',
          })),
        );
      }

      const key = checkKeyInput(req.key, info);
      if (!key.ok) return key;
      register(key.value);
      const endpoint = resolveEndpoint(req);
      if (!endpoint.ok) return endpoint;
      const same = { key: key.value, provider: req.provider, baseUrl: endpoint.value.baseUrl };
      // Checked before the network call (a quick answer) and again under the lock (a race).
      const unique = await refuseDuplicate(same);
      if (!unique.ok) return unique;
      const verified = await verify(provider, key.value, endpoint.value);
      if (!verified.ok) return verified;

      const id = newId();
      const account = (taken: string[]): AccountConfig => ({
        ...base,
        label: uniqueLabel(wanted, taken),
        id,
        ...endpoint.value,
        keyMask: maskKey(key.value),
      });
      const saved = await locked(async () => {
        const stillUnique = await refuseDuplicate(same);
        if (!stillUnique.ok) return stillUnique;
        // Journal first: a crash after the key write is finished by repair, never an orphan.
        const noted = save(
          id,
          () => (settings.notePendingKey({ id, op: 'add', at: deps.now() }), account([])),
        );
        if (!noted.ok) return noted;
        const stored = await secrets.set(id, key.value);
        if (!stored.ok) {
          settle(id);
          return err({
            code: stored.error.code,
            message: andThen(stored.error.message, 'Nothing was saved.'),
          });
        }
        const r = save(id, () => settings.addAccount(account));
        if (!r.ok) {
          // No half-added account: the key must not stay in the keychain without its account.
          const undo = await secrets.delete(id);
          if (!undo.ok)
            logger.error('could not remove the key of an account that failed to save', {
              accountId: id,
              code: undo.error.code,
            });
          else settle(id);
        }
        return r;
      });
      if (!saved.ok) return saved;
      logger.info('account added', {
        accountId: id,
        provider: req.provider,
        keyMask: saved.value.keyMask,
      });
      return saved;
    },

    async update({ id, patch }) {
      const change = (current: AccountConfig, others: string[]): AccountConfig => ({
        ...current,
        ...(patch.label !== undefined ? { label: uniqueLabel(patch.label, others) } : {}),
        ...(patch.headlineCurrency !== undefined
          ? { headlineCurrency: patch.headlineCurrency }
          : {}),
        ...(patch.thresholds !== undefined ? { thresholds: patch.thresholds } : {}),
        ...(patch.budget !== undefined ? { budget: patch.budget } : {}),
        ...(patch.pollIntervalSec !== undefined ? { pollIntervalSec: patch.pollIntervalSec } : {}),
        notify: { ...current.notify, ...patch.notify },
      });
      return save(id, () => settings.updateAccount(id, change));
    },

    async replaceKey({ id, key: raw }) {
      const current = settings.getAccount(id);
      if (!current) return err(notFound());
      if (current.provider === 'demo')
        return err({ code: 'not-supported', message: 'The demo account has no key to replace.' });
      const provider = deps.providers[current.provider];
      const key = checkKeyInput(raw, provider.info);
      if (!key.ok) return key;
      register(key.value);
      const same = {
        key: key.value,
        provider: current.provider,
        baseUrl: current.baseUrl,
        exceptId: id,
      };
      const unique = await refuseDuplicate(same);
      if (!unique.ok) return unique;
      const verified = await verify(provider, key.value, {
        baseUrl: current.baseUrl,
        custom: current.custom,
      });
      if (!verified.ok) return verified;

      const saved = await locked(async () => {
        // Removed by another process meanwhile: writing the key would orphan it.
        if (!settings.getAccount(id)) return err(notFound());
        const stillUnique = await refuseDuplicate(same);
        if (!stillUnique.ok) return stillUnique;
        const previous = await secrets.get(id);
        const stored = await secrets.set(id, key.value);
        if (!stored.ok)
          return err({
            code: stored.error.code,
            message: andThen(stored.error.message, 'The old key was kept.'),
          });
        const r = save(id, () =>
          settings.updateAccount(id, (c) => ({ ...c, keyMask: maskKey(key.value) })),
        );
        if (!r.ok) {
          // Keep the keychain and the mask in agreement: put the old key back.
          const old = previous.ok ? previous.value : null;
          await (old !== null ? secrets.set(id, old) : secrets.delete(id));
        }
        return r;
      });
      if (!saved.ok) return saved;
      logger.info('key replaced', { accountId: id, keyMask: saved.value.keyMask });
      return saved;
    },

    async setEndpoint({ id, baseUrl, custom }) {
      const current = settings.getAccount(id);
      if (!current) return err(notFound());
      if (current.provider === 'demo')
        return err({ code: 'not-supported', message: 'The demo account has no address to change.' });
      const endpoint = resolveEndpoint({ provider: current.provider, baseUrl, custom });
      if (!endpoint.ok) return endpoint;
      const key = await secrets.get(id);
      if (!key.ok) return key;
      if (key.value === null)
        return err({ code: 'key-missing', message: 'This account has no key in the keychain: replace its key first.' });
      const same = { key: key.value, provider: current.provider, baseUrl: endpoint.value.baseUrl, exceptId: id };
      const unique = await refuseDuplicate(same);
      if (!unique.ok) return unique;
      // The key goes to the new address only to be verified there; nothing changes if it fails.
      const verified = await verify(deps.providers[current.provider], key.value, endpoint.value);
      if (!verified.ok) return verified;
      // A custom mapping belongs to its address: a new address brings its own, or none.
      const moved = (c: AccountConfig): AccountConfig => ({
        ...c,
        baseUrl: endpoint.value.baseUrl,
        custom: endpoint.value.custom,
      });
      const saved = await locked(async () => {
        if (!settings.getAccount(id)) return err(notFound());
        const stillUnique = await refuseDuplicate(same);
        if (!stillUnique.ok) return stillUnique;
        return save(id, () => settings.updateAccount(id, moved));
      });
      if (saved.ok)
        logger.info('endpoint changed', { accountId: id, provider: current.provider, baseUrl: endpoint.value.baseUrl });
      return saved;
    },

    async remove(id) {
      const removed = await locked(async (): Promise<Result<null, AppError>> => {
        const current = settings.getAccount(id);
        if (!current) return err(notFound());
        let key: string | null = null;
        if (current.provider !== 'demo') {
          const noted = save(
            id,
            () => (settings.notePendingKey({ id, op: 'remove', at: deps.now() }), current),
          );
          if (!noted.ok) return noted;
          // Held only until the settings write is known to have worked: a failed one puts it back.
          const read = await secrets.get(id);
          key = read.ok ? read.value : null;
          const deleted = await secrets.delete(id); // false = no key there: fine
          if (!deleted.ok) {
            settle(id);
            return err({
              code: deleted.error.code,
              message: andThen(
                deleted.error.message,
                'The account was kept so its key is not left behind.',
              ),
            });
          }
        }
        try {
          settings.removeAccount(id);
        } catch (e) {
          // The account stays, so its key and history must stay too (disk full, read-only folder).
          const back = key === null ? null : await secrets.set(id, key);
          if (back && !back.ok)
            logger.error('could not put back the key of an account that could not be removed', {
              accountId: id,
              code: back.error.code,
            });
          else settle(id);
          return err(writeFailure(e));
        }
        return ok(null);
      });
      if (!removed.ok) return removed;
      try {
        await deps.history?.remove(id);
      } catch (e) {
        logger.warn('could not remove history of a removed account', {
          accountId: id,
          error: toError(e).message,
        });
      }
      logger.info('account removed', { accountId: id });
      return ok(null);
    },

    repair: () =>
      runLocked(() => repairAccounts({ settings, secrets, logger })).catch((e: unknown) => {
        logger.warn('account repair skipped', { error: toError(e).message });
        return [];
      }),
  };
}
