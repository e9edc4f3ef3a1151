/**
 * Says up front whether the suite can run. With a binary, builds the app once (so the suite
 * never tests a stale out/); without one, prints why every test will be skipped.
 */
import { execFileSync } from 'node:child_process';
import { ROOT, SKIP_REASON } from './paths';

export default function globalSetup(): void {
  if (SKIP_REASON) {
    console.log(`\n[test:electron] SKIPPING the whole Electron suite. ${SKIP_REASON}\n`);
    return;
  }
  if (process.env.CREDITRAY_E2E_NO_BUILD === '1') return;
  console.log('[test:electron] building the app (electron-vite build)…');
  execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Compiles in the test-only tray hook; production builds (npm run build/dist) never have it.
    env: { ...process.env, CREDITRAY_E2E: '1' },
  });
}
