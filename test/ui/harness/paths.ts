/** Where global-setup puts the harness builds (all under the git-ignored test-results/). */
import { fileURLToPath } from 'node:url';

const out = (p: string) => fileURLToPath(new URL(`../../../test-results/${p}`, import.meta.url));

export const UI_APP_DIR = out('ui-app');
export const HARNESS_DIR = out('ui-harness');
export const PRELOAD_BUNDLE = out('ui-harness/preload.js');
export const BACKEND_BUNDLE = out('ui-harness/backend.mjs');
export const BACKEND_INFO = out('ui-harness/backend.json');
export const SCREENSHOT_DIR = out('screenshots');
/** Repository root, for esbuild's working directory. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
