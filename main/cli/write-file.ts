/**
 * Writing a file the user named without ever damaging the one already there: the text goes
 * to a temporary file in the same folder (unique per process), is flushed to disk, and only
 * then renamed over the target. A full disk or a permission problem leaves the old file whole
 * and is reported in words, not as "unexpected failure".
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../shared/result';

const WORDS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
};

/** Writes `text` to `path` through a temp file and a rename; the error is a plain sentence. */
export function writeFileAtomically(path: string, text: string): Result<void, string> {
  const tmp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    const data = Buffer.from(text, 'utf8');
    for (let off = 0; off < data.length;) off += writeSync(fd, data, off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    return ok(undefined);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return err(`${WORDS[code] ?? (e as Error).message}${code ? ` (${code})` : ''}.`);
  }
}
