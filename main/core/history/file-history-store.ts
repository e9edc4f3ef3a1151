/**
 * The durable HistoryStore: one append-only log per account (docs/history-format.md).
 * The hot path appends one short line and fdatasyncs it: a poll costs microseconds of CPU
 * and never rewrites the file (electron-store/conf rewrite everything on every set).
 * Unchanged balances are written as heartbeats at most every `heartbeatMs`. Rollup runs only
 * in `compact()`, which the app schedules when idle; it writes a new file, syncs it and
 * renames it over the old one, so a crash leaves either the old or the new file whole.
 *
 * Several processes may share the directory (the app appends while a CLI imports). Every
 * append, read and rewrite of one account holds that account's cross-process lock
 * (`<account>.log.lock`, data-lock.ts), and an append first checks, under the lock, that its
 * open handle is still the file at the path with the size it left it at: a file renamed over
 * it (compaction, import) or grown by another process is reopened, so no record is written
 * to a replaced file and no heartbeat follows someone else's record.
 */
import { copyFile, mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LockBusyError, withLock } from '../data-lock';
import type { Snapshot } from '../../../shared/model';
import type { HistoryStore, Logger } from '../ports';
import { storageError } from './errors';
import { encodeFull, encodeHeartbeat, encodeSeries, sameBalance } from './line-format';
import { decodeLog } from './load';
import {
  fileNameFor,
  logAccountIds,
  removeLeftovers,
  replaceFile,
  syncDir,
  writeAll,
} from './log-files';
import { rollup } from './rollup';
import { type OpenedLog, openForAppend } from './tail';

export interface FileHistoryStoreOptions {
  dir: string;
  /** Clock for compaction tiers. */
  now?: () => number;
  logger?: Logger;
  /** An unchanged balance is written again only after this long (default 1 h). */
  heartbeatMs?: number;
}

/** The port plus maintenance the composition root and CLI use. */
export type FileHistoryStore = HistoryStore & {
  /** Rolls up one account, or every account in the directory. */
  compact(accountId?: string): Promise<void>;
  /** Adds snapshots atomically (all or nothing), keeping what is stored; same instant = replaced. */
  importSnapshots(accountId: string, snapshots: readonly Snapshot[]): Promise<void>;
  /** Writes pending heartbeats and closes files. */
  close(): Promise<void>;
  /** Problems found while reading (torn or corrupt lines dropped), oldest first. */
  warnings(): string[];
};

interface AccountState {
  log: OpenedLog | null;
  /** The balance the newest line stands for, and that line's time. */
  last: Snapshot | null;
  lastWrittenAt: number;
  /** A newer reading with an unchanged balance, not yet due as a heartbeat. */
  pending: Snapshot | null;
  /** Size the open log has after our own writes. */
  size: number;
  /** The next line must be a full record (a damaged line precedes: see OpenedLog.damagedTail). */
  fullNext: boolean;
}

export const DEFAULT_HEARTBEAT_MS = 3_600_000;
export { fileNameFor, writeAll } from './log-files';

