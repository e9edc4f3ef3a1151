/**
 * End-to-end tests of the real Electron app (Playwright `_electron`). They need the Electron
 * binary: where it cannot be found, global setup prints why and every test skips with that
 * reason. Run with `npm run test:electron` (not part of `npm test`).
 */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: root('test-results/electron-artifacts'),
  globalSetup: './global-setup.ts',
  // One app at a time: each launch holds the single-instance lock and a tray icon.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
