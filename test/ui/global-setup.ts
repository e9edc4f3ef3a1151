/**
 * Playwright global setup: build the renderer, preload and backend once per run, into a
 * folder of this run's own (workers inherit CREDITRAY_UI_RUN); the returned teardown removes it.
 */
import { rmSync } from 'node:fs';
import { buildAll } from './harness/build';
import { runPaths } from './harness/paths';

export default async function globalSetup(): Promise<() => void> {
  process.env.CREDITRAY_UI_RUN ??= `ui-run-${process.pid}`;
  await buildAll();
  const { run } = runPaths();
  return () => rmSync(run, { recursive: true, force: true });
}