/** Creates the store; nothing touches the disk until the first call. */
export function createFileHistoryStore(opts: FileHistoryStoreOptions): FileHistoryStore {
  const heartbeatMs = opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const now = opts.now ?? Date.now;
  const states = new Map<string, AccountState>();
  const queues = new Map<string, Promise<unknown>>();
  const warnings: string[] = [];
  let dirReady = false;

  const warn = (message: string): void => {
    warnings.push(message);
    if (warnings.length > 200) warnings.shift();
    opts.logger?.warn(message);
  };
  const pathOf = (id: string): string => join(opts.dir, fileNameFor(id));
  const stateOf = (id: string): AccountState => {
    let s = states.get(id);
    if (!s)
      states.set(
        id,
        (s = {
          log: null,
          last: null,
          lastWrittenAt: -Infinity,
          pending: null,
          size: 0,
          fullNext: false,
        }),
      );
    return s;
  };

  /**
   * Runs `task` after every earlier task of the same account in this process, holding the
   * account's lock against other processes: one writer per file.
   */
  function serial<T>(id: string, task: () => Promise<T>, readOnly = false): Promise<T> {
    const prev = queues.get(id) ?? Promise.resolve();
    const locked = async () => {
      let inside = false;
      try {
        await ensureDir();
        return await withLock(`${pathOf(id)}.lock`, () => ((inside = true), task()), {
          onCompromised: (e) => warn(`${fileNameFor(id)}: ${e.message}`),
        });
      } catch (e) {
        if (inside) throw e;
        // A folder nobody may write to can still be read (renames keep whole files visible).
        if (readOnly && !(e instanceof LockBusyError)) return task();
        throw storageError('lock', fileNameFor(id), e);
      }
    };
    const run = prev.then(locked, locked);
    const settled = run.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return run;
  }

  async function ensureDir(): Promise<void> {
    if (dirReady) return;
    await mkdir(opts.dir, { recursive: true, mode: 0o700 });
    dirReady = true;
  }

  async function closeLog(st: AccountState): Promise<void> {
    const log = st.log;
    st.log = null;
    st.last = null;
    st.lastWrittenAt = -Infinity;
    await log?.fh.close().catch(() => undefined);
  }

  async function ensureOpen(id: string, st: AccountState): Promise<OpenedLog> {
    if (st.log) return st.log;
    await ensureDir();
    const log = await openForAppend(pathOf(id));
    if (log.created) await syncDir(opts.dir);
    if (log.droppedBytes > 0)
      warn(
        `${fileNameFor(id)}: dropped an unfinished last record (${log.droppedBytes} bytes) left by an interrupted write`,
      );
    st.log = log;
    st.size = log.size;
    st.fullNext = log.damagedTail;
    st.last = log.lastFull;
    st.lastWrittenAt = log.lastAt ?? -Infinity;
    return log;
  }

  async function writeLine(
    id: string,
    st: AccountState,
    snap: Snapshot,
    line: string,
  ): Promise<void> {
    try {
      const log = await ensureOpen(id, st);
      await writeAll(log.fh, line);
      st.size += Buffer.byteLength(line);
      await log.fh.datasync();
    } catch (e) {
      // The line may be half written: reopening repairs the tail before the next record.
      await closeLog(st);
      throw storageError('save', fileNameFor(id), e);
    }
    st.last = snap;
    st.lastWrittenAt = snap.at;
    st.pending = null;
    st.fullNext = false;
  }

  /** An unchanged balance as a heartbeat, unless the reader could not tie one to its record. */
  const unchangedLine = (st: AccountState, snap: Snapshot): string =>
    st.fullNext ? encodeFull(snap) : encodeHeartbeat(snap.at);

  /**
   * Closes our handle when the file at the path is no longer the one we have open (renamed
   * over, removed) or another process appended to it; the next open reads its tail afresh.
   * Called under the account's lock, so nothing can change between this check and the write.
   */
  async function dropIfReplaced(id: string, st: AccountState): Promise<void> {
    if (!st.log) return;
    const [mine, there] = await Promise.all([
      st.log.fh.stat(),
      stat(pathOf(id)).catch((e: { code?: string }) => {
        if (e.code === 'ENOENT') return null;
        throw e;
      }),
    ]);
    if (!there || there.ino !== mine.ino || there.dev !== mine.dev || mine.size !== st.size) {
      const pending = st.pending;
      await closeLog(st);
      st.pending = pending;
    }
  }

  async function appendNow(id: string, snap: Snapshot): Promise<void> {
    const st = stateOf(id);
    try {
      await dropIfReplaced(id, st);
    } catch (e) {
      await closeLog(st);
      throw storageError('open', fileNameFor(id), e);
    }
    if (!st.log) {
      try {
        await ensureOpen(id, st);
      } catch (e) {
        await closeLog(st);
        throw storageError('open', fileNameFor(id), e);
      }
    }
    const same = st.last !== null && sameBalance(st.last, snap);
    if (same && snap.at >= st.lastWrittenAt && snap.at - st.lastWrittenAt < heartbeatMs) {
      st.pending = snap;
      return;
    }
    await writeLine(id, st, snap, same ? unchangedLine(st, snap) : encodeFull(snap));
  }

  /** Every readable record, and whether any line had to be dropped. */
  async function loadChecked(id: string): Promise<{ snapshots: Snapshot[]; damaged: boolean }> {
    let text: string;
    try {
      text = await readFile(pathOf(id), 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return { snapshots: [], damaged: false };
      throw storageError('read', fileNameFor(id), e);
    }
    const loaded = decodeLog(text, fileNameFor(id));
    for (const w of loaded.warnings) warn(w);
    return { snapshots: loaded.snapshots, damaged: loaded.warnings.length > 0 };
  }
  const load = async (id: string): Promise<Snapshot[]> => (await loadChecked(id)).snapshots;

  /**
   * Before a rewrite drops damaged lines for good, the file as it was is kept beside it
   * (`<account>.log.corrupt-<time>`): a repair never deletes what a user might still want.
   */
  async function loadForRewrite(id: string): Promise<Snapshot[]> {
    const { snapshots, damaged } = await loadChecked(id);
    if (damaged) {
      const backup = `${pathOf(id)}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
      try {
        await copyFile(pathOf(id), backup);
      } catch (e) {
        throw storageError('back up', fileNameFor(id), e);
      }
      warn(`${fileNameFor(id)}: damaged lines kept in ${backup} before the rewrite`);
    }
    return snapshots;
  }

  async function rewrite(id: string, snapshots: readonly Snapshot[], op: string): Promise<void> {
    await closeLog(stateOf(id));
    try {
      await ensureDir();
      await removeLeftovers(opts.dir, fileNameFor(id));
      await replaceFile(opts.dir, fileNameFor(id), encodeSeries(snapshots));
    } catch (e) {
      throw storageError(op, fileNameFor(id), e);
    }
  }

  return {
    append: (id, snapshot) => serial(id, () => appendNow(id, snapshot)),

    read: (id, range) =>
      serial(
        id,
        async () => {
          const all = await load(id);
          const pending = states.get(id)?.pending;
          const lastAt = all[all.length - 1]?.at ?? -Infinity;
          if (pending && pending.at > lastAt) all.push(pending);
          const from = range?.from ?? -Infinity;
          const to = range?.to ?? Infinity;
          return from === -Infinity && to === Infinity
            ? all
            : all.filter((s) => s.at >= from && s.at <= to);
        },
        true,
      ),

    remove: (id) =>
      serial(id, async () => {
        const st = stateOf(id);
        await closeLog(st);
        states.delete(id);
        await unlink(pathOf(id)).catch((e: { code?: string }) => {
          if (e.code !== 'ENOENT') throw storageError('delete', fileNameFor(id), e);
        });
        await removeLeftovers(opts.dir, fileNameFor(id));
      }),

    async compact(accountId) {
      const ids = accountId === undefined ? await logAccountIds(opts.dir) : [accountId];
      let firstError: unknown = null;
      for (const id of ids) {
        // One account's failure (a full disk) must not stop the others from being tried.
        await serial(id, async () => {
          const before = await loadForRewrite(id);
          if (before.length === 0) return;
          await rewrite(id, rollup(before, now()), 'compact');
        }).catch((e: unknown) => (firstError ??= e));
      }
      if (firstError) throw firstError;
    },

    importSnapshots: (id, snapshots) =>
      serial(id, async () => {
        const byTime = new Map<number, Snapshot>();
        for (const s of await loadForRewrite(id)) byTime.set(s.at, s);
        for (const s of snapshots) byTime.set(s.at, s);
        await rewrite(
          id,
          [...byTime.values()].sort((a, b) => a.at - b.at),
          'import',
        );
      }),

    async close() {
      for (const [id, st] of states) {
        await serial(id, async () => {
          if (st.pending)
            await writeLine(id, st, st.pending, unchangedLine(st, st.pending)).catch((e: Error) =>
              warn(e.message),
            );
          await closeLog(st);
        });
      }
    },

    warnings: () => [...warnings],
  };
}
