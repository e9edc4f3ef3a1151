/**
 * Runs the real `creditray` CLI as a child process, as a user or script would. The CLI is
 * bundled once per test process with esbuild (our code only; packages stay external) so
 * each spawn costs a plain `node` start instead of a TypeScript compile.
 */
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let bundle: string | undefined;

/** Builds main/cli/index.ts into node_modules/.cache so bare imports resolve from the project. */
function cliBundle(): string {
  if (bundle) return bundle;
  const out = `${ROOT}node_modules/.cache/creditray-test/cli-${process.pid}.mjs`;
  buildSync({
    entryPoints: [`${ROOT}main/cli/index.ts`],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return (bundle = out);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `creditray ...args` with an isolated data dir and optional stdin; `killAfterMs` ends a hung child (code null). */
export function runCli(
  args: string[],
  opts: {
    env?: Record<string, string>;
    stdin?: string;
    dataDir?: string;
    killAfterMs?: number;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle(), ...args], {
      env: {
        ...process.env,
        ...(opts.dataDir ? { CREDITRAY_DATA_DIR: opts.dataDir } : {}),
        LANG: 'en_US.UTF-8',
        LC_ALL: '',
        VITEST: '',
        ...opts.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const killer =
      opts.killAfterMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}
