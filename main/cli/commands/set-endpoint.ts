/**
 * `creditray accounts set-endpoint --account LABEL --base-url URL [mapping flags]`: the CLI's
 * version of Settings' "Where the key is sent". The stored key is verified at the new address
 * (another site, a proxy, a moved relay, a custom endpoint's new URL or mapping) before the
 * account service saves it under the accounts lock; a refusal leaves the old address.
 */
import { EXIT, UsageError, nonEmpty } from '../args';
import type { CliContext } from '../context';
import { customMappingFromFlags, type CustomFlags } from '../custom-flags';
import { accountUrl } from '../../../shared/custom-endpoint';
import type { CliIo } from '../io';
import type { AccountService } from '../../core/account-service';
import { accountByLabel } from './account-by-label';

export interface SetEndpointFlags extends CustomFlags {
  account?: string;
  label?: string;
  provider?: string;
  'base-url'?: string;
}

/** Failures that are the command line's fault (a refused or incomplete address): exit 64. */
const USAGE_CODES: ReadonlySet<string> = new Set(['bad-base-url', 'insecure-base-url', 'config']);

export async function runSetEndpoint(
  values: SetEndpointFlags,
  io: CliIo,
  ctx: CliContext,
  svc: AccountService,
  exitFor: (code: string) => number,
): Promise<number> {
  for (const flag of ['label', 'provider'] as const)
    if (values[flag] !== undefined)
      throw new UsageError(
        `set-endpoint changes only where the key is sent; --${flag} is not accepted`,
      );
  const match = accountByLabel(ctx, values.account, 'set-endpoint');
  if (match.provider === 'demo')
    throw new UsageError(
      `"${match.label}" is the built-in demo account: it has no address to change`,
    );
  const baseUrl = nonEmpty('base-url', values['base-url']);
  if (!baseUrl) throw new UsageError('set-endpoint needs --base-url URL');
  const custom = customMappingFromFlags(match.provider, values);
  const r = await svc.setEndpoint({ id: match.id, baseUrl, custom });
  if (!r.ok) {
    io.err(`Address not changed: ${r.error.message}`);
    return USAGE_CODES.has(r.error.code) ? EXIT.usage : exitFor(r.error.code);
  }
  io.out(`"${r.value.label}" is now checked at ${accountUrl(r.value)}; its key works there.`);
  return 0;
}
