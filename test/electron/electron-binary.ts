/**
 * Finds the Electron executable the way `node_modules/electron/index.js` does, but without
 * ever triggering its download (requiring that module here would try to fetch the binary).
 * `ELECTRON_OVERRIDE_DIST_PATH` wins; else `path.txt` names the file inside `dist/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { path: string; reason?: undefined } | { path: null; reason: string };

/** Where Electron 45 keeps the executable inside a dist directory, per OS. */
const defaultRelative = (platform: NodeJS.Platform): string =>
  platform === 'win32'
    ? 'electron.exe'
    : platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : 'electron';

/** The binary, or why there is none (shown as the skip reason). */
export function findElectronBinary(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronBinary {
  const pkg = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? defaultRelative(platform));
    return existsSync(candidate)
      ? { path: candidate }
      : {
          path: null,
          reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist`,
        };
  }
  if (!relative) {
    return {
      path: null,
      reason: `${pathTxt} is missing: the Electron binary was never downloaded (run \`node node_modules/electron/install.js\` where the download works, or set ELECTRON_OVERRIDE_DIST_PATH)`,
    };
  }
  const candidate = join(pkg, 'dist', relative);
  return existsSync(candidate)
    ? { path: candidate }
    : {
        path: null,
        reason: `${candidate} is missing (path.txt names it, but dist/ was never downloaded)`,
      };
}
