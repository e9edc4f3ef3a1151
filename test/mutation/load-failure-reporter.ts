/**
 * A Vitest reporter for mutation runs only (vitest.mutate.config.ts).
 *
 * Why: StrykerJS's Vitest runner (9.6.1, and 10.0 too: stryker-js issue #6150) builds each
 * mutant's result from the tests Vitest collected. A mutant in a value computed when a module
 * loads (a "static" mutant, e.g. an empty URL in a link table that `new URL()` then refuses)
 * makes the test file fail to import; such a file collects no test, no test fails, and Stryker
 * counts the mutant as survived although the suite caught it.
 *
 * What: when the run ends, every test file that failed and holds no test gets one failed test
 * carrying the file's own error. A file that loaded is left alone, whatever its tests did.
 * Stryker reads `vitest.state.getFiles()` after the run, so the added test is what it sees.
 */
import type { RunnerTask, RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/** The name the added test has inside its file (Stryker shows it as the killing test). */
export const LOAD_FAILURE_TEST = 'the test file could not be loaded';

function hasTest(task: RunnerTask): boolean {
  if (task.type === 'test') return true;
  return task.tasks.some(hasTest);
}

/** Adds a failed test to `file` when it failed before any test was collected. */
export function markUnloadableFile(file: RunnerTestFile): boolean {
  if (file.result?.state !== 'fail' || hasTest(file)) return false;
  const errors = file.result.errors?.length
    ? file.result.errors
    : [{ message: 'the test file failed before any test was collected' }];
  // Only the fields a reporter or Stryker reads after the run; Vitest alone can build a test
  // context, and nothing uses one once the run is over.
  const test = {
    type: 'test',
    id: `${file.id}_load`,
    name: LOAD_FAILURE_TEST,
    fullName: `${file.name} > ${LOAD_FAILURE_TEST}`,
    fullTestName: LOAD_FAILURE_TEST,
    mode: 'run',
    file,
    suite: file,
    meta: {},
    timeout: 0,
    annotations: [],
    artifacts: [],
    result: { state: 'fail', errors, duration: 0 },
  } as unknown as RunnerTestCase;
  file.tasks.push(test);
  return true;
}

export default class LoadFailureReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) markUnloadableFile(file);
  }
}
