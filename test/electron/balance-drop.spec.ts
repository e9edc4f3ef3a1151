/**
 * A balance drop end to end: the core's level, the state pushed to the renderer, the native
 * notification, and the diagnosis it opens. Skips (with the reason) where no Electron binary exists.
 */
import type { Page } from '@playwright/test';
import type { CreditrayApi, PushPayloads } from '../../shared/ipc';
import { cnyRow, FAKE_DEEPSEEK_KEY, ZERO_USD_ROW } from '../fakes/deepseek-server';
import { expect, skipWithoutElectron, test } from './fixtures';

skipWithoutElectron();

/** Recording pushes in the page (page callbacks run in the browser: they can only use its globals). */
async function recordPushes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as {
      creditray: CreditrayApi;
      __pushes: Array<{ channel: string; payload: unknown }>;
    };
    w.__pushes = [];
    w.creditray.on('navigate', (payload) => w.__pushes.push({ channel: 'navigate', payload }));
    w.creditray.on('state:changed', (payload) =>
      w.__pushes.push({ channel: 'state:changed', payload }),
    );
  });
}
const pushes = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { __pushes: Array<{ channel: string; payload: unknown }> })
        .__pushes,
  );

test('a balance drop moves the account to critical and depleted, notifies, and the notification opens the diagnosis', async ({
  launched,
  fake,
}) => {
  const { app, window, invoke } = launched;
  // Record native notifications in main without a notification daemon being needed to see them.
  await app.evaluate(({ Notification }) => {
    const g = globalThis as unknown as {
      __notes: Array<{ title: string; note: Electron.Notification }>;
    };
    g.__notes = [];
    const show = Notification.prototype.show;
    Notification.prototype.show = function (this: Electron.Notification) {
      g.__notes.push({ title: this.title, note: this });
      return show.call(this);
    };
  });
  await recordPushes(window);
  const added = await invoke('accounts:add', {
    provider: 'deepseek',
    label: 'E2E',
    key: FAKE_DEEPSEEK_KEY,
    baseUrl: fake.url,
  });
  expect(added.ok, added.ok ? '' : added.error.message).toBe(true);
  if (!added.ok) return;
  const id = added.value.id;
  const level = async () => {
    const s = await invoke('state:get', undefined);
    return s.ok ? s.value.accounts.find((a) => a.account.id === id)?.level : undefined;
  };
  const noteCount = () =>
    app.evaluate(() => (globalThis as unknown as { __notes: unknown[] }).__notes.length);
  try {
    await expect.poll(level).toBe('healthy');

    fake.setBalance({ rows: [cnyRow('3.00'), ZERO_USD_ROW] });
    await invoke('accounts:refresh', { id });
    await expect.poll(level).toBe('critical');
    await expect.poll(noteCount).toBe(1);

    fake.setBalance({ rows: [cnyRow('0.00'), ZERO_USD_ROW] });
    await invoke('accounts:refresh', { id });
    await expect.poll(level).toBe('depleted');
    await expect.poll(noteCount).toBe(2);
    // The renderer was told, not only the core.
    const states = (await pushes(window)).filter((p) => p.channel === 'state:changed');
    const last = states.at(-1)?.payload as PushPayloads['state:changed'] | undefined;
    expect(last?.accounts.find((a) => a.account.id === id)?.level).toBe('depleted');

    await app.evaluate(() => {
      const notes = (globalThis as unknown as { __notes: Array<{ note: Electron.Notification }> })
        .__notes;
      notes.at(-1)?.note.emit('click');
    });
    await expect
      .poll(
        async () => (await pushes(window)).filter((p) => p.channel === 'navigate').at(-1)?.payload,
      )
      .toEqual({ view: 'diagnosis', accountId: id });
  } finally {
    await invoke('accounts:remove', { id }); // never leave the test key in the keychain
  }
});
