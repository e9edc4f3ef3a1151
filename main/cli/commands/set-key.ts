/**
 * `creditray accounts set-key --account LABEL`: replaces an account's key from a terminal, the
 * CLI's version of the window's "Replace key" (issue 13). The key comes from stdin or a prompt
 * that does not echo, is verified with the provider before anything is saved, and is written
 * by the account service under the accounts lock, so a running app never sees half a change.
 */
import { CUSTOM_OPTIONS, UsageError } from '../args';
import { accountByLabel } from './account-by-label';
import type { CliContext } from '../context';
import type { CliIo } from '../io';
import { readSecret } from '../read-secret';
import type { AccountService } from '../../core/account-service';
import { PROVIDERS } from '../../../shared/providers';

/** Flags set-key reads; the ones that belong to `add` are refused rather than ignored. */
export interface SetKeyFlags {
  account?: string;
  [flag: string]: string | boolean | undefined;
}

/** Runs set-key; `exitFor` maps a refused key's code to the exit code `accounts add` uses. */
export async function runSetKey(
  values: SetKeyFlags,
  io: CliIo,
  ctx: CliContext,
  svc: AccountService,
  exitFor: (code: string) => number,
): Promise<number> {
  for (const flag of ['label', 'provider', 'base-url', ...Object.keys(CUSTOM_OPTIONS)])
    if (values[flag] !== undefined)
      throw new UsageError(`set-key changes only the key; --${flag} is not accepted`);
  const match = accountByLabel(ctx, values.account, 'set-key');
  if (match.provider === 'demo')
    throw new UsageError(`"${match.label}" is the built-in demo account: it has no key to set`);
  const name = PROVIDERS[match.provider].displayName;
  const key = await readSecret(io, `New ${name} API key for "${match.label}" (input hidden): `);
  const r = await svc.replaceKey({ id: match.id, key });
  if (!r.ok) {
    io.err(`Key not replaced: ${r.error.message}`);
    return exitFor(r.error.code);
  }
  io.out(
    `Replaced the key of "${r.value.label}" (${match.keyMask} -> ${r.value.keyMask}); the new key is in the OS keychain.`,
  );
  return 0;
}
