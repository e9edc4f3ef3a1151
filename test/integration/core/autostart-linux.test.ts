import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartExecPath,
  createLinuxAutostart,
  desktopStringValue,
  quoteExecArg,
  renderAutostartEntry,
} from '../../../main/core/autostart-linux';

/** Undoes desktop-file string escapes, then splits an Exec line by the spec's quoting rules. */
function parseExec(value: string): string[] {
  const unescaped = value.replace(/\\([\\nts r])/g, (_m, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 's' ? ' ' : c,
  );
  const out: string[] = [];
  let i = 0;
  while (i < unescaped.length) {
    if (unescaped[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    if (unescaped[i] === '"') {
      i++;
      while (unescaped[i] !== '"') {
        if (i >= unescaped.length) throw new Error('unterminated quote');
        if (unescaped[i] === '\\') i++;
        arg += unescaped[i++];
      }
      i++;
    } else {
      while (i < unescaped.length && unescaped[i] !== ' ') arg += unescaped[i++];
    }
    out.push(arg.replaceAll('%%', '%'));
  }
  return out;
}

const execLine = (text: string) => /^Exec=(.*)$/m.exec(text)?.[1] ?? '';
const hasGio = spawnSync('gio', ['--version']).status === 0;
/** Directory modes only stop writes for a non-root user on a POSIX system. */
const modesApply = process.platform !== 'win32' && process.getuid?.() !== 0;

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'creditray-xdg-'));
});
afterEach(async () => {
  await chmod(home, 0o755).catch(() => undefined);
  await rm(home, { recursive: true, force: true });
});

