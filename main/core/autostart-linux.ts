/**
 * Launch at login on Linux. Electron's `app.setLoginItemSettings` only works on macOS and
 * Windows; Linux desktops (GNOME, KDE, XFCE, ...) instead start every entry found in
 * `$XDG_CONFIG_HOME/autostart/*.desktop` (XDG Autostart spec). So the app writes, rewrites and
 * removes `creditray.desktop` there itself. No Electron here: the shell passes the exec path.
 *
 * AppImages: `process.execPath` points into the AppImage's temporary mount
 * (/tmp/.mount_XXXX/...), which is gone after the app quits. The runtime sets `$APPIMAGE` to
 * the AppImage file itself, so that is what the entry must start: see `autostartExecPath`.
 * If the user moves the AppImage, the next launch calls `update()` with the new path.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type AppError, type Result } from '../../shared/result';
import { autostartText, type AutostartMessageKey } from '../../shared/i18n/autostart';
import type { Lang } from '../../shared/i18n/language';

/** File name in the autostart directory; stable so enable/disable always find the same entry. */
export const AUTOSTART_FILE_NAME = 'creditray.desktop';

export interface LinuxAutostartOptions {
  /** Default: `$XDG_CONFIG_HOME`, else `~/.config`. */
  configHome?: string;
  /** The program the session should start: `autostartExecPath()` in the app. */
  execPath: string;
  /** Extra command-line arguments, e.g. a flag that starts to the tray only. */
  args?: string[];
  /** Language of error messages (default 'en'). */
  lang?: Lang;
}

/** The XDG autostart entry for Creditray; failures are values (read-only config dir, ...). */
export interface LinuxAutostart {
  /** Absolute path of the entry this instance manages. */
  readonly filePath: string;
  /** True when the entry exists and is not switched off (Hidden=true or X-GNOME-Autostart-enabled=false). */
  isEnabled(): Promise<boolean>;
  /** Writes the entry atomically (temp file + rename); writing what is already there is a no-op. */
  enable(): Promise<Result<void, AppError>>;
  /** Removes the entry; an entry that is already gone is fine. */
  disable(): Promise<Result<void, AppError>>;
  /** Remembers a new exec path (the AppImage moved) and rewrites the entry if it is enabled. */
  update(execPath: string): Promise<Result<void, AppError>>;
}

/**
 * What the autostart entry should start: the AppImage file when running from one (`$APPIMAGE`),
 * else the executable itself (deb / tar.gz installs).
 */
export function autostartExecPath(
  env: NodeJS.ProcessEnv = process.env,
  execPath: string = process.execPath,
): string {
  const appImage = env.APPIMAGE?.trim();
  return appImage ? appImage : execPath;
}

/** Characters that force an Exec argument into double quotes (Desktop Entry spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument per the Desktop Entry spec: quoted in whole when it holds a reserved
 * character, with `"`, backtick, `$` and `\` backslash-escaped inside the quotes, and `%`
 * doubled so it is never read as a field code. Apply `desktopStringValue` to the whole line after.
 */
export function quoteExecArg(arg: string): string {
  const doubled = arg.replaceAll('%', '%%');
  if (arg !== '' && !RESERVED.test(arg)) return doubled;
  return `"${doubled.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
}

/** The string-value escapes of a desktop file (`\\`, `\n`, `\t`, `\r`), applied before the Exec quoting is read. */
export function desktopStringValue(value: string): string {
  return value.replace(
    /[\\\n\t\r]/g,
    (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[c] ?? c,
  );
}

/** The full entry text for `execPath` and `args`. */
export function renderAutostartEntry(execPath: string, args: readonly string[] = []): string {
  const exec = desktopStringValue([execPath, ...args].map(quoteExecArg).join(' '));
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=Creditray',
    'Comment=Tray fuel gauge for LLM API credit',
    `Exec=${exec}`,
    'Icon=creditray',
    'Terminal=false',
    'StartupNotify=false',
    'NoDisplay=true',
    'Hidden=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Reads `key` from the [Desktop Entry] group (later groups, comments and blank lines ignored). */
function entryValue(text: string, key: string): string | undefined {
  let inEntry = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) inEntry = line === '[Desktop Entry]';
    else if (inEntry && line.startsWith(`${key}=`)) return line.slice(key.length + 1).trim();
  }
  return undefined;
}

const reasonOf = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (e instanceof Error ? e.message : String(e));
};

/** Creates the manager; nothing touches the disk until a method is called. */
export function createLinuxAutostart(opts: LinuxAutostartOptions): LinuxAutostart {
  const configHome =
    opts.configHome ?? (process.env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config'));
  const dir = join(configHome, 'autostart');
  const filePath = join(dir, AUTOSTART_FILE_NAME);
  const args = [...(opts.args ?? [])];
  const lang = opts.lang ?? 'en';
  let execPath = opts.execPath;

  const fail = (code: string, key: AutostartMessageKey, e: unknown): Result<never, AppError> =>
    err({ code, message: autostartText(lang, key, { path: filePath, reason: reasonOf(e) }) });

  const readCurrent = async (): Promise<string | null> => {
    try {
      return await readFile(filePath, 'utf8');
    } catch {
      return null; // missing or unreadable: either way there is no entry we can rely on
    }
  };

  const isEnabled = async (): Promise<boolean> => {
    const text = await readCurrent();
    if (text === null) return false;
    if (entryValue(text, 'Hidden')?.toLowerCase() === 'true') return false;
    return entryValue(text, 'X-GNOME-Autostart-enabled')?.toLowerCase() !== 'false';
  };

  const enable = async (): Promise<Result<void, AppError>> => {
    const wanted = renderAutostartEntry(execPath, args);
    if ((await readCurrent()) === wanted) return ok(undefined);
    // The temp name does not end in .desktop, so a session starting right now never reads half a file.
    const temp = join(
      dir,
      `.${AUTOSTART_FILE_NAME}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
    );
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(temp, wanted, { encoding: 'utf8', mode: 0o644 });
      await rename(temp, filePath);
      return ok(undefined);
    } catch (e) {
      await rm(temp, { force: true }).catch(() => undefined);
      return fail('autostart-write-failed', 'writeFailed', e);
    }
  };

  const disable = async (): Promise<Result<void, AppError>> => {
    try {
      await rm(filePath, { force: true });
      return ok(undefined);
    } catch (e) {
      return fail('autostart-remove-failed', 'removeFailed', e);
    }
  };

  const update = async (next: string): Promise<Result<void, AppError>> => {
    execPath = next;
    // Only an entry the user switched on is rewritten; update never turns autostart on.
    return (await isEnabled()) ? enable() : ok(undefined);
  };

  return { filePath, isEnabled, enable, disable, update };
}
