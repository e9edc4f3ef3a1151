/**
 * What `npm start` needs before electron-vite may run: the Electron binary itself, a Node that
 * Electron's installer supports, and (Linux) a usable Chromium sandbox. Electron 45 no longer
 * downloads its binary at `npm install` (its package has no install script; the binary comes
 * on first use, or from `npx install-electron`), and electron-vite's preview only reads
 * `node_modules/electron/path.txt`, failing with a bare "Electron uninstall" stack trace. Each
 * check here turns such a dead end into a message that says what to do.
 *
 * Pure functions over a small file-system port, so tests can drive every branch.
 */
import { join } from 'node:path';

/** The slice of node:fs the checks read. */
export interface FsLike {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
  statSync(path: string): { uid: number; mode: number };
}

/** Node versions: Electron 45's installer declares >= 22.12; the CLI and tests need >= 20.19. */
export const NODE_FOR_ELECTRON = [22, 12] as const;
export const NODE_MINIMUM = [20, 19] as const;

const atLeast = (v: string, [major, minor]: readonly [number, number]): boolean => {
  const [a = 0, b = 0] = v.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
};

/** null when this Node is fine for `npm start`; else whether to stop and what to say. */
export function nodeVersionProblem(version: string): { fatal: boolean; message: string } | null {
  if (!atLeast(version, NODE_MINIMUM))
    return {
      fatal: true,
      message: `Creditray needs Node ${NODE_MINIMUM.join('.')} or newer; this is ${version}. Install a current Node LTS and run npm install again.`,
    };
  if (!atLeast(version, NODE_FOR_ELECTRON))
    return {
      fatal: false,
      message: `Node ${version}: Electron's installer asks for Node ${NODE_FOR_ELECTRON.join('.')} or newer (the EBADENGINE warnings of npm install). Starting anyway; if the download of Electron fails, update Node first.`,
    };
  return null;
}

/**
 * Where the Electron executable is, or null when it has not been downloaded. Same rules as
 * the electron package's own index.js: `ELECTRON_OVERRIDE_DIST_PATH`, else `dist/<path.txt>`.
 */
export function electronBinary(
  electronDir: string,
  env: NodeJS.ProcessEnv,
  fs: FsLike,
): string | null {
  const pathFile = join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return fs.existsSync(p) ? p : null;
  }
  if (!relative) return null;
  const p = join(electronDir, 'dist', relative);
  return fs.existsSync(p) ? p : null;
}

/** The download failed: what happened (the installer's first error line) and every way out. */
export function downloadFailureMessage(
  version: string,
  installerOutput: string,
  env: NodeJS.ProcessEnv,
): string {
  const cause =
    installerOutput
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('at ') && !/^Downloading/i.test(l)) ?? 'no error text';
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror;
  return [
    `Creditray cannot start yet: the Electron ${version} runtime is not installed, and downloading it failed.`,
    `  Cause: ${cause}${mirror ? ` (mirror: ${mirror})` : ''}`,
    '',
    'Electron downloads its binary on first use, not at npm install. Ways to get it:',
    '  - Through a mirror:     ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    '  - Through a proxy:      ELECTRON_GET_USE_PROXY=1 GLOBAL_AGENT_HTTPS_PROXY=http://HOST:PORT npm start',
    `  - From a download cache: put electron-v${version}-<os>-<arch>.zip where electron_config_cache points`,
    '  - By hand:              npx install-electron   (then npm start again)',
    '',
    'Everything else works without Electron: the command line (npx creditray check --demo)',
    'and every test (npm test).',
  ].join('\n');
}

/**
 * Linux: Chromium needs unprivileged user namespaces for its sandbox, or else a set-uid-root
 * `chrome-sandbox` next to the binary. Ubuntu 23.10+ restricts those namespaces through
 * AppArmor (kernel.apparmor_restrict_unprivileged_userns = 1), and Chromium then aborts with
 * "The SUID sandbox helper binary was found, but is not configured correctly". Returns what
 * to do, or null when the sandbox can start. The answer is never "run without the sandbox".
 */
export function linuxSandboxProblem(
  binary: string,
  fs: FsLike,
  platform: NodeJS.Platform,
): string | null {
  if (platform !== 'linux') return null;
  const restricted = readFlag(fs, '/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1';
  const cloneOff = readFlag(fs, '/proc/sys/kernel/unprivileged_userns_clone') === '0';
  if (!restricted && !cloneOff) return null;
  const helper = join(binary, '..', 'chrome-sandbox');
  if (fs.existsSync(helper)) {
    const st = fs.statSync(helper);
    if (st.uid === 0 && (st.mode & 0o4000) !== 0) return null;
  }
  return [
    "This Linux restricts the user namespaces that Chromium's sandbox needs",
    restricted
      ? '(kernel.apparmor_restrict_unprivileged_userns = 1, as on Ubuntu 24.04),'
      : '(kernel.unprivileged_userns_clone = 0),',
    "and Electron's setuid sandbox helper is not set up, so Electron would abort at start.",
    'Set up the helper once (it is part of the Electron download, not of Creditray):',
    `  sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`,
    'or allow user namespaces for this binary with an AppArmor profile (docs/packaging.md, "Linux sandbox").',
    'Creditray does not offer to run without the sandbox. The installed .deb package needs none of this.',
  ].join('\n');
}

function readFlag(fs: FsLike, path: string): string | null {
  try {
    return fs.existsSync(path) ? fs.readFileSync(path, 'utf8').trim() : null;
  } catch {
    return null;
  }
}