describe('Linux launch at login (XDG autostart entry)', () => {
  it('writes a valid autostart entry under $XDG_CONFIG_HOME/autostart and reports it enabled', async () => {
    const auto = createLinuxAutostart({ configHome: home, execPath: '/opt/Creditray/creditray' });
    expect(await auto.isEnabled()).toBe(false);
    expect(await auto.enable()).toEqual({ ok: true, value: undefined });
    expect(auto.filePath).toBe(join(home, 'autostart', 'creditray.desktop'));
    const text = await readFile(auto.filePath, 'utf8');
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    for (const line of [
      'Type=Application',
      'Name=Creditray',
      'Exec=/opt/Creditray/creditray',
      'Hidden=false',
      'NoDisplay=true',
      'X-GNOME-Autostart-enabled=true',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(await auto.isEnabled()).toBe(true);
  });

  it('uses $XDG_CONFIG_HOME when no config home is given', async () => {
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = home;
    try {
      const auto = createLinuxAutostart({ execPath: '/usr/bin/creditray' });
      expect(auto.filePath).toBe(join(home, 'autostart', 'creditray.desktop'));
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });

  it('is idempotent: enabling twice leaves one identical entry and no temp files', async () => {
    const auto = createLinuxAutostart({
      configHome: home,
      execPath: '/usr/bin/creditray',
      args: ['--hidden'],
    });
    await auto.enable();
    const first = await readFile(auto.filePath, 'utf8');
    expect((await auto.enable()).ok).toBe(true);
    expect(await readFile(auto.filePath, 'utf8')).toBe(first);
    expect(await readdir(join(home, 'autostart'))).toEqual(['creditray.desktop']);
  });

  it('removes the entry on disable, and disabling a missing entry is fine', async () => {
    const auto = createLinuxAutostart({ configHome: home, execPath: '/usr/bin/creditray' });
    await auto.enable();
    expect(await auto.disable()).toEqual({ ok: true, value: undefined });
    expect(await auto.isEnabled()).toBe(false);
    expect(await readdir(join(home, 'autostart'))).toEqual([]);
    expect((await auto.disable()).ok).toBe(true);
  });

  it('rewrites the entry when the AppImage moved, but never turns autostart on by itself', async () => {
    const auto = createLinuxAutostart({
      configHome: home,
      execPath: '/home/u/Apps/Creditray.AppImage',
    });
    expect((await auto.update('/home/u/Downloads/Creditray.AppImage')).ok).toBe(true);
    expect(await auto.isEnabled()).toBe(false);
    await auto.enable();
    expect(execLine(await readFile(auto.filePath, 'utf8'))).toBe(
      '/home/u/Downloads/Creditray.AppImage',
    );
    expect((await auto.update('/home/u/My Apps/Creditray.AppImage')).ok).toBe(true);
    expect(execLine(await readFile(auto.filePath, 'utf8'))).toBe(
      '"/home/u/My Apps/Creditray.AppImage"',
    );
  });

  it('treats an entry the desktop switched off (Hidden=true or X-GNOME-Autostart-enabled=false) as disabled', async () => {
    const auto = createLinuxAutostart({ configHome: home, execPath: '/usr/bin/creditray' });
    await auto.enable();
    const text = await readFile(auto.filePath, 'utf8');
    await writeFile(auto.filePath, text.replace('Hidden=false', 'Hidden=true'));
    expect(await auto.isEnabled()).toBe(false);
    await writeFile(
      auto.filePath,
      text.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'),
    );
    expect(await auto.isEnabled()).toBe(false);
    expect((await auto.enable()).ok).toBe(true); // switching it on again restores our entry
    expect(await auto.isEnabled()).toBe(true);
  });

  it('returns an error value, not a throw, when the config directory cannot hold the entry', async () => {
    const notADir = join(home, 'file');
    await writeFile(notADir, 'x');
    const auto = createLinuxAutostart({ configHome: notADir, execPath: '/usr/bin/creditray' });
    const r = await auto.enable();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('autostart-write-failed');
      expect(r.error.message).toContain(auto.filePath);
    }
    expect(await auto.isEnabled()).toBe(false);
  });

  it('reports a failed removal as a value, in the user’s language', async () => {
    const auto = createLinuxAutostart({
      configHome: home,
      execPath: '/usr/bin/creditray',
      lang: 'zh-CN',
    });
    await mkdir(join(auto.filePath, 'blocker'), { recursive: true }); // a directory where the file should be
    const r = await auto.disable();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('autostart-remove-failed');
      expect(r.error.message).toContain('登录时启动');
    }
  });

  it.skipIf(!modesApply)(
    'fails as a value in a read-only autostart directory (skipped as root and on Windows: modes do not apply)',
    async () => {
      await mkdir(join(home, 'autostart'));
      await chmod(join(home, 'autostart'), 0o555);
      const r = await createLinuxAutostart({
        configHome: home,
        execPath: '/usr/bin/creditray',
      }).enable();
      expect(r.ok ? 'ok' : r.error.code).toBe('autostart-write-failed');
      expect(await readdir(join(home, 'autostart'))).toEqual([]);
    },
  );
});

describe('Exec quoting (Desktop Entry spec)', () => {
  it('quotes paths with spaces and escapes the characters the spec names', () => {
    expect(quoteExecArg('/usr/bin/creditray')).toBe('/usr/bin/creditray');
    expect(quoteExecArg('/home/a b/Creditray.AppImage')).toBe('"/home/a b/Creditray.AppImage"');
    expect(quoteExecArg('/x/$HOME`q`"y"')).toBe('"/x/\\$HOME\\`q\\`\\"y\\""');
    expect(quoteExecArg('50%')).toBe('50%%');
    expect(quoteExecArg('')).toBe('""');
    // A literal backslash takes four characters in the file: quoting doubles it, then the string escape does.
    expect(desktopStringValue(quoteExecArg('C:\\x'))).toBe('"C:\\\\\\\\x"');
    expect(execLine(renderAutostartEntry('/a b/app', ['--x', 'y z']))).toBe('"/a b/app" --x "y z"');
  });

  it('round-trips any path and arguments through the spec’s unquoting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        (argv) => {
          const line = execLine(renderAutostartEntry(argv[0] ?? '', argv.slice(1)));
          expect(line).not.toContain('\n');
          expect(parseExec(line)).toEqual(argv);
        },
      ),
    );
  });

  it.skipIf(!hasGio)(
    'starts the right program with the right arguments through GLib (gio launch)',
    async () => {
      const dir = join(home, 'dir with $pace & "quotes"');
      await mkdir(dir);
      // No '%' in the program's own name: GLib looks the program up before undoing '%%' and would not find it.
      const program = join(dir, "it's app");
      const outFile = join(home, 'argv.txt');
      await writeFile(
        program,
        `#!/bin/sh\nfor a in "$@"; do printf '<%s>\\n' "$a"; done > '${outFile}'\n`,
        { mode: 0o755 },
      );
      const auto = createLinuxAutostart({
        configHome: home,
        execPath: program,
        args: ['--tray', 'a\\b c', '50%'],
      });
      await auto.enable();
      const run = spawnSync('gio', ['launch', auto.filePath], {
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(run.status, run.stderr).toBe(0);
      await expect
        .poll(() => readFile(outFile, 'utf8').catch(() => ''), { timeout: 5000 })
        .toBe('<--tray>\n<a\\b c>\n<50%>\n');
    },
  );
});

describe('autostartExecPath', () => {
  it('prefers the AppImage file ($APPIMAGE) over the executable inside its temporary mount', () => {
    expect(
      autostartExecPath({ APPIMAGE: '/home/u/Creditray.AppImage' }, '/tmp/.mount_Cr1/creditray'),
    ).toBe('/home/u/Creditray.AppImage');
    expect(autostartExecPath({}, '/opt/Creditray/creditray')).toBe('/opt/Creditray/creditray');
    expect(autostartExecPath({ APPIMAGE: ' ' }, '/opt/Creditray/creditray')).toBe(
      '/opt/Creditray/creditray',
    );
  });
});
