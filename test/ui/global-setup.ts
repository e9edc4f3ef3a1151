/** Playwright global setup: build the renderer, preload and backend once per run. */
import { buildAll } from './harness/build';

export default async function globalSetup(): Promise<void> {
  await buildAll();
}
