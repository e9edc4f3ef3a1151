/** Fakes of the process-wide modules: app (with dock), shell, net, powerMonitor, session. */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { fake, fakeEvent, record } from './record';
import { resetNet } from './net';
import { resetSessions } from './session';

export const shell = {
  async openExternal(url: string, options?: Electron.OpenExternalOptions): Promise<void> {
    record('shell', 'openExternal', [url, options]);
    fake.openedExternal.push(url);
  },
};

export { net, netFake } from './net';

export const powerMonitor = new EventEmitter();

// ---------- app ----------
/** Knobs a test turns before the code under test runs. */
export const appFake = {
  singleInstanceLock: true,
  locale: 'en-US',
  preferredLanguages: ['en-US'],
  isPackaged: false,
};
class FakeDock {
  visible = true;
  hide(): void {
    record('dock', 'hide', []);
    this.visible = false;
  }
  show(): Promise<void> {
    record('dock', 'show', []);
    this.visible = true;
    return Promise.resolve();
  }
  isVisible(): boolean {
    return this.visible;
  }
}
export class FakeApp extends EventEmitter {
  readonly dock = new FakeDock();
  /** Chromium switches the app was started with (e.g. `--no-sandbox`); tests set `switches`. */
  readonly commandLine = {
    switches: new Map<string, string>(),
    hasSwitch(the_switch: string): boolean {
      return this.switches.has(the_switch);
    },
    getSwitchValue(the_switch: string): string {
      return this.switches.get(the_switch) ?? '';
    },
    appendSwitch(the_switch: string, value?: string): void {
      record('commandLine', 'appendSwitch', [the_switch, value]);
      this.switches.set(the_switch, value ?? '');
    },
  };
  quitting = false;
  get isPackaged(): boolean {
    return appFake.isPackaged;
  }
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    record('app', 'requestSingleInstanceLock', [additionalData]);
    return appFake.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    record('app', 'whenReady', []);
    return Promise.resolve();
  }
  isReady(): boolean {
    return true;
  }
  /** Like Electron: emits before-quit (cancellable), then will-quit and quit. */
  quit(): void {
    record('app', 'quit', []);
    const e = fakeEvent();
    this.emit('before-quit', e);
    if (e.defaultPrevented) return;
    this.quitting = true;
    this.emit('will-quit', fakeEvent());
    this.emit('quit', fakeEvent(), 0);
  }
  exit(exitCode = 0): void {
    record('app', 'exit', [exitCode]);
    this.quitting = true;
  }
  setAppUserModelId(id: string): void {
    record('app', 'setAppUserModelId', [id]);
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    record('app', 'setLoginItemSettings', [settings]);
  }
  getLocale(): string {
    return appFake.locale;
  }
  getPreferredSystemLanguages(): string[] {
    return appFake.preferredLanguages;
  }
  getSystemLocale(): string {
    return appFake.locale;
  }
  private paths = new Map<string, string>();
  getPath(name: string): string {
    return this.paths.get(name) ?? `/tmp/electron-fake/${name}`;
  }
  setPath(name: string, path: string): void {
    record('app', 'setPath', [name, path]);
    this.paths.set(name, path);
  }
  getAppPath(): string {
    return '/tmp/electron-fake/app';
  }
  getVersion(): string {
    return '0.0.0-fake';
  }
}
export const app = new FakeApp();

export { session } from './session';

export function resetApp(): void {
  resetNet();
  Object.assign(appFake, {
    singleInstanceLock: true,
    locale: 'en-US',
    preferredLanguages: ['en-US'],
    isPackaged: false,
  });
  app.removeAllListeners();
  app.dock.visible = true;
  app.commandLine.switches.clear();
  app.quitting = false;
  powerMonitor.removeAllListeners();
  resetSessions();
}
