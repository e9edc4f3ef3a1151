import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockBusyError, withLock, withLockSync } from '../../../main/core/data-lock';

const lockIn = () => join(mkdtempSync(join(tmpdir(), 'creditray-lock-')), 'x.lock');
/** A pid that certainly belonged to a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid as number;

describe('data dir lock', () => {
  it('lets one holder in at a time and names itself in the lock while held', async () => {
    const lock = lockIn();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withLock(lock, async () => {
          most = Math.max(most, ++inside);
          expect(readFileSync(join(lock, 'owner'), 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
          await new Promise((r) => setTimeout(r, 2));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over at once a lock whose holder process has died', async () => {
    const lock = lockIn();
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), `${deadPid()}\n${hostname()}\n`);
    const t = Date.now();
    expect(withLockSync(lock, () => 'mine', { waitMs: 1_000 })).toBe('mine');
    expect(Date.now() - t).toBeLessThan(1_000);
  });

  it('takes over a lock with no owner note once it is older than a live holder could be', () => {
    const lock = lockIn();
    mkdirSync(lock);
    const old = new Date(Date.now() - 5_000);
    utimesSync(lock, old, old);
    expect(withLockSync(lock, () => 'mine', { waitMs: 1_000 })).toBe('mine');
  });

  it('waits for a live holder and gives up with ELOCKED after waitMs', async () => {
    const lock = lockIn();
    await withLock(lock, async () => {
      expect(() => withLockSync(lock, () => 'never', { waitMs: 200 })).toThrow(LockBusyError);
    });
  });
});
