/**
 * File-level pieces of the history store: account ids to file names, complete writes, durable
 * directory entries, and whole-file replacement that a crash or a second process cannot tear.
 * The store (file-history-store.ts) decides when; this module only knows how.
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { GONE } from '../data-lock';

export const LOG_SUFFIX = '.log';

/** File name for an account id: safe on every OS, reversible. */
export function fileNameFor(accountId: string): string {
  const escaped = encodeURIComponent(accountId).replace(
    /[.!~*'()]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return escaped + LOG_SUFFIX;
}

/** The account ids of the logs in `dir` (none when it does not exist). */
export async function logAccountIds(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith(LOG_SUFFIX))
    .map((n) => decodeURIComponent(n.slice(0, -LOG_SUFFIX.length)));
}

/** FileHandle.write may write only part of the buffer (a nearly full disk): finish or throw. */
export async function writeAll(fh: FileHandle, text: string): Promise<void> {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    if (bytesWritten <= 0) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
    off += bytesWritten;
  }
}

/** Makes a new or renamed directory entry durable. Windows cannot open directories: skip there. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Temp files (and released locks) of one log that a crashed process left behind. Call it
 * only under that log's lock, when no rewrite of it can be running in any process.
 */
export async function removeLeftovers(dir: string, fileName: string): Promise<void> {
  const prefixes = [`${fileName}.tmp`, `${fileName}.lock${GONE}`];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names)
    if (prefixes.some((p) => n.startsWith(p)))
      await rm(join(dir, n), { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Replaces `dir/fileName` with `text` as a whole: a private temp file (unique per process and
 * call, so two writers never share or delete each other's), synced, renamed over the log, and
 * the rename synced. A crash leaves the old file or the new one, never a mix.
 */
export async function replaceFile(dir: string, fileName: string, text: string): Promise<void> {
  const file = join(dir, fileName);
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await writeAll(fh, text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
    await syncDir(dir);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
