/** Harness backend over the in-memory core (fallback while the real core is incomplete). */
import { startBackendWith, type Backend } from './backend';
import { createMemoryCore, emptyDisk } from './memory-core';

/** Starts the backend; the "disk" lives as long as this backend, across core restarts. */
export function startBackend(opts: { trustedOrigin: string; systemLocale?: string }): Promise<Backend> {
  const disk = emptyDisk();
  return startBackendWith('memory', async (ctx) => createMemoryCore({ disk, ...ctx }), opts);
}
