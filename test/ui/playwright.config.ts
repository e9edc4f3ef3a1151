/**
 * UI tests in Debian's Chromium (never a downloaded browser): the built renderer, the real
 * preload over a browser shim, real IPC handlers and core in Node, a fake DeepSeek server.
 */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: root('test-results/ui-artifacts'),
  globalSetup: './global-setup.ts',
  fullyParallel: true,
  workers: 2, // the machines have two cores
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1180, height: 780 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    colorScheme: 'light',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
