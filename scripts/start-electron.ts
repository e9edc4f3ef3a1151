/**
 * `npm start [-- --demo]`: makes sure Electron can run (scripts/electron-runtime.ts), then
 * builds and starts the app with `electron-vite preview`, passing the arguments through.
 * Every failure ends in a plain message and exit code 1, never a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  downloadFailureMessage,
  electronBinary,
  linuxSandboxProblem,
  nodeVersionProblem,
} from './electron-runtime';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

const nodeProblem = nodeVersionProblem(process.version);
if (nodeProblem?.fatal) fail(nodeProblem.message);
if (nodeProblem) process.stderr.write(`${nodeProblem.message}\n`);

let electronDir: string;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  fail('The electron package is not installed here: run npm install first.');
}
const { version } = JSON.parse(fs.readFileSync(join(electronDir, 'package.json'), 'utf8')) as {
  version: string;
};

let binary = electronBinary(electronDir, process.env, fs);
if (!binary) {
  process.stdout.write(
    `Electron ${version} is not downloaded yet: fetching it with Electron's own installer...\n`,
  );
  // Electron's installer honours ELECTRON_MIRROR, electron_config_cache and the proxy variables.
  const installer = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    env: process.env,
  });
  binary = electronBinary(electronDir, process.env, fs);
  if (installer.status !== 0 || !binary)
    fail(
      downloadFailureMessage(
        version,
        `${installer.stderr ?? ''}\n${installer.stdout ?? ''}`,
        process.env,
      ),
    );
}

const sandbox = linuxSandboxProblem(binary, fs, process.platform);
if (sandbox) fail(sandbox);

// electron-vite finds Electron through path.txt unless ELECTRON_EXEC_PATH names it: name the
// one checked above, so the check and the start cannot disagree.
const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [cli, 'preview', '--', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
