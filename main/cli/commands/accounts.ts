/** `creditray accounts list|add|set-key|remove`: manage the accounts the app and CLI share. */
import { COMMON_OPTIONS, CUSTOM_OPTIONS, EXIT, UsageError, baseUrlFlag, nonEmpty, parseFlags } from '../args';
import { CUSTOM_HELP, customMappingFromFlags } from '../custom-flags';
import { createCliContext, type CliContext } from '../context';
import { readSecret } from '../read-secret';
import { accountByLabel } from './account-by-label';
import { runSetEndpoint } from './set-endpoint';
import { runSetKey } from './set-key';
import type { CliIo } from '../io';
import { createAccountService } from '../../core/account-service';
import { resolveEndpoint } from '../../core/account-endpoint';
import { accountUrl } from '../../../shared/custom-endpoint';
import { lockPaths, withLock } from '../../core/data-lock';
import { PROVIDER_IDS, type ProviderId } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';

export const ACCOUNTS_HELP = `Usage: creditray accounts list [--json]
       creditray accounts add [--label NAME] [--provider deepseek] [--base-url URL]
           (reads the key from stdin when piped, else asks for it without echoing;
            verifies it, then stores it in the OS keychain)
${CUSTOM_HELP}
       creditray accounts set-key --account LABEL  (new key from stdin or a prompt that does not
           echo; verified with the provider before it replaces the old one)
       creditray accounts set-endpoint --account LABEL --base-url URL [mapping flags]
           (another site, a proxy or a moved relay; a custom endpoint's URL and mapping; the
            stored key is verified at the new address before anything changes)
       creditray accounts remove --account LABEL   (also deletes the key from the keychain)
Exit codes: 0 done, 3 the key was refused or could not be checked or stored,
  64 usage error (also: an empty or malformed key, or a key another account already has).`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  label: { type: 'string' },
  provider: { type: 'string' },
  'base-url': { type: 'string' },
  account: { type: 'string' },
  ...CUSTOM_OPTIONS,
} as const;

/**
 * Exit code of a refused key: an empty or malformed key, or one another account already
 * holds, is a usage mistake (64); anything else (refused, unreachable, keychain) is 3.
 */
export function exitForKeyError(code: string): number {
  return code === 'bad-key' || code === 'duplicate-key' ? EXIT.usage : EXIT.undetermined;
}

function service(ctx: CliContext) {
  return createAccountService({
    settings: ctx.settings(),
    secrets: ctx.secrets,
    providers: ctx.providers,
    history: ctx.history(),
    logger: ctx.logger,
    now: ctx.now,
    // The same lock the app takes: a key and its account are written together.
    accountsLock: (fn) => withLock(lockPaths(ctx.dataDir).accounts, fn),
  });
}

export async function runAccounts(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, OPTIONS, true);
  const [sub, ...extra] = positionals;
  if (values.help || sub === undefined) {
    io.out(ACCOUNTS_HELP);
    return values.help ? 0 : 64;
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const ctx = createCliContext(values['data-dir'] ?? io.env.CREDITRAY_DATA_DIR);

  if (sub === 'list') {
    // Finish what a killed add/remove left half done, and say so (stderr keeps --json clean).
    for (const n of await service(ctx).repair()) io.err(`Note: ${n.message}`);
    const accounts = ctx.settings().listAccounts();
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            accounts: accounts.map((a) => ({
              id: a.id,
              label: a.label,
              provider: a.provider,
              baseUrl: a.baseUrl,
              keyMask: a.keyMask,
              // A custom endpoint's GET and mapping (no secret in it): what set-endpoint would change.
              ...(a.custom ? { custom: a.custom } : {}),
            })),
          },
          null,
          2,
        ),
      );
    } else if (accounts.length === 0) {
      io.out('No accounts yet. Add one with `creditray accounts add`.');
    } else {
      for (const a of accounts)
        io.out(`${a.label}\t${a.provider}\t${a.keyMask || '-'}\t${accountUrl(a)}`);
    }
    return 0;
  }

  if (sub === 'add') {
    const provider = nonEmpty('provider', values.provider) ?? 'deepseek';
    if (!(PROVIDER_IDS as readonly string[]).includes(provider)) {
      throw new UsageError(
        `--provider must be one of ${PROVIDER_IDS.join(', ')}, got "${provider}"`,
      );
    }
    const name = PROVIDERS[provider as ProviderId].displayName;
    const custom = customMappingFromFlags(provider, values);
    // A base URL the key must not travel to (or a custom endpoint without its URL or mapping)
    // is refused before the key is even asked for.
    const endpoint =
      provider === 'demo'
        ? null
        : resolveEndpoint({ provider: provider as ProviderId, baseUrl: baseUrlFlag(values['base-url']), custom });
    if (endpoint && !endpoint.ok) throw new UsageError(`--base-url: ${endpoint.error.message}`);
    // A custom endpoint is named by its host: "Custom endpoint 2" would tell accounts apart by nothing.
    const fallbackLabel =
      provider === 'demo' ? 'Demo' : endpoint?.value.custom ? new URL(endpoint.value.baseUrl).host : name;
    const key = provider === 'demo' ? '' : await readSecret(io, `${name} API key (input hidden): `);
    const r = await service(ctx).add({
      provider: provider as ProviderId,
      label: nonEmpty('label', values.label) ?? fallbackLabel,
      key,
      baseUrl: values['base-url'],
      custom,
    });
    if (!r.ok) {
      io.err(`Not added: ${r.error.message}`);
      return exitForKeyError(r.error.code);
    }
    // The demo account has no key: saying one is in the keychain would be untrue.
    io.out(
      r.value.provider === 'demo'
        ? `Added "${r.value.label}" (the built-in demo account, no key).`
        : `Added "${r.value.label}" (${r.value.keyMask}); the key is in the OS keychain.`,
    );
    return 0;
  }

  if (sub === 'set-key') return runSetKey(values, io, ctx, service(ctx), exitForKeyError);
  if (sub === 'set-endpoint') return runSetEndpoint(values, io, ctx, service(ctx), exitForKeyError);

  if (sub === 'remove') {
    const match = accountByLabel(ctx, values.account, 'remove');
    const r = await service(ctx).remove(match.id);
    if (!r.ok) {
      io.err(`Not removed: ${r.error.message}`);
      return 3;
    }
    io.out(`Removed "${match.label}" and its key.`);
    return 0;
  }
  throw new UsageError(`unknown accounts command "${sub}" (expected list, add, set-key, set-endpoint or remove)`);
}
