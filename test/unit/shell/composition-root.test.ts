import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  app,
  calls,
  callsTo,
  fake,
  fetchFromProtocol,
  ipcHandledChannels,
  invokeIpc,
  protocol,
  protocolFake,
} from '../../fakes/electron';
import { schemas, wire } from '../../../shared/ipc';

// electron-store is loaded by Node outside vitest's alias and would reach the real 'electron'
// (which throws here); it is a subclass of conf, so conf stands in for it.
vi.mock('electron-store', async () => ({ default: (await import('conf')).default }));

// The real composition (core, electron-store over the fake app, tray, IPC) in a throwaway
// data dir; only the Electron module is fake. The keychain is never touched: no accounts.
const dir = mkdtempSync(join(tmpdir(), 'creditray-root-'));
const saved = {
  CREDITRAY_DATA_DIR: process.env.CREDITRAY_DATA_DIR,
  XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME,
};

beforeAll(async () => {
  process.env.CREDITRAY_DATA_DIR = dir;
  process.env.XDG_CONFIG_HOME = dir; // the Linux autostart entry must not touch the real home
  // A settings file torn by a crash: electron-store would throw on it at start-up.
  writeFileSync(join(dir, 'config.json'), '{"version": 1, "settings": {');
  await import('../../../main/index');
  await vi.waitFor(() => expect(fake.trays).toHaveLength(1));
});
afterAll(async () => {
  app.quit();
  await vi.waitFor(() => expect(app.quitting).toBe(true));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('composition root (main/index.ts)', () => {
  it('starts a single instance with a tray, every IPC channel, and onboarding on a first run', async () => {
    expect(callsTo('app', 'requestSingleInstanceLock')).toHaveLength(1);
    expect(
      ipcHandledChannels()
        .filter((c) => c.startsWith('creditray:'))
        .sort(),
    ).toEqual(
      Object.keys(schemas)
        .map((c) => wire(c as keyof typeof schemas))
        .sort(),
    );
    expect(fake.trays[0]!.toolTip).not.toBe('');
    expect(fake.windows).toHaveLength(1);
    await vi.waitFor(() =>
      expect(fake.windows[0]!.webContents.sent).toContainEqual({
        channel: 'creditray:navigate',
        args: [{ view: 'onboarding' }],
      }),
    );
  });

  it('registers the app scheme before ready, serves the renderer on it, and loads the window from there', async () => {
    const order = calls
      .filter(
        (c) =>
          c.method === 'registerSchemesAsPrivileged' ||
          c.method === 'whenReady' ||
          (c.target === 'protocol' && c.method === 'handle'),
      )
      .map((c) => c.method);
    expect(order).toEqual(['registerSchemesAsPrivileged', 'whenReady', 'handle']);
    expect(protocolFake.privileged).toEqual([
      { scheme: 'creditray', privileges: { standard: true, secure: true, codeCache: true } },
    ]);
    expect(protocol.isProtocolHandled('creditray')).toBe(true);
    expect(fake.windows[0]!.webContents.getURL()).toBe('creditray://app/index.html');
    expect(callsTo('window', 'loadFile')).toEqual([]);
    // The handler refuses what is not ours before any file is read.
    expect((await fetchFromProtocol('creditray://app/..%5c..%5cpackage.json')).status).toBe(403);
  });

  it('answers only its own renderer origin', async () => {
    const page = fake.windows[0]!.webContents.getURL();
    expect(page).toBe('creditray://app/index.html');
    expect(await invokeIpc(wire('state:get'), undefined, page)).toMatchObject({
      ok: true,
      value: { accounts: [] },
    });
    expect(await invokeIpc(wire('state:get'), undefined, 'https://evil.example/')).toMatchObject({
      ok: false,
    });
  });

  it('starts despite a corrupt settings file, keeps a backup and tells the user', async () => {
    const page = fake.windows[0]!.webContents.getURL();
    const r = (await invokeIpc(wire('state:get'), undefined, page)) as {
      ok: true;
      value: { notices: { code: string }[] };
    };
    expect(r.value.notices.map((n) => n.code)).toContain('settings-corrupt');
    expect(readdirSync(dir).some((f) => /^config\.corrupt-.*\.json$/.test(f))).toBe(true);
  });

  it("keeps Electron's profile inside the data dir and compiles no test hook into a normal build", () => {
    expect(callsTo('app', 'setPath').map((c) => c.args)).toContainEqual([
      'userData',
      join(dir, 'electron'),
    ]);
    expect((globalThis as { __creditrayTest?: unknown }).__creditrayTest).toBeUndefined();
  });
});
