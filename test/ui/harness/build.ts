/**
 * Builds what the UI tests load: the renderer (vite, same config as the app), the real
 * preload with 'electron' -> the browser shim, and the Node backend with 'electron' -> the
 * recording fake. The backend is always the real core: a harness that quietly swapped in a
 * stand-in would let a broken core pass the UI tests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { ROOT, runPaths } from './paths';

const here = (p: string) => join(ROOT, 'test/ui/harness', p);

/** Bundles the real main/preload.ts for the browser. */
export async function buildPreload(): Promise<void> {
  await esbuild({
    entryPoints: [join(ROOT, 'main/preload.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    alias: { electron: here('electron-shim.ts') },
    outfile: runPaths().preload,
    logLevel: 'silent',
  });
}

async function bundleBackend(entry: string): Promise<void> {
  await esbuild({
    entryPoints: [here(entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    alias: { electron: join(ROOT, 'test/fakes/electron.ts') },
    outfile: runPaths().backend,
    logLevel: 'silent',
  });
}

/** Bundles the Node side: real IPC handlers and the real createCore. */
export async function buildBackend(): Promise<void> {
  await bundleBackend('entry-real.ts');
}

/** Everything, in order; the renderer build is the slow part (~5 s). */
export async function buildAll(): Promise<void> {
  const paths = runPaths();
  mkdirSync(paths.harness, { recursive: true });
  await viteBuild({ configFile: join(ROOT, 'test/ui/vite.config.ts'), logLevel: 'warn', build: { outDir: paths.app, emptyOutDir: true } });
  await buildPreload();
  await buildBackend();
}
