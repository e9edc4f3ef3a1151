import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  downloadFailureMessage,
  electronBinary,
  linuxSandboxProblem,
  nodeVersionProblem,
  type FsLike,
} from '../../../scripts/electron-runtime';

/** An in-memory file system: path -> text, plus stat results. */
function memFs(
  files: Record<string, string>,
  stats: Record<string, { uid: number; mode: number }> = {},
): FsLike {
  return {
    existsSync: (p) => p in files || p in stats,
    readFileSync: (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
      return files[p] as string;
    },
    statSync: (p) => {
      const s = stats[p];
      if (!s) throw new Error(`ENOENT ${p}`);
      return s;
    },
  };
}

const E = '/p/node_modules/electron';

describe('electron runtime checks', () => {
  it('finds the binary as the electron package does, or says it is missing', () => {
    expect(electronBinary(E, {}, memFs({}))).toBeNull();
    expect(electronBinary(E, {}, memFs({ [join(E, 'path.txt')]: 'electron' }))).toBeNull(); // path.txt but no dist
    expect(
      electronBinary(
        E,
        {},
        memFs({ [join(E, 'path.txt')]: 'electron', [join(E, 'dist/electron')]: '' }),
      ),
    ).toBe(join(E, 'dist/electron'));
    expect(
      electronBinary(
        E,
        { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' },
        memFs({ '/opt/e/electron': '' }),
      ),
    ).toBe('/opt/e/electron');
    expect(electronBinary(E, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' }, memFs({}))).toBeNull();
  });

  it('stops below Node 20.19, warns below 22.12, is quiet from 22.12 on', () => {
    expect(nodeVersionProblem('v18.20.0')).toMatchObject({ fatal: true });
    expect(nodeVersionProblem('v20.18.9')).toMatchObject({ fatal: true });
    expect(nodeVersionProblem('v20.19.0')).toMatchObject({
      fatal: false,
      message: expect.stringMatching(/22\.12/),
    });
    expect(nodeVersionProblem('v22.11.0')).toMatchObject({ fatal: false });
    expect(nodeVersionProblem('v22.12.0')).toBeNull();
    expect(nodeVersionProblem('v24.1.0')).toBeNull();
  });

  it('names the installer error (not its stack) and every way out', () => {
    const msg = downloadFailureMessage(
      '45.5.0',
      'Downloading Electron binary...\nTypeError: fetch failed\n    at async x (file:///a.js:1:2)',
      { ELECTRON_MIRROR: 'http://m/' },
    );
    expect(msg).toMatch(/Cause: TypeError: fetch failed \(mirror: http:\/\/m\/\)/);
    expect(msg).not.toMatch(/at async/);
    for (const way of [
      'ELECTRON_MIRROR=',
      'ELECTRON_GET_USE_PROXY=1',
      'electron_config_cache',
      'npx install-electron',
      'npm test',
    ])
      expect(msg).toContain(way);
  });

  const bin = '/p/node_modules/electron/dist/electron';
  const helper = '/p/node_modules/electron/dist/chrome-sandbox';
  const restricted = { '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1\n' };

  it('lets Electron start where user namespaces are free, or the setuid helper is set up', () => {
    expect(linuxSandboxProblem(bin, memFs({}), 'linux')).toBeNull();
    expect(
      linuxSandboxProblem(
        bin,
        memFs({ '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '0' }),
        'linux',
      ),
    ).toBeNull();
    expect(
      linuxSandboxProblem(
        bin,
        memFs(restricted, { [helper]: { uid: 0, mode: 0o104755 } }),
        'linux',
      ),
    ).toBeNull();
    expect(linuxSandboxProblem(bin, memFs(restricted), 'darwin')).toBeNull();
  });

  it('explains the Ubuntu 24.04 restriction with the exact commands, and never suggests --no-sandbox as the fix', () => {
    const notSetUid = linuxSandboxProblem(
      bin,
      memFs(restricted, { [helper]: { uid: 1000, mode: 0o100755 } }),
      'linux',
    );
    expect(notSetUid).toMatch(/apparmor_restrict_unprivileged_userns = 1/);
    expect(notSetUid).toContain(`sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`);
    expect(notSetUid).not.toMatch(/--no-sandbox/);
    expect(
      linuxSandboxProblem(
        bin,
        memFs({ '/proc/sys/kernel/unprivileged_userns_clone': '0' }),
        'linux',
      ),
    ).toMatch(/unprivileged_userns_clone = 0/);
  });
});
