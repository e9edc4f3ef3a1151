/**
 * The one writer discipline for the data dir: every process (the app, each CLI command)
 * takes the same cross-process lock before it changes a file another process may change.
 *
 * Why proper-lockfile: the lock is a directory created with mkdir, which is atomic on every
 * local and network file system on macOS, Windows and Linux (O_EXCL is not reliable on NFS,
 * flock/LockFileEx need a native addon and differ per OS). A holder keeps the lock's mtime
 * fresh, so a lock whose holder crashed is recognised as stale after STALE_MS and taken
 * over; it also releases held locks on exit and signals. It has tens of millions of weekly
 * downloads and is already in our tree through electron-builder. Alternatives considered:
 * `lockfile` (npm's old O_EXCL lock: no refresh, a slow holder looks stale), fs-ext flock
 * (native build, no Windows), a pid file (pids are reused, no meaning across machines).
 *
 * The library only knows a crashed holder by its lock going STALE_MS without a refresh. So
 * that a killed CLI does not stall everyone for that long, the holder also writes its pid and
 * host into the lock (`owner`); a waiter on the same host whose holder no longer exists
 * removes the lock at once. Like the library's own stale takeover, two waiters that both
 * find the same dead holder can race; a reused pid only means waiting for STALE_MS.
 *
 * Locks are held briefly (one settings write, one history append, one rewrite). Each
 * resource has its own lock name so a long history import never makes a settings write
 * wait; an operation that needs two takes them in the order accounts, settings.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock older than this (its holder stopped refreshing it: crashed or frozen) is taken over. */
export const STALE_MS = 20_000;
/**
 * How long a caller waits for a busy lock before giving up with ELOCKED. Holders are brief,
 * but on a loaded disk each fsync can take a few hundred ms and a queue of processes forms.
 */
export const WAIT_MS = 30_000;

/** Thrown when the lock could not be had in time; `code` lets callers say so in plain words. */
export class LockBusyError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly lockPath: string,
    waitedMs: number,
  ) {
    super(
      `another Creditray process has held ${lockPath} for more than ${Math.round(waitedMs / 1000)} s`,
    );
    this.name = 'LockBusyError';
  }
}

type Done = (e: NodeJS.ErrnoException | null) => void;
/** Where a released lock goes for removal: renaming frees the name in one atomic step. */
const graveFor = (p: string) => `${p}${GONE}${process.pid}-${randomBytes(4).toString('hex')}`;
/** Marks released lock directories (a crash between rename and removal may leave one). */
export const GONE = '.gone-';
/**
 * Lock directories get 0700 like every other directory of ours. A lock is released by
 * renaming it away and then deleting it with its owner note, so that no moment exists at
 * which the lock is an empty, ownerless directory (a crash there would block others).
 */
const privateFs = {
  ...fs,
  // The owner note is written the moment the lock exists, before the library's own checks.
  mkdir: (p: string, cb: Done) =>
    fs.mkdir(p, { mode: 0o700 }, (e) => {
      if (!e) claim(p);
      cb(e);
    }),
  mkdirSync: (p: string) => {
    fs.mkdirSync(p, { mode: 0o700 });
    claim(p);
  },
  rmdir: (p: string, cb: Done) => {
    const grave = graveFor(p);
    fs.rename(p, grave, (e) =>
      e ? cb(e) : fs.rm(grave, { recursive: true, force: true }, () => cb(null)),
    );
  },
  rmdirSync: (p: string) => {
    const grave = graveFor(p);
    fs.renameSync(p, grave);
    fs.rmSync(grave, { recursive: true, force: true });
  },
};

export interface LockOptions {
  waitMs?: number;
  /** Told when a held lock was lost (its directory removed or not refreshable); never throws. */
  onCompromised?: (e: Error) => void;
}

