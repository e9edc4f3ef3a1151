import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    // An accidental `import 'electron'` must never reach the real package: it would try to
    // download the binary and crash. Every test sees the recording fake instead.
    alias: {
      electron: fileURLToPath(new URL('./test/fakes/electron.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
