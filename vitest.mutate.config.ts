import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import LoadFailureReporter from './test/mutation/load-failure-reporter';

// The tests that judge the pure core under mutation (stryker.config.mjs): the unit tests of
// shared/ and main/core, plus the integration tests that exercise the history line format and
// the DeepSeek parser over real files and sockets (without them those modules look untested).
// No keychain, no child processes. Not merged with mergeConfig: it would append to `include`.
export default defineConfig({
  resolve: base.resolve,
  test: {
    ...base.test,
    // Instrumented for coverage per test, on a busy machine, the foresight scenarios (2 s
    // each in a plain run) took over the usual 20 s and failed the initial run.
    testTimeout: 120_000,
    // A mutant that stops a module from loading must count as killed (Stryker's Vitest runner
    // only sees collected tests; see the reporter's comment).
    reporters: ['default', new LoadFailureReporter()],
    include: [
      'test/unit/shared/**/*.test.ts',
      'test/unit/core/**/*.test.ts',
      'test/integration/core/history/file-history-store.test.ts',
      'test/integration/core/history/rollup-retention.test.ts',
      'test/integration/core/providers/deepseek.test.ts',
      'test/integration/core/providers/deepseek-transport.test.ts',
    ],
  },
});
