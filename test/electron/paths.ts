/** Repository paths the Electron suite needs (the built app lives in out/). */
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary';

/** Repository root: the app directory Electron is started with (package.json `main` -> out/main/index.js). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The binary for this run, or the reason there is none. */
export const ELECTRON = findElectronBinary(ROOT);
/** One line saying why the suite cannot run here; null when it can. */
export const SKIP_REASON =
  ELECTRON.path === null ? `Electron binary not found: ${ELECTRON.reason}` : null;
