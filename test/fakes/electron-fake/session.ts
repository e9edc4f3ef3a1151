/**
 * Fake sessions. As in Electron, there is one `session.defaultSession` for the whole app:
 * every BrowserWindow without a `partition`/`session` web preference uses it, so a
 * permission handler set through one window's `webContents.session` applies to every
 * window (docs/api/session.md: "session.defaultSession: the default session object of the
 * app"; webPreferences.partition: "If partition is not set then default session of the app
 * will be used"). `fromPartition` returns the same instance for the same name.
 */
import { EventEmitter } from 'node:events';
import { record } from './record';

type PermissionHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  wc: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  constructor(readonly partition = '') {
    super();
  }
  setPermissionRequestHandler(handler: PermissionHandler | null): void {
    record('session', 'setPermissionRequestHandler', [handler]);
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    record('session', 'setPermissionCheckHandler', [handler]);
    this.permissionCheckHandler = handler;
  }
}

const partitions = new Map<string, FakeSession>();

export const session = {
  defaultSession: new FakeSession(),
  fromPartition(partition: string): FakeSession {
    record('session', 'fromPartition', [partition]);
    if (partition === '') return session.defaultSession;
    let s = partitions.get(partition);
    if (!s) {
      s = new FakeSession(partition);
      partitions.set(partition, s);
    }
    return s;
  },
};

/** The session a window's webContents gets for these web preferences, as Electron picks it. */
export function sessionFor(
  prefs: { session?: unknown; partition?: string } | undefined,
): FakeSession {
  if (prefs?.session instanceof FakeSession) return prefs.session;
  if (prefs?.partition) return session.fromPartition(prefs.partition);
  return session.defaultSession;
}

export function resetSessions(): void {
  partitions.clear();
  session.defaultSession = new FakeSession();
}
