/**
 * Builds what the UI tests load: the renderer (vite, same config as the app), the real
 * preload with 'electron' -> the browser shim, and the Node backend with 'electron' -> the
 * recording fake. The backend prefers the real core and falls back to the memory core only
 * when the real one does not build (UI_HARNESS_CORE=memory|real forces one).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Returns which core the backend uses ('real' or 'memory') and why. */
export async function buildBackend(): Promise<{ kind: string; reason: string }> {
  const forced = process.env.UI_HARNESS_CORE;
  let info = { kind: 'real', reason: 'createCore builds' };
  if (forced === 'memory') {
    info = { kind: 'memory', reason: 'UI_HARNESS_CORE=memory' };
    await bundleBackend('entry-memory.ts');
  } else {
    try {
      await bundleBackend('entry-real.ts');
    } catch (e) {
      if (forced === 'real') throw e;
      info = { kind: 'memory', reason: `the real core does not build yet: ${String(e).split('\n')[0]}` };
      await bundleBackend('entry-memory.ts');
    }
  }
  writeFileSync(runPaths().backendInfo, JSON.stringify(info));
  return info;
}

/** Everything, in order; the renderer build is the slow part (~5 s). */
export async function buildAll(): Promise<void> {
  const paths = runPaths();
  mkdirSync(paths.harness, { recursive: true });
  await viteBuild({ configFile: join(ROOT, 'test/ui/vite.config.ts'), logLevel: 'warn', build: { outDir: paths.app, emptyOutDir: true } });
  await buildPreload();
  const info = await buildBackend();
  console.log(`[ui harness] core: ${info.kind} (${info.reason})`);
}
