import { beforeEach, describe, expect, it } from 'vitest';
import { fake, FakeNotification, resetElectronFake } from '../../fakes/electron';
import { recordingLogger } from '../../fakes/fake-core';
import { createElectronNotifier } from '../../../main/shell/notifier';
import type { View } from '../../../shared/ipc';
import { decideNotifications } from '../../../main/core/notification-policy';
import { fakeAccount } from '../../fakes/fake-core';

let shown: { view?: View; accountId?: string }[];
beforeEach(() => {
  resetElectronFake();
  shown = [];
});
const make = () =>
  createElectronNotifier({
    windows: { showView: (view, accountId) => void shown.push({ view, accountId }) },
    logger: recordingLogger(),
  });

describe('electron notifier', () => {
  it('shows a notification on a crossing and its click opens the window on that account', () => {
    const notifier = make();
    notifier.show({
      accountId: 'acc_7',
      kind: 'low',
      title: 'DeepSeek is low',
      body: '¥12.00 left',
    });
    expect(fake.notifications).toHaveLength(1);
    const n = fake.notifications[0]!;
    expect(n.options).toMatchObject({ title: 'DeepSeek is low', body: '¥12.00 left' });
    expect(n.shown).toBe(true);
    n.click();
    expect(shown).toEqual([{ view: 'dashboard', accountId: 'acc_7' }]);
  });

  it.each(['depleted', 'unavailable', 'auth'] as const)(
    'a click on a %s notification opens the diagnosis',
    (kind) => {
      make().show({ accountId: 'a1', kind, title: 't', body: 'b' });
      fake.notifications[0]!.click();
      expect(shown).toEqual([{ view: 'diagnosis', accountId: 'a1' }]);
    },
  );

  it('keeps each notification referenced until it is closed or clicked', () => {
    const notifier = make();
    notifier.show({ accountId: 'a1', kind: 'low', title: 't', body: 'b' });
    notifier.show({ accountId: 'a2', kind: 'critical', title: 't', body: 'b' });
    expect(notifier.live()).toBe(2);
    fake.notifications[0]!.close();
    expect(notifier.live()).toBe(1);
    fake.notifications[1]!.click();
    expect(notifier.live()).toBe(0);
  });

  it('shows nothing where notifications are unsupported', () => {
    FakeNotification.supported = false;
    make().show({ accountId: 'a1', kind: 'low', title: 't', body: 'b' });
    expect(fake.notifications).toEqual([]);
  });

  it('turns a crossing decided by the core’s policy into a notification that opens that account', () => {
    const notifier = make();
    const crossing = (previous: 'healthy' | 'critical', next: 'low' | 'depleted', total: string) =>
      decideNotifications({
        account: fakeAccount('acc_9', { label: 'Work' }),
        previous,
        next,
        error: null,
        lastSent: {},
        now: 1_700_000_000_000,
        cooldownMs: 0,
        isFirstResult: false,
        lang: 'en',
        headline: { currency: 'CNY', total },
      }).forEach((n) => notifier.show(n));
    crossing('healthy', 'low', '12.00');
    crossing('critical', 'depleted', '0.00');
    expect(fake.notifications).toHaveLength(2);
    expect(fake.notifications[0]!.options.title).toContain('Work');
    fake.notifications[0]!.click();
    fake.notifications[1]!.click();
    expect(shown).toEqual([
      { view: 'dashboard', accountId: 'acc_9' },
      { view: 'diagnosis', accountId: 'acc_9' },
    ]);
  });
});