const optionsFor = (lockPath: string, opts: LockOptions) => ({
  lockfilePath: lockPath,
  realpath: false,
  stale: STALE_MS,
  retries: 0,
  fs: privateFs,
  // The default throws from a timer, which would crash the app: report it instead.
  onCompromised:
    opts.onCompromised ??
    ((e: Error) => process.emitWarning(`Creditray lock ${lockPath}: ${e.message}`)),
});

const isBusy = (e: unknown) => (e as { code?: unknown } | null)?.code === 'ELOCKED';
const HOST = hostname();
/** A live holder writes its note microseconds after mkdir; one missing this long is gone. */
const NO_OWNER_MS = 2_000;
const ownerFile = (lockPath: string) => join(lockPath, 'owner');

function removeQuietly(lockPath: string): void {
  try {
    privateFs.rmdirSync(lockPath);
  } catch {
    // another waiter removed it first
  }
}

/** Marks the lock as ours; a failure only costs the fast takeover after a crash. */
function claim(lockPath: string): void {
  try {
    fs.writeFileSync(ownerFile(lockPath), `${process.pid}\n${HOST}\n`, { mode: 0o600 });
  } catch {
    // the lock still works; a crash would be detected by staleness instead
  }
}

/**
 * True when the lock's owner was a process on this host that no longer runs, or when a lock
 * without an owner note (its holder died between mkdir and the note) is older than
 * NO_OWNER_MS: the lock is removed.
 */
function takeOverDead(lockPath: string): boolean {
  let text = '';
  try {
    text = fs.readFileSync(ownerFile(lockPath), 'utf8');
  } catch {
    // no note (yet): judged by age below
  }
  const [pidText, host] = text.split('\n');
  const pid = Number(pidText);
  if (!text.endsWith('\n') || !Number.isInteger(pid) || pid <= 0) {
    try {
      if (Date.now() - fs.statSync(lockPath).mtimeMs < NO_OWNER_MS) return false;
    } catch {
      return false; // released meanwhile: just try again
    }
    removeQuietly(lockPath);
    return true;
  }
  if (host !== HOST || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false; // alive
  } catch (e) {
    if ((e as { code?: string }).code !== 'ESRCH') return false; // EPERM: alive, another user's
  }
  removeQuietly(lockPath);
  return true;
}
/** Short random pauses: contenders do not retry in lock step. */
const pause = () => 2 + Math.random() * 18;

/** Runs `fn` holding the lock at `lockPath` (a directory path, e.g. `<file>.lock`). */
export async function withLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (opts.waitMs ?? WAIT_MS);
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(lockPath, optionsFor(lockPath, opts));
      break;
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (takeOverDead(lockPath)) continue;
      if (Date.now() > deadline) throw new LockBusyError(lockPath, opts.waitMs ?? WAIT_MS);
      await new Promise((r) => setTimeout(r, pause()));
    }
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined); // already released as compromised: nothing to undo
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * The same lock for synchronous callers (settings writes, which the app makes from its
 * event handlers). `fn` must not await: the lock is released when it returns. The wait
 * blocks the thread, which is fine because holders keep it for a few milliseconds.
 */
export function withLockSync<T>(lockPath: string, fn: () => T, opts: LockOptions = {}): T {
  const deadline = Date.now() + (opts.waitMs ?? WAIT_MS);
  let release: () => void;
  for (;;) {
    try {
      release = lockfile.lockSync(lockPath, optionsFor(lockPath, opts));
      break;
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (takeOverDead(lockPath)) continue;
      if (Date.now() > deadline) throw new LockBusyError(lockPath, opts.waitMs ?? WAIT_MS);
      Atomics.wait(sleeper, 0, 0, pause());
    }
  }
  try {
    return fn();
  } finally {
    try {
      release();
    } catch {
      // already released as compromised
    }
  }
}

/** Where each lock of a data dir lives. */
export const lockPaths = (dataDir: string) => ({
  /** config.json: held for one read-merge-write. */
  settings: join(dataDir, 'config.json.lock'),
  /** Keychain and settings together: held across a key write and its account's write. */
  accounts: join(dataDir, 'accounts.lock'),
});
