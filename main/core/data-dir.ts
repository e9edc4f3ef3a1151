/**
 * Where Creditray keeps its settings and history. The app and the CLI must agree, so both
 * take it from here (the app passes it to electron-store and to the history store) rather
 * than from Electron's `userData`, which the CLI cannot ask for.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Creditray';

/** `CREDITRAY_DATA_DIR` wins; else the OS convention for per-user app data. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.CREDITRAY_DATA_DIR) return env.CREDITRAY_DATA_DIR;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

/** Per-account history logs live under the data directory. */
export const historyDir = (dataDir: string): string => join(dataDir, 'history');

/**
 * Creates `dir` (and missing parents) as 0700 where the OS has modes: settings, history and
 * locks are the user's alone. An existing folder is left as the user set it.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}
