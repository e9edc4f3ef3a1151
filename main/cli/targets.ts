/**
 * Which accounts a CLI command works on: `--demo`, an ad-hoc key from an environment
 * variable (no keychain, nothing saved), or the configured accounts (optionally one label).
 */
import { UsageError, baseUrlFlag, nonEmpty } from './args';
import type { CliContext } from './context';
import { resolveEndpoint, type AccountEndpoint } from '../core/account-endpoint';
import { checkKeyInput } from '../core/account-input';
import { customMappingFromFlags, type CustomFlags } from './custom-flags';
import {
  DEFAULT_NOTIFY,
  PROVIDER_IDS,
  type AccountConfig,
  type ProviderId,
} from '../../shared/model';
import { PROVIDERS, maskKey } from '../../shared/providers';

export interface Target {
  account: AccountConfig;
  /** Ad-hoc key from the environment; configured accounts read theirs from the keychain. */
  key?: string;
}

export interface TargetFlags extends CustomFlags {
  account?: string;
  provider?: string;
  'key-env'?: string;
  'base-url'?: string;
  label?: string;
  demo?: boolean;
}

/** Providers an ad-hoc check can use (the demo has its own flag). */
const CHECKABLE = PROVIDER_IDS.filter((p) => p !== 'demo');

/** An account that exists only for this run. */
function adHocAccount(
  provider: ProviderId,
  label: string,
  endpoint: AccountEndpoint,
  keyMask: string,
  now: number,
): AccountConfig {
  return {
    id: `adhoc-${provider}`,
    label,
    provider,
    ...endpoint,
    headlineCurrency: 'auto',
    thresholds: null,
    budget: { kind: 'none' },
    pollIntervalSec: null,
    notify: DEFAULT_NOTIFY,
    keyMask,
    createdAt: now,
  };
}

/** Resolves the flags to accounts, or throws a UsageError that says what was expected. */
export function resolveTargets(
  flags: TargetFlags,
  ctx: CliContext,
  env: NodeJS.ProcessEnv = process.env,
): Target[] {
  const label = nonEmpty('label', flags.label);
  const adHoc = flags.provider !== undefined || flags['key-env'] !== undefined;
  // Mapping flags belong to --provider custom alone: with anything else they are a mistake.
  const custom = customMappingFromFlags(flags.provider?.trim(), flags);
  if (flags.demo) {
    if (adHoc || flags.account !== undefined)
      throw new UsageError('--demo cannot be combined with --account, --provider or --key-env');
    return [
      {
        account: adHocAccount(
          'demo',
          label ?? 'Demo',
          { baseUrl: PROVIDERS.demo.defaultBaseUrl },
          '',
          ctx.now(),
        ),
        key: '',
      },
    ];
  }
  if (adHoc) {
    if (flags.account !== undefined)
      throw new UsageError('use either --account LABEL or --provider with --key-env, not both');
    const provider = nonEmpty('provider', flags.provider);
    if (
      provider === undefined ||
      !(PROVIDER_IDS as readonly string[]).includes(provider) ||
      provider === 'demo'
    ) {
      throw new UsageError(
        `--provider must be one of ${CHECKABLE.join(', ')} (got ${provider === undefined ? 'nothing' : `"${provider}"`}); use --demo for the simulated account`,
      );
    }
    if (PROVIDERS[provider as ProviderId].defaultBaseUrl === '' && flags['base-url'] === undefined)
      throw new UsageError(
        provider === 'custom'
          ? '--provider custom needs --base-url with the full URL of the balance GET (e.g. https://gw.example.com/api/balance)'
          : `--provider ${provider} has no default address: give the relay's base URL with --base-url URL`,
      );
    const varName = nonEmpty('key-env', flags['key-env']);
    if (varName === undefined)
      throw new UsageError(
        '--provider needs --key-env VAR naming the environment variable that holds the key',
      );
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(varName)) {
      // Never echo it: people paste the key itself here, and the message lands in CI logs.
      throw new UsageError(
        '--key-env expects the name of an environment variable (like DEEPSEEK_API_KEY) that holds the key, not the key itself',
      );
    }
    const key = env[varName]?.trim();
    if (!key)
      throw new UsageError(
        `the environment variable ${varName} is empty or not set (--key-env names the variable, not the key)`,
      );
    // The same checks as the app's key field: a pasted line break or another vendor's key never leaves.
    const checked = checkKeyInput(key, PROVIDERS[provider as ProviderId]);
    if (!checked.ok) throw new UsageError(`--key-env ${varName}: ${checked.error.message}`);
    const p = provider as ProviderId;
    const endpoint = resolveEndpoint({ provider: p, baseUrl: baseUrlFlag(flags['base-url']), custom });
    if (!endpoint.ok) throw new UsageError(`--base-url: ${endpoint.error.message}`);
    return [
      {
        account: adHocAccount(
          p,
          label ?? (p === 'custom' ? new URL(endpoint.value.baseUrl).host : PROVIDERS[p].displayName),
          endpoint.value,
          maskKey(key),
          ctx.now(),
        ),
        key,
      },
    ];
  }
  if (flags['base-url'] !== undefined)
    throw new UsageError('--base-url only applies with --provider and --key-env');
  const accounts = ctx.settings().listAccounts();
  const wanted = nonEmpty('account', flags.account);
  if (wanted === undefined) return accounts.map((account) => ({ account }));
  const match = accounts.filter((a) => a.label.toLowerCase() === wanted.toLowerCase());
  if (match.length === 0) {
    const known = accounts.map((a) => `"${a.label}"`).join(', ') || 'none configured';
    throw new UsageError(`no account labelled "${wanted}" (accounts: ${known})`);
  }
  return match.map((account) => ({ account }));
}
