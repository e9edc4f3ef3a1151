/**
 * Opening a log for appending after a crash. Only the end of the file is read: an
 * unfinished last line (the in-flight record of a killed process, or zero bytes a power cut
 * left behind) is cut off so the next record starts on a clean line, and the newest full
 * record is found so unchanged balances can be written as heartbeats.
 */
import { type FileHandle, open } from 'node:fs/promises';
import type { Snapshot } from '../../../shared/model';
import { HEADER_LINE, decodeLine } from './line-format';

export interface OpenedLog {
  fh: FileHandle;
  /** Newest full record, or null when none is near the end (the next append writes one). */
  lastFull: Snapshot | null;
  /** Time of the newest record of any kind. */
  lastAt: number | null;
  /** Bytes of an unfinished last line that were cut off. */
  droppedBytes: number;
  /** The file did not exist (or was empty) and was started with a header. */
  created: boolean;
  /**
   * A damaged line follows the newest full record: the reader drops every heartbeat after it
   * (load.ts), so the next line written must be a full record even for an unchanged balance.
   */
  damagedTail: boolean;
  /** Its size once opened: a later difference means another process wrote to it. */
  size: number;
}

const FIRST_CHUNK = 64 * 1024;

async function readTail(
  fh: FileHandle,
  size: number,
): Promise<{ buf: Buffer; pos: number; cut: number }> {
  let len = Math.min(size, FIRST_CHUNK);
  for (;;) {
    const pos = size - len;
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, pos);
    if (buf[len - 1] === 0x0a) return { buf, pos, cut: size };
    const nl = buf.lastIndexOf(0x0a);
    if (nl >= 0) return { buf: buf.subarray(0, nl + 1), pos, cut: pos + nl + 1 };
    if (pos === 0) return { buf: Buffer.alloc(0), pos: 0, cut: 0 };
    len = Math.min(size, len * 4);
  }
}

/** Opens (creating if needed, 0600) a log for appending and repairs its tail. */
export async function openForAppend(path: string): Promise<OpenedLog> {
  const fh = await open(path, 'a+', 0o600);
  try {
    const stat = await fh.stat();
    const size = stat.size;
    // Logs written by earlier versions were 0644: balances are nobody else's business.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) await fh.chmod(0o600);
    let droppedBytes = 0;
    let damagedTail = false;
    let lastFull: Snapshot | null = null;
    let lastAt: number | null = null;
    let keep = 0;
    if (size > 0) {
      const { buf, pos, cut } = await readTail(fh, size);
      keep = cut;
      if (cut < size) {
        await fh.truncate(cut);
        droppedBytes = size - cut;
      }
      const lines = buf.toString('utf8').split('\n');
      lines.pop();
      const first = pos > 0 ? 1 : 0;
      for (let i = lines.length - 1; i >= first && !lastFull; i--) {
        const d = decodeLine(lines[i] as string);
        if (d.type === 'bad') damagedTail = true;
        if (d.type === 'full') lastFull = d.snapshot;
        if ((d.type === 'full' || d.type === 'heartbeat') && lastAt === null)
          lastAt = d.type === 'full' ? d.snapshot.at : d.at;
      }
    }
    const created = keep === 0;
    if (created)
      await fh.write(Buffer.from(HEADER_LINE)).then((r) => {
        if (r.bytesWritten !== Buffer.byteLength(HEADER_LINE))
          throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      });
    if (created || droppedBytes > 0) await fh.datasync();
    return {
      fh,
      lastFull,
      lastAt,
      droppedBytes,
      created,
      damagedTail,
      size: created ? Buffer.byteLength(HEADER_LINE) : keep,
    };
  } catch (e) {
    await fh.close().catch(() => undefined);
    throw e;
  }
}
