/**
 * The core's `Notifier` port as native notifications. Electron drops a notification's
 * click handler once the JS object is garbage-collected, so each one is kept referenced
 * until it is closed or clicked.
 */
import { Notification } from 'electron';
import type { View } from '../../shared/ipc';
import type { NotifyKind } from '../../shared/model';
import type { Logger, NotificationRequest, Notifier } from '../core/ports';

export interface ElectronNotifierDeps {
  windows: { showView(view?: View, accountId?: string): void };
  logger: Logger;
}

/** Kinds whose click should explain what is wrong rather than show the gauge. */
const DIAGNOSIS_KINDS: ReadonlySet<NotifyKind> = new Set(['depleted', 'unavailable', 'auth']);

/** Where a click on a notification of this kind takes the user. */
export const viewForNotification = (kind: NotifyKind): View =>
  DIAGNOSIS_KINDS.has(kind) ? 'diagnosis' : 'dashboard';

/** Builds the notifier; `live()` reports how many notifications are still referenced. */
export function createElectronNotifier(deps: ElectronNotifierDeps): Notifier & { live(): number } {
  const alive = new Set<Notification>();
  return {
    show(n: NotificationRequest) {
      if (!Notification.isSupported()) {
        deps.logger.warn('notifications are not supported here', { kind: n.kind });
        return;
      }
      const note = new Notification({ title: n.title, body: n.body });
      alive.add(note);
      const release = () => alive.delete(note);
      note.on('click', () => {
        release();
        deps.windows.showView(viewForNotification(n.kind), n.accountId);
      });
      note.on('close', release);
      note.on('failed', (_e, error) => {
        release();
        deps.logger.warn('notification failed', { kind: n.kind, error });
      });
      note.show();
    },
    live: () => alive.size,
  };
}
