/**
 * The mapping of a custom endpoint from the command line: either `--mapping FILE` (a JSON
 * object with the same fields the app stores) or one flag per field. Either way it is checked
 * by the same schema as the app's form, and a mistake names the flag or field to fix.
 */
import { readFileSync } from 'node:fs';
import {
  customMappingSchema,
  describeMappingIssue,
  type CustomMapping,
} from '../../shared/custom-endpoint';
import { UsageError } from './args';

/** How the flags are explained in every command's help that takes an account. */
export const CUSTOM_HELP = `  --provider custom --base-url URL: a balance GET you describe (URL = its full address, https)
    --balance-path PATH     where the balance is in the JSON answer, e.g. data.balance or data.items[0].amount
    --currency CODE | --currency-path PATH   the currency (USD, CNY, …) or where the answer names it
    --granted-path PATH, --topped-up-path PATH   the gift and paid parts, when the answer splits them
    --available-path PATH   where the answer says (true/false) whether calls can be paid for now
    --decimals N            amounts are whole counts of 1/10^N units (e.g. 4 for 1/10000)
    --key-header NAME | --key-raw   send the key in that header, or as "Authorization: KEY"
                            (default "Authorization: Bearer KEY")
    --mapping FILE          the same as a JSON object instead of the flags:
                            {"balance": "data.balance", "currency": "USD", "keyPlacement": "bearer"}`;

export interface CustomFlags {
  mapping?: string;
  'balance-path'?: string;
  currency?: string;
  'currency-path'?: string;
  'granted-path'?: string;
  'topped-up-path'?: string;
  'available-path'?: string;
  decimals?: string;
  'key-header'?: string;
  'key-raw'?: boolean;
}

/** The flag that sets each mapping field, so an error can name what the user typed. */
const FLAG_OF: Record<string, string> = {
  balance: '--balance-path',
  currency: '--currency / --currency-path',
  currencyPath: '--currency-path',
  granted: '--granted-path',
  toppedUp: '--topped-up-path',
  available: '--available-path',
  decimals: '--decimals',
  keyHeader: '--key-header',
  keyPlacement: '--key-header / --key-raw',
};

const FIELD_FLAGS = Object.keys({
  'balance-path': 1,
  currency: 1,
  'currency-path': 1,
  'granted-path': 1,
  'topped-up-path': 1,
  'available-path': 1,
  decimals: 1,
  'key-header': 1,
  'key-raw': 1,
} satisfies Record<Exclude<keyof CustomFlags, 'mapping'>, 1>) as (keyof CustomFlags)[];

/** The mapping fields as the flags give them (absent flags stay absent). */
function fromFlags(f: CustomFlags): Record<string, unknown> {
  if (f['key-header'] !== undefined && f['key-raw'])
    throw new UsageError('use either --key-header NAME or --key-raw, not both');
  const decimals = f.decimals === undefined ? undefined : f.decimals.trim();
  if (decimals !== undefined && !/^\d{1,2}$/.test(decimals))
    throw new UsageError(
      `--decimals expects a whole number such as 4 (amounts in 1/10000 units), got "${f.decimals}"`,
    );
  const fields: Record<string, unknown> = {
    keyPlacement: f['key-header'] !== undefined ? 'header' : f['key-raw'] ? 'raw' : 'bearer',
    keyHeader: f['key-header'],
    balance: f['balance-path'],
    currency: f.currency,
    currencyPath: f['currency-path'],
    granted: f['granted-path'],
    toppedUp: f['topped-up-path'],
    available: f['available-path'],
    decimals: decimals === undefined ? undefined : Number(decimals),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** A mapping file's JSON object, or a usage error saying why it cannot be used. */
function fromFile(path: string, read: (p: string) => string): unknown {
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    throw new UsageError(
      `--mapping: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`--mapping: ${path} is not JSON (${(e as Error).message})`);
  }
}

/**
 * The custom mapping for `provider`, or undefined for other providers. Custom flags with
 * another provider, a file together with field flags, or a missing field are usage errors.
 */
export function customMappingFromFlags(
  provider: string | undefined,
  flags: CustomFlags,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): CustomMapping | undefined {
  const used = FIELD_FLAGS.filter((k) => flags[k] !== undefined && flags[k] !== false);
  const file = flags.mapping;
  if (provider !== 'custom') {
    const any = file !== undefined ? ['mapping', ...used] : used;
    if (any.length > 0) throw new UsageError(`--${any[0]} only applies with --provider custom`);
    return undefined;
  }
  if (file !== undefined && used.length > 0)
    throw new UsageError(
      `give the mapping either in --mapping FILE or with flags such as --${used[0]}, not both`,
    );
  if (file === undefined && used.length === 0)
    throw new UsageError(
      '--provider custom needs the mapping: --balance-path PATH and --currency CODE (or --currency-path PATH), or --mapping FILE',
    );
  const raw = file !== undefined ? fromFile(file, read) : fromFlags(flags);
  const parsed = customMappingSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const where = file !== undefined ? `--mapping ${file}` : (FLAG_OF[field] ?? '--provider custom');
  const message = describeMappingIssue(parsed.error).replace(/^[A-Za-z.]+: /, '');
  throw new UsageError(`${where}: ${file !== undefined && field ? `${field}: ` : ''}${message}`);
}
