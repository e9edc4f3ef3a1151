/**
 * Child processes for the concurrency tests, bundled once to plain JS with esbuild (a tsx
 * start per child would spend the time budget compiling) and run with `node`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const built = new Map<string, string>();

/** Bundles `entry` (relative to the repository root) into node_modules/.cache and returns its path. */
export function bundle(entry: string): string {
  const found = built.get(entry);
  if (found) return found;
  const dir = `${ROOT}node_modules/.cache/creditray-test`;
  mkdirSync(dir, { recursive: true });
  const out = `${dir}/${entry.replace(/[^A-Za-z0-9]+/g, '-')}-${process.pid}.mjs`;
  buildSync({
    entryPoints: [`${ROOT}${entry}`],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  built.set(entry, out);
  return out;
}

/** Starts `node <bundled entry> ...args`; stdout lines go to `onLine`. */
export function startChild(
  entry: string,
  args: string[],
  onLine: (line: string) => void,
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  const proc = spawn(process.execPath, [bundle(entry), ...args], {
    env: { ...process.env, VITEST: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let buf = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (d: string) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
    }
  });
  proc.stderr.on('data', (d) => process.stderr.write(d));
  return proc;
}

/** Resolves when the child has exited (any code or signal). */
export const exited = (proc: ChildProcessWithoutNullStreams): Promise<number | null> =>
  new Promise((resolve) =>
    proc.exitCode !== null ? resolve(proc.exitCode) : proc.on('close', (code) => resolve(code)),
  );
