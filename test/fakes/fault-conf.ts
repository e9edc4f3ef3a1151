/**
 * Storage faults for settings. `createFaultConf` wraps a real conf so that writes can be made
 * to throw the errors a read-only folder or a full disk produce (for machines where they
 * cannot be produced for real: tests run as root, where chmod stops nothing). `mountTinyTmpfs`
 * produces them for real where this process may mount (root on Linux): a small tmpfs that
 * can be filled up or remounted read-only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfLike } from '../../main/core/settings-store';

export interface FaultConf extends ConfLike {
  /** Every later write throws a Node-style error with this code (null: writes work). */
  failWith(code: string | null): void;
  /** Writes attempted while failing. */
  readonly refused: number;
}

const SYSCALL_TEXT: Record<string, string> = {
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
};

/** Wraps `inner`; reads always go through, writes fail while `failWith` is set. */
export function createFaultConf(inner: ConfLike): FaultConf {
  let failing: string | null = null;
  let refused = 0;
  return {
    get path() {
      return inner.path;
    },
    get store() {
      return inner.store;
    },
    set store(value) {
      if (failing) {
        refused++;
        const text = SYSCALL_TEXT[failing] ?? 'i/o error';
        throw Object.assign(new Error(`${failing}: ${text}, open '${inner.path}.tmp'`), { code: failing, syscall: 'open', path: `${inner.path}.tmp` });
      }
      inner.store = value;
    },
    failWith(code) {
      failing = code;
    },
    get refused() {
      return refused;
    },
  };
}

export interface TinyMount {
  dir: string;
  /** Fills the filesystem to the last byte (ENOSPC from then on). */
  fill(): void;
  /** Frees the space taken by `fill`. */
  unfill(): void;
  /** Remounts read-only (true) or read-write (false). */
  readOnly(on: boolean): void;
  unmount(): void;
}

/** Mounts a `sizeKb` tmpfs on a fresh temp dir; null where mounting is not allowed here. */
export function mountTinyTmpfs(sizeKb = 256): TinyMount | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'creditray-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const fillPath = join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${fillPath}`, 'bs=4k'], { stdio: 'ignore' });
      } catch {
        // dd exits non-zero exactly when the disk is full: that is the point.
      }
    },
    unfill: () => rmSync(fillPath, { force: true }),
    readOnly: (on) => void execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir], { stdio: 'ignore' }),
    unmount() {
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
