import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  appFake,
  callsTo,
  fake,
  netFake,
  powerMonitor,
  resetElectronFake,
} from '../../fakes/electron';
import {
  coreCallNames,
  createFakeCore,
  fakeState,
  recordingLogger,
  type FakeCore,
} from '../../fakes/fake-core';
import {
  claimSingleInstance,
  createLoginItemSync,
  parseFlags,
  setupLifecycle,
  STOP_CAP_MS,
} from '../../../main/shell/app-lifecycle';
import { createWindowController } from '../../../main/shell/window';
import { err, ok } from '../../../shared/result';

let core: FakeCore;
let dispose: (() => void) | undefined;
beforeEach(() => {
  resetElectronFake();
  core = createFakeCore();
});
afterEach(() => {
  dispose?.();
  dispose = undefined;
  vi.useRealTimers();
});
const setup = (platform: NodeJS.Platform = 'linux') =>
  (dispose = setupLifecycle({ core, logger: recordingLogger(), platform, onlinePollMs: 1000 }));

describe('app lifecycle', () => {
  it('reads --demo from the command line', () => {
    expect(parseFlags(['/usr/bin/creditray', '--demo'])).toEqual({ demo: true, selfTest: false });
    expect(parseFlags(['/usr/bin/creditray'])).toEqual({ demo: false, selfTest: false });
    expect(parseFlags(['/usr/bin/creditray', '--self-test'])).toEqual({
      demo: false,
      selfTest: true,
    });
  });

  it('focuses the window when a second instance is launched', () => {
    let focused = 0;
    expect(claimSingleInstance(() => void focused++)).toBe(true);
    app.emit('second-instance', {}, ['creditray'], '/home/u', {});
    expect(focused).toBe(1);
  });

  it('a second launch opens the window, or raises the one already open', async () => {
    const windows = createWindowController({
      preloadPath: '/p.cjs',
      renderer: { root: '/r' },
      logger: recordingLogger(),
    });
    claimSingleInstance(() => windows.showView());
    app.emit('second-instance', {}, ['creditray'], '/home/u', {});
    expect(fake.windows).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    fake.windows[0]!.focused = false;
    app.emit('second-instance', {}, ['creditray'], '/home/u', {});
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.focused).toBe(true);
  });

  it('opens the window when macOS reopens the running app (activate), as a second launch does elsewhere', () => {
    let opened = 0;
    claimSingleInstance(() => void opened++);
    app.emit('activate', {}, false);
    expect(opened).toBe(1);
  });

  it('asks the OS to wait at shutdown (Linux, macOS) and quits through the flushing path', async () => {
    let stopped = 0;
    core.stop = async () => void stopped++;
    setup();
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    powerMonitor.emit('shutdown', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quitting).toBe(true));
    expect(stopped).toBe(1);
  });

  it('quits at once when another instance holds the lock', () => {
    appFake.singleInstanceLock = false;
    expect(claimSingleInstance(() => {})).toBe(false);
    expect(callsTo('app', 'quit')).toHaveLength(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('polls once when the machine resumes from sleep', () => {
    setup();
    powerMonitor.emit('resume');
    expect(coreCallNames(core)).toEqual(['onResume']);
  });

  it('polls once when the network comes back, not while it stays up', () => {
    vi.useFakeTimers();
    netFake.online = false;
    setup();
    vi.advanceTimersByTime(3000);
    expect(coreCallNames(core)).toEqual([]);
    netFake.online = true;
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(5000);
    expect(coreCallNames(core)).toEqual(['onOnline']);
  });

  it('keeps running when the last window closes (tray app)', () => {
    setup();
    expect(app.listenerCount('window-all-closed')).toBe(1);
  });

  it('hides the dock on macOS and sets the AppUserModelId on Windows', () => {
    setup('darwin');
    expect(app.dock.isVisible()).toBe(false);
    expect(callsTo('app', 'setAppUserModelId')).toEqual([]);
    dispose?.();
    resetElectronFake();
    setup('win32');
    expect(callsTo('app', 'setAppUserModelId')[0]?.args).toEqual(['com.creditray.app']);
    expect(callsTo('dock')).toEqual([]);
  });

  it('stops the core before quitting', async () => {
    setup();
    app.quit();
    expect(app.quitting).toBe(false); // held back while the core stops
    await vi.waitFor(() => expect(app.quitting).toBe(true));
    expect(coreCallNames(core)).toEqual(['stop']);
  });

  it('holds a second quit while the core is still stopping, and stops it only once', async () => {
    vi.useFakeTimers();
    let finish = () => {};
    let stops = 0;
    core.stop = () => {
      stops++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    setup();
    app.quit();
    app.quit();
    expect(app.quitting).toBe(false);
    expect(stops).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(app.quitting).toBe(true);
  });

  it('quits anyway when the core takes longer than the cap to stop', async () => {
    vi.useFakeTimers();
    core.stop = () => new Promise<void>(() => {}); // never settles
    setup();
    app.quit();
    await vi.advanceTimersByTimeAsync(STOP_CAP_MS - 1);
    expect(app.quitting).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quitting).toBe(true);
  });

  it('applies launch-at-login on macOS and Windows only when it changes', () => {
    const sync = createLoginItemSync({
      platform: 'darwin',
      logger: recordingLogger(),
      packaged: true,
      unsandboxed: false,
    });
    const s = fakeState().settings;
    sync(s);
    sync(s);
    sync({ ...s, launchAtLogin: true });
    expect(callsTo('app', 'setLoginItemSettings').map((c) => c.args[0])).toEqual([
      { openAtLogin: false },
      { openAtLogin: true },
    ]);
  });

  it('uses the XDG autostart entry on Linux and logs when it cannot be written', async () => {
    const log = recordingLogger();
    const ops: string[] = [];
    const linux = {
      enable: async () => (
        ops.push('enable'),
        err({ code: 'autostart-write-failed', message: 'read-only' })
      ),
      disable: async () => (ops.push('disable'), ok(undefined)),
    };
    const sync = createLoginItemSync({
      platform: 'linux',
      logger: log,
      linux,
      packaged: true,
      unsandboxed: false,
    });
    const s = fakeState().settings;
    sync(s);
    sync({ ...s, launchAtLogin: true });
    sync({ ...s, launchAtLogin: true });
    await vi.waitFor(() => expect(log.lines).toHaveLength(1));
    expect(ops).toEqual(['disable', 'enable']);
    expect(log.lines[0]).toMatchObject({
      level: 'warn',
      fields: { code: 'autostart-write-failed' },
    });
    expect(callsTo('app', 'setLoginItemSettings')).toEqual([]);
  });

  it('never registers the bare Electron binary from npm start, and says why', () => {
    const log = recordingLogger();
    const ops: string[] = [];
    const linux = {
      enable: async () => (ops.push('enable'), ok(undefined)),
      disable: async () => (ops.push('disable'), ok(undefined)),
    };
    const s = { ...fakeState().settings, launchAtLogin: true };
    createLoginItemSync({ platform: 'darwin', logger: log, packaged: false, unsandboxed: false })(
      s,
    );
    createLoginItemSync({
      platform: 'linux',
      logger: log,
      linux,
      packaged: false,
      unsandboxed: false,
    })(s);
    expect(callsTo('app', 'setLoginItemSettings')).toEqual([]);
    expect(ops).toEqual([]);
    expect(log.lines.map((l) => l.message)).toEqual([
      expect.stringMatching(/installed app/),
      expect.stringMatching(/installed app/),
    ]);
    // Turning it off is always allowed (it removes an entry an older version may have left).
    createLoginItemSync({
      platform: 'linux',
      logger: log,
      linux,
      packaged: false,
      unsandboxed: false,
    })({ ...s, launchAtLogin: false });
    expect(ops).toEqual(['disable']);
  });

  it('does not write an autostart entry that would start without the sandbox or crash at login', () => {
    const log = recordingLogger();
    const ops: string[] = [];
    const linux = {
      enable: async () => (ops.push('enable'), ok(undefined)),
      disable: async () => (ops.push('disable'), ok(undefined)),
    };
    const sync = createLoginItemSync({
      platform: 'linux',
      logger: log,
      linux,
      packaged: true,
      unsandboxed: true,
    });
    sync({ ...fakeState().settings, launchAtLogin: true });
    expect(ops).toEqual([]);
    expect(log.lines[0]?.message).toMatch(/without its sandbox.*\.deb/);
  });
});
