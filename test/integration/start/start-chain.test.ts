/**
 * `npm start` end to end, in a throwaway copy of the project: Electron's own installer
 * downloads a release from a local mirror (a zip holding a stand-in "electron" that records
 * how it was started), electron-vite builds the app, and the stand-in is started with the
 * built app and `--demo`. Without a binary and without a reachable mirror the same command
 * ends in the plain explanation, exit 1, no stack trace.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedZip } from '../../fakes/stored-zip';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const COPIED = [
  'package.json',
  'electron.vite.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
  'main',
  'renderer',
  'shared',
  'scripts',
  'build',
];
const unix = process.platform === 'linux' || process.platform === 'darwin';

/** A copy of the project whose node_modules links every package except electron (copied, so it can be installed into). */
function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'creditray-start-'));
  for (const f of COPIED) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'electron')
      cpSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), {
        recursive: true,
      });
    else symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  // A fresh install has no binary: make sure the copy has none either.
  rmSync(join(dir, 'node_modules/electron/path.txt'), { force: true });
  rmSync(join(dir, 'node_modules/electron/dist'), { recursive: true, force: true });
  return dir;
}

/** Serves one Electron "release" the way its download mirror lays it out; counts requests. */
async function startMirror(
  zipName: string,
  zip: Buffer,
): Promise<{ url: string; hits: string[]; server: Server }> {
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === `/v${VERSION}/${zipName}`)
      res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
    else if (req.url === `/v${VERSION}/SHASUMS256.txt`) res.writeHead(200).end(sums);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, hits, server };
}

function npmStart(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const clean = { ...process.env };
    for (const k of [
      'ELECTRON_OVERRIDE_DIST_PATH',
      'ELECTRON_EXEC_PATH',
      'ELECTRON_MIRROR',
      'npm_config_electron_mirror',
    ])
      delete clean[k];
    const child = spawn('npm', ['start', '--', ...args], {
      cwd,
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const dirs: string[] = [];
let project = '';
beforeAll(() => {
  if (!unix) return;
  project = makeProject();
  dirs.push(project);
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.runIf(unix)('npm start', () => {
  it('without a binary and with no reachable mirror, explains what to do (exit 1, no stack trace)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'creditray-ecache-'));
    dirs.push(cache);
    const r = await npmStart(project, ['--demo'], {
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: cache,
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /the Electron \d+\.\d+\.\d+ runtime is not installed, and downloading it failed/,
    );
    expect(r.out).toMatch(/ELECTRON_MIRROR=/);
    expect(r.out).toMatch(/npx creditray check --demo/);
    expect(r.out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(r.out).not.toMatch(/Electron uninstall/);
  }, 60_000);

  it('downloads Electron through the mirror with its own installer, builds, and starts the app with --demo', async () => {
    const record = join(project, 'standin-record.txt');
    const standIn = Buffer.from(
      '#!/bin/sh\n{ pwd; for a in "$@"; do printf "%s\\n" "$a"; done; } > "$STANDIN_RECORD"\n',
    );
    const exe = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const zipName = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`;
    const mirror = await startMirror(
      zipName,
      storedZip([
        { name: exe, data: standIn, mode: 0o755 },
        { name: 'version', data: Buffer.from(`v${VERSION}`), mode: 0o644 },
      ]),
    );
    const cache = mkdtempSync(join(tmpdir(), 'creditray-ecache-'));
    dirs.push(cache);
    try {
      const r = await npmStart(project, ['--demo'], {
        ELECTRON_MIRROR: mirror.url,
        electron_use_remote_checksums: '1', // our stand-in is not in the package's checksums.json
        electron_config_cache: cache,
        STANDIN_RECORD: record,
      });
      if (/restricts the user namespaces/.test(r.out)) {
        console.info(
          'npm start: this host restricts user namespaces; the sandbox message was shown instead of a start (expected there)',
        );
        return;
      }
      expect(r.out).toMatch(/fetching it with Electron's own installer/);
      expect(r.code, r.out).toBe(0);
      expect(mirror.hits).toContain(`/v${VERSION}/${zipName}`);
      const [cwd, ...args] = readFileSync(record, 'utf8').trim().split('\n');
      expect(cwd).toBe(project);
      expect(args).toEqual(['.', '--demo']);
      // What "." means to Electron: package.json main, built just now.
      for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
        expect(existsSync(join(project, f)), f).toBe(true);
      // A second start finds the binary and downloads nothing.
      const hits = mirror.hits.length;
      const again = await npmStart(project, [], {
        ELECTRON_MIRROR: mirror.url,
        electron_config_cache: cache,
        STANDIN_RECORD: record,
      });
      expect(again.code, again.out).toBe(0);
      expect(mirror.hits.length).toBe(hits);
      expect(readFileSync(record, 'utf8').trim().split('\n').slice(1)).toEqual(['.']);
    } finally {
      mirror.server.close();
    }
  }, 180_000);
});
