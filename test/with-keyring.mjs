#!/usr/bin/env node
// Runs a command inside a private D-Bus session with an unlocked, throwaway gnome-keyring,
// so keychain tests use the real Secret Service without touching the user's own keyring.
// Where dbus-run-session or gnome-keyring-daemon is missing (macOS, Windows), the command
// runs as is and the keychain tests say they skipped and why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: with-keyring.mjs COMMAND [ARGS...]');
  process.exit(64);
}
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const cmd = ['npx', '--no-install', ...args];

if (process.platform !== 'linux' || !has('dbus-run-session') || !has('gnome-keyring-daemon')) {
  console.log('[with-keyring] no dbus-run-session/gnome-keyring-daemon here: keychain tests will skip.');
  // npx is a .cmd on Windows, which Node 20.12+ only runs through a shell.
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}

const dataHome = mkdtempSync(join(tmpdir(), 'creditray-keyring-'));
const inner = [
  'eval "$(printf %s creditray-test-password | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"',
  'export CREDITRAY_TEST_KEYRING=1',
  'exec "$@"',
].join('\n');
const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', ...cmd], {
  stdio: 'inherit',
  env: { ...process.env, XDG_DATA_HOME: dataHome },
});
rmSync(dataHome, { recursive: true, force: true });
process.exit(r.status ?? 1);
