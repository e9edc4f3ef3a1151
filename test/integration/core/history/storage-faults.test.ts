/**
 * Real storage faults. /dev/full gives a genuine ENOSPC on any Linux. A tiny tmpfs (needs
 * root, i.e. CI containers) gives a disk that fills up mid-history and one that turns
 * read-only; where mounting is not allowed those tests skip and say so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryStorageError } from '../../../../main/core/history/errors';
import { createFileHistoryStore } from '../../../../main/core/history/file-history-store';
import type { Snapshot } from '../../../../shared/model';

const T0 = Date.UTC(2026, 0, 1);
const snap = (i: number): Snapshot => ({
  at: T0 + i * 60_000,
  available: true,
  rows: [
    { currency: 'CNY', total: `${10_000 - i}.00`, granted: '0.00', toppedUp: `${10_000 - i}.00` },
  ],
});

function tryMountTmpfs(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'creditray-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
const mnt = tryMountTmpfs();
afterAll(() => {
  if (!mnt) return;
  execFileSync('umount', [mnt], { stdio: 'ignore' });
  rmSync(mnt, { recursive: true, force: true });
});
const why = 'needs root to mount a 64 KiB tmpfs (ENOSPC / read-only); skipped here';

describe('history storage faults', () => {
  it.runIf(process.platform === 'linux' && existsSync('/dev/full'))(
    'reports a full disk as history-disk-full',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'creditray-full-'));
      symlinkSync('/dev/full', join(dir, 'a.log'));
      const s = createFileHistoryStore({ dir });
      const e = await s.append('a', snap(0)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(HistoryStorageError);
      expect((e as HistoryStorageError).code).toBe('history-disk-full');
      expect((e as Error).message).toMatch(/disk is full/);
      rmSync(dir, { recursive: true, force: true });
    },
  );

  (mnt ? it : it.skip)(
    `keeps every stored record when the disk fills mid-history, and recovers after space is freed (${mnt ? 'tmpfs' : why})`,
    async () => {
      const dir = join(mnt as string, 'full');
      const s = createFileHistoryStore({ dir });
      await s.append('a', snap(0));
      writeFileSync(join(mnt as string, 'filler'), Buffer.alloc(40 * 1024));
      try {
        let stored = 1;
        let failure: unknown = null;
        for (let i = 1; i < 5000 && !failure; i++) {
          await s.append('a', snap(i)).then(
            () => stored++,
            (x: unknown) => (failure = x),
          );
        }
        expect((failure as HistoryStorageError).code).toBe('history-disk-full');
        const afterFailure = await createFileHistoryStore({ dir }).read('a');
        expect(afterFailure.length).toBeGreaterThanOrEqual(stored);
        expect(afterFailure.slice(0, stored)).toEqual(
          Array.from({ length: stored }, (_, i) => snap(i)),
        );
        // Compaction cannot make things worse on a full disk: it fails and the old file stays.
        await expect(s.compact('a')).rejects.toBeInstanceOf(HistoryStorageError);
        expect(await createFileHistoryStore({ dir }).read('a')).toEqual(afterFailure);
        rmSync(join(mnt as string, 'filler'));
        await s.append('a', snap(stored + 10));
        const healed = await s.read('a');
        expect(healed.at(-1)).toEqual(snap(stored + 10));
        expect(healed.slice(0, stored)).toEqual(afterFailure.slice(0, stored));
        await s.close();
      } finally {
        rmSync(join(mnt as string, 'filler'), { force: true });
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  (mnt ? it : it.skip)(
    `reports a read-only disk and still reads what is there (${mnt ? 'tmpfs' : why})`,
    async () => {
      const dir = join(mnt as string, 'ro');
      const s = createFileHistoryStore({ dir });
      await s.append('a', snap(0));
      await s.close();
      const before = readFileSync(join(dir, 'a.log'));
      execFileSync('mount', ['-o', 'remount,ro', mnt as string], { stdio: 'ignore' });
      try {
        const s2 = createFileHistoryStore({ dir });
        const e = await s2.append('a', snap(1)).catch((x: unknown) => x);
        expect((e as HistoryStorageError).code).toBe('history-read-only');
        expect(await s2.read('a')).toEqual([snap(0)]);
        await expect(s2.importSnapshots('a', [snap(5)])).rejects.toBeInstanceOf(
          HistoryStorageError,
        );
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', mnt as string], { stdio: 'ignore' });
      }
      expect(readFileSync(join(dir, 'a.log'))).toEqual(before);
    },
  );
});
