// Mutation testing of the pure core (`npm run mutate`; not part of `npm test`: minutes, not
// seconds). StrykerJS 9.6 with its Vitest runner: 10.x needs Node 22 and CI here runs Node 20.
// Incremental: mutants whose code and covering tests did not change keep their last result,
// so a re-run after a small change takes seconds. `npm run mutate -- --mutate shared/level.ts`
// narrows a run to one file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'shared/money.ts',
    'shared/level.ts',
    'shared/balance.ts',
    'shared/currency.ts',
    'shared/diagnosis/**/*.ts',
    'shared/analytics/**/*.ts',
    'main/core/notification-policy.ts',
    'main/core/foresight-policy.ts',
    'main/core/providers/*-parse.ts',
    'main/core/providers/*/parse.ts',
    'main/core/providers/http-errors.ts',
    'main/core/providers/key-scrub.ts',
    'main/core/history/line-format.ts',
    'main/core/history/rollup.ts',
    'main/core/tray-model.ts',
    'main/core/tray-icon.ts',
    '!**/index.ts',
  ],
  // Build output and test artefacts change while other runs go on; never copy them into the sandbox.
  ignorePatterns: ['test-results', 'out', 'dist', 'reports', 'playwright-report', 'coverage'],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  concurrency: 2,
  timeoutMS: 10000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: 'reports/.stryker-tmp',
  cleanTempDir: 'always',
};
