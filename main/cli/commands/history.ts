/**
 * `creditray history export|import`: your balance history as CSV or JSON, in and out.
 * Import is all or nothing: every bad row is reported with its line number and nothing is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '../write-file';
import { COMMON_OPTIONS, UsageError, isoFlag, nonEmpty, oneOf, parseFlags } from '../args';
import { createCliContext, type CliContext } from '../context';
import type { CliIo } from '../io';
import { exportHistory, parseHistoryCsv, parseHistoryJson } from '../../../shared/analytics';
import { importHistory } from '../../core/history/import-history';
import type { AccountConfig } from '../../../shared/model';

export const HISTORY_HELP = `Usage: creditray history export [--account LABEL] [--format csv|json] [--from ISO] [--to ISO] [--output FILE]
       creditray history import FILE.csv|FILE.json --account LABEL
  CSV columns: time,currency,total,granted,toppedUp,available (one row per currency per reading; docs/history-format.md)
Exit codes: 0 done, 64 usage error, 65 the file has bad rows (nothing imported), 3 storage failure.`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  account: { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  output: { type: 'string' },
} as const;

/** The one account a history command is about; `--account` may be left out when there is only one. */
function pickAccount(ctx: CliContext, label: string | undefined): AccountConfig {
  const accounts = ctx.settings().listAccounts();
  const labels = accounts.map((a) => `"${a.label}"`).join(', ') || 'none configured';
  if (label === undefined) {
    if (accounts.length === 1) return accounts[0]!;
    throw new UsageError(
      accounts.length === 0
        ? 'no accounts configured'
        : `several accounts: choose one with --account (${labels})`,
    );
  }
  const match = accounts.find((a) => a.label.toLowerCase() === label.toLowerCase());
  if (!match) throw new UsageError(`no account labelled "${label}" (accounts: ${labels})`);
  return match;
}

export async function runHistory(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, OPTIONS, true);
  const [sub, file, ...extra] = positionals;
  if (values.help || sub === undefined) {
    io.out(HISTORY_HELP);
    return values.help ? 0 : 64;
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const ctx = createCliContext(values['data-dir'] ?? io.env.CREDITRAY_DATA_DIR);

  if (sub === 'export') {
    if (file !== undefined)
      throw new UsageError(`export takes no file argument; use --output FILE (got "${file}")`);
    const format = oneOf('format', values.format, ['csv', 'json'] as const) ?? 'csv';
    const from = isoFlag('from', values.from);
    // A date alone in --to means the end of that UTC day (README: "--to 2026-01-31 includes that day").
    const to = isoFlag('to', values.to, 'end');
    if (from !== undefined && to !== undefined && from > to)
      throw new UsageError('--from must not be after --to');
    const account = pickAccount(ctx, nonEmpty('account', values.account));
    const text = exportHistory(await ctx.history().read(account.id), { format, from, to });
    if (values.output === undefined) {
      io.out(text);
      return 0;
    }
    const output = nonEmpty('output', values.output)!;
    const written = writeFileAtomically(output, text);
    if (!written.ok) {
      io.err(
        `Could not write "${output}": ${written.error} ${existsSync(output) ? 'The existing file was left as it was.' : 'No file was written.'}`,
      );
      return 3;
    }
    return 0;
  }

  if (sub === 'import') {
    if (file === undefined)
      throw new UsageError(
        'import needs a file: creditray history import FILE.csv --account LABEL',
      );
    const label = nonEmpty('account', values.account);
    if (label === undefined)
      throw new UsageError('import needs --account LABEL (the account the history belongs to)');
    const account = pickAccount(ctx, label);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(
        `cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    const parsed = /\.json$/i.test(file) ? parseHistoryJson(text) : parseHistoryCsv(text);
    if (!parsed.ok) {
      for (const p of parsed.error.slice(0, 50))
        io.err(p.line > 0 ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.message}`);
      if (parsed.error.length > 50) io.err(`… and ${parsed.error.length - 50} more problems`);
      io.err('Nothing was imported.');
      return 65;
    }
    const r = await importHistory(ctx.history(), account.id, parsed.value);
    if (!r.ok) {
      io.err(`Nothing was imported: ${r.error.message}`);
      return 3;
    }
    io.out(`Imported ${r.value.imported} readings into "${account.label}".`);
    if (r.value.sameTime > 0) {
      io.out(
        `${r.value.sameTime} reading(s) had the same time, to the millisecond, as a later one in the file (a clock stepped back); the history keeps one reading per millisecond, so the later one was kept.`,
      );
    }
    return 0;
  }
  throw new UsageError(`unknown history command "${sub}" (expected export or import)`);
}
