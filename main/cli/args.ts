/**
 * Command-line parsing on Node's own util.parseArgs (no dependency needed for a handful of
 * flags). Every mistake becomes a UsageError: exit 64 with a message saying what was expected.
 */
import { parseIsoBound } from '../../shared/iso-time';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes are part of the CLI contract (README): scripts branch on them. */
export const EXIT = {
  healthy: 0,
  lowOrCritical: 1,
  depletedOrUnavailable: 2,
  undetermined: 3,
  usage: 64,
} as const;

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command understands. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** How a custom endpoint's answer is read (main/cli/custom-flags.ts); only with --provider custom. */
export const CUSTOM_OPTIONS = {
  mapping: { type: 'string' },
  'balance-path': { type: 'string' },
  currency: { type: 'string' },
  'currency-path': { type: 'string' },
  'granted-path': { type: 'string' },
  'topped-up-path': { type: 'string' },
  'available-path': { type: 'string' },
  decimals: { type: 'string' },
  'key-header': { type: 'string' },
  'key-raw': { type: 'boolean' },
} as const satisfies Options;

/** Where an account comes from: the configured ones, an ad-hoc key, or the demo. */
export const ACCOUNT_OPTIONS = {
  account: { type: 'string' },
  provider: { type: 'string' },
  'key-env': { type: 'string' },
  'base-url': { type: 'string' },
  label: { type: 'string' },
  demo: { type: 'boolean' },
  ...CUSTOM_OPTIONS,
} as const satisfies Options;

/** parseArgs with strict checking, its errors turned into plain usage messages. */
export function parseFlags<O extends Options>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(
      /^TypeError \[[A-Z_]+\]: /,
      '',
    );
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      // Node's text ends with advice about '--' that confuses more than it helps; say what is known instead.
      const known = Object.keys(options)
        .map((name) => `--${name}`)
        .join(', ');
      throw new UsageError(`${message.split('. ')[0]}; expected one of ${known}`);
    }
    throw new UsageError(message);
  }
}

/** `--base-url` as given: an empty one is a mistake, never "the provider's default". */
export function baseUrlFlag(value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '')
    throw new UsageError('--base-url: "" is not a URL (expected e.g. https://api.deepseek.com).');
  return value;
}

/** A string flag that must not be empty when given (`--account ""` is a mistake, not "all"). */
export function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a value, e.g. --${name} NAME`);
  return value.trim();
}

/**
 * An ISO 8601 date/time flag, as epoch ms. A date alone is that whole UTC day: `edge` says
 * whether it stands for its first millisecond (--from) or its last (--to).
 */
export function isoFlag(
  name: string,
  value: string | undefined,
  edge: 'start' | 'end' = 'start',
): number | undefined {
  if (value === undefined) return undefined;
  const t = parseIsoBound(value.trim(), edge);
  if (!t.ok) {
    throw new UsageError(
      `--${name} expects an ISO 8601 date or time such as 2026-01-31 or 2026-01-31T12:00:00Z, got "${value}" (${t.error})`,
    );
  }
  return t.value;
}

/** One of a fixed set of values. */
export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}
