/**
 * Where the harness builds go: one folder per test run under the git-ignored test-results/
 * (set by global-setup in CREDITRAY_UI_RUN), so two runs at once (two people, or a bench
 * beside a test run) never delete each other's files. Screenshots are shared on purpose.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Screenshots of every screen (light/dark, en/zh-CN). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');

/** The current run's folders; read at call time so global-setup can choose the run first. */
export function runPaths() {
  const run = join(ROOT, 'test-results', process.env.CREDITRAY_UI_RUN ?? 'ui-run');
  return {
    run,
    app: join(run, 'app'),
    harness: join(run, 'harness'),
    preload: join(run, 'harness/preload.js'),
    backend: join(run, 'harness/backend.mjs'),
  };
}
