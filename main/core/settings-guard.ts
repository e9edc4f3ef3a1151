/**
 * The settings file before conf or electron-store open it: both throw on invalid JSON, so an
 * unreadable file is moved aside (never deleted) and its notice kept for the store to show.
 * Also the one place that makes a backup copy of a damaged file.
 */
import { constants, copyFileSync, existsSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { toError } from '../../shared/result';
import { ensurePrivateDir } from './data-dir';
import type { Notice } from './settings-file';

const pending = new Map<string, Notice[]>();
/** Notices a guard left for the store on `path` (each handed over once). */
export const takePending = (path: string): Notice[] => {
  const key = resolve(path);
  const found = pending.get(key) ?? [];
  pending.delete(key);
  return found;
};

/** Copies (or moves) an unreadable file to `<name>.corrupt-<timestamp><ext>`; null when that failed. */
export function backupFile(
  path: string,
  backupDir: string | undefined,
  at: number,
  move = false,
): string | null {
  if (!existsSync(path)) return null;
  const ext = extname(path);
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const dir = backupDir ?? dirname(path);
  let target = join(dir, `${basename(path, ext)}.corrupt-${stamp}${ext}`);
  for (let n = 2; existsSync(target); n++)
    target = join(dir, `${basename(path, ext)}.corrupt-${stamp}-${n}${ext}`);
  try {
    copyFileSync(path, target, constants.COPYFILE_EXCL);
    // Only once the copy exists may the original leave its place (conf cannot start on it).
    if (move) unlinkSync(path);
    return target;
  } catch {
    return null;
  }
}

/**
 * Call BEFORE constructing conf or electron-store on `filePath`: they throw on invalid JSON.
 * It also creates the data folder 0700 when it does not exist yet.
 * An unparsable file is moved aside (never deleted) so the store starts empty; the notice is
 * returned and also handed to the next createSettingsStore on the same path.
 */
export function guardSettingsFile(
  filePath: string,
  opts: { backupDir?: string; now?: () => number } = {},
): Notice[] {
  try {
    ensurePrivateDir(dirname(filePath)); // before conf or electron-store create it with default modes
  } catch {
    // conf reports a folder it cannot create in its own words
  }
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return []; // missing or unreadable: conf reports real I/O problems itself
  }
  try {
    JSON.parse(text);
    return [];
  } catch (e) {
    const saved = backupFile(filePath, opts.backupDir, (opts.now ?? Date.now)(), true);
    const notice: Notice = saved
      ? {
          code: 'settings-corrupt',
          message: `Your settings file was unreadable; it was saved as ${saved} and defaults are in use.`,
        }
      : {
          code: 'settings-corrupt',
          message: `Your settings file is unreadable (${toError(e).message.slice(0, 80)}) and could not be backed up.`,
        };
    pending.set(resolve(filePath), [...(pending.get(resolve(filePath)) ?? []), notice]);
    return [notice];
  }
}
