/**
 * The mutation runs' reporter (test/mutation/load-failure-reporter.ts), run the way StrykerJS
 * runs Vitest: `createVitest` + `start`, then the results read from `vitest.state.getFiles()`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import type { RunnerTask, RunnerTestFile } from 'vitest';
import LoadFailureReporter, {
  LOAD_FAILURE_TEST,
  markUnloadableFile,
} from '../../mutation/load-failure-reporter';

const FIXTURE = fileURLToPath(new URL('../../mutation/fixture', import.meta.url));

const tests = (t: RunnerTask): { name: string; state?: string; message?: string }[] =>
  t.type === 'test'
    ? [{ name: t.name, state: t.result?.state, message: t.result?.errors?.[0]?.message }]
    : t.tasks.flatMap(tests);

async function runFixture(withReporter: boolean): Promise<Map<string, ReturnType<typeof tests>>> {
  const vitest = await createVitest('test', {
    config: false,
    root: FIXTURE,
    include: ['*.check.ts'],
    watch: false,
    // One reporter always, so Vitest does not add its default one and print the fixtures' failures.
    reporters: [withReporter ? new LoadFailureReporter() : {}],
  });
  try {
    await vitest.start();
    return new Map(vitest.state.getFiles().map((f) => [f.name, tests(f)]));
  } finally {
    await vitest.close();
  }
}

describe('load-failure reporter for mutation runs', () => {
  it('turns a test file that could not be imported into one failed test with its error', async () => {
    const files = await runFixture(true);
    expect(files.get('refuses-to-load.check.ts')).toEqual([
      { name: LOAD_FAILURE_TEST, state: 'fail', message: expect.stringMatching(/invalid url/i) },
    ]);
  });

  it('leaves a file that loaded as it was, passing and failing tests alike', async () => {
    const files = await runFixture(true);
    expect(files.get('loads.check.ts')).toEqual([
      { name: 'passes', state: 'pass', message: undefined },
      { name: 'fails', state: 'fail', message: expect.stringContaining('expected 1 to be 2') },
    ]);
  });

  it('is needed: without it the unloadable file holds no test at all (what Stryker miscounts)', async () => {
    const files = await runFixture(false);
    expect(files.get('refuses-to-load.check.ts')).toEqual([]);
  });

  it('adds nothing to a file that passed or that failed with tests, and marks a file only once', () => {
    const file = (state: 'pass' | 'fail', tasks: RunnerTask[] = []) =>
      ({
        type: 'suite',
        id: 'f',
        name: 'x.test.ts',
        tasks,
        result: { state },
      }) as unknown as RunnerTestFile;
    expect(markUnloadableFile(file('pass'))).toBe(false);
    const failedTest = {
      type: 'test',
      name: 't',
      result: { state: 'fail' },
    } as unknown as RunnerTask;
    expect(markUnloadableFile(file('fail', [failedTest]))).toBe(false);
    const broken = file('fail');
    expect(markUnloadableFile(broken)).toBe(true);
    expect(markUnloadableFile(broken)).toBe(false);
    expect(tests(broken)).toEqual([
      { name: LOAD_FAILURE_TEST, state: 'fail', message: expect.stringMatching(/before any test/) },
    ]);
  });
});
