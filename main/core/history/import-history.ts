/**
 * Import into a store, all or nothing. The file store swaps in a complete new file in one
 * rename; any other HistoryStore (fakes, future stores) gets the snapshots appended in order
 * after they have all been validated.
 */
import type { Snapshot } from '../../../shared/model';
import type { HistoryStore } from '../ports';
import { type AppError, err, ok, type Result, toError } from '../../../shared/result';

type Importable = HistoryStore & {
  importSnapshots?: (id: string, s: readonly Snapshot[]) => Promise<void>;
};

/**
 * Writes every snapshot or none (validate with parseHistoryCsv first); the error says why, in
 * the store's own words. Only a store with `importSnapshots` can promise atomicity against a
 * crash or a full disk midway; the plain-append fallback is for in-memory test stores.
 *
 * The store holds one reading per millisecond (an import replaces what is stored at the same
 * times). Readings in the file that share a millisecond (a clock stepped back) are merged
 * here by a stated rule, the later one in the file wins, and counted in `sameTime`, so
 * "Imported N" is exactly what the store now holds from this file.
 */
export async function importHistory(
  store: Importable,
  accountId: string,
  snapshots: readonly Snapshot[],
): Promise<Result<{ imported: number; sameTime: number }, AppError>> {
  const byTime = new Map<number, Snapshot>();
  for (const s of snapshots) byTime.set(s.at, s);
  const sorted = [...byTime.values()].sort((a, b) => a.at - b.at);
  try {
    if (store.importSnapshots) await store.importSnapshots(accountId, sorted);
    else for (const s of sorted) await store.append(accountId, s);
  } catch (e) {
    const x = toError(e) as Error & { code?: unknown };
    return err({ code: typeof x.code === 'string' ? x.code : 'history-io', message: x.message });
  }
  return ok({ imported: sorted.length, sameTime: snapshots.length - sorted.length });
}
