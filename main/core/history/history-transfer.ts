/**
 * Export and import of one account's history for the window (the CLI has its own command):
 * the same pure format code, with import all or nothing and errors that name line numbers.
 */
import {
  exportHistory,
  parseHistoryCsv,
  parseHistoryJson,
  type ImportProblem,
} from '../../../shared/analytics';
import { historyTransferText } from '../../../shared/i18n/history-transfer';
import type { Lang } from '../../../shared/i18n/language';
import type { ParsedRequest } from '../../../shared/ipc';
import { err, ok, toError, type AppError, type Result } from '../../../shared/result';
import type { HistoryStore } from '../ports';
import { importHistory } from './import-history';

/** How many bad lines an import error lists before "and N more". */
export const MAX_LISTED_PROBLEMS = 5;

/** The history of `req.id` (an existing account) as CSV or JSON text. */
export async function exportAccountHistory(
  store: HistoryStore,
  req: ParsedRequest<'history:export'>,
  lang: Lang,
): Promise<Result<string, AppError>> {
  try {
    const snapshots = await store.read(req.id, { from: req.from, to: req.to });
    return ok(exportHistory(snapshots, { format: req.format, from: req.from, to: req.to }));
  } catch (e) {
    return err({
      code: 'history-unreadable',
      message: historyTransferText(lang, 'history.unreadable', { detail: toError(e).message }),
    });
  }
}

/** The user-facing message for a rejected file: the first bad lines with their numbers. */
export function describeProblems(problems: readonly ImportProblem[], lang: Lang): string {
  const listed = problems
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((p) =>
      p.line > 0
        ? historyTransferText(lang, 'import.line', { line: p.line, message: p.message })
        : p.message,
    );
  const more = problems.length - listed.length;
  if (more > 0) listed.push(historyTransferText(lang, 'import.more', { count: more }));
  return historyTransferText(lang, 'import.rejected', { problems: listed.join(' ') });
}

/** Parses then imports every reading or none; a bad file yields `bad-history-file`. */
export async function importAccountHistory(
  store: HistoryStore,
  req: ParsedRequest<'history:import'>,
  lang: Lang,
): Promise<Result<{ imported: number; sameTime: number }, AppError>> {
  const parsed = req.format === 'json' ? parseHistoryJson(req.text) : parseHistoryCsv(req.text);
  if (!parsed.ok)
    return err({ code: 'bad-history-file', message: describeProblems(parsed.error, lang) });
  const r = await importHistory(store, req.id, parsed.value);
  if (!r.ok)
    return err({
      code: r.error.code,
      message: historyTransferText(lang, 'import.failed', { detail: r.error.message }),
    });
  return r;
}
