/**
 * The real Electron app, end to end: window security, the IPC bridge, a balance drop seen by
 * the core, the renderer and the notifier, and a clean quit. Skips (with the reason) where no
 * Electron binary exists.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
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

const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
};

test('opens the window with the secure web preferences and no Node.js in the page', async ({
  launched,
}, testInfo) => {
  const { app, window } = launched;
  // `getLastWebPreferences` is undocumented (Electron keeps it for its own checks); use it while it exists.
  const prefs = await app.evaluate(({ BrowserWindow }, keys) => {
    const wc = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences?: () => Record<string, unknown> | null;
    };
    const p = wc?.getLastWebPreferences?.();
    return p ? Object.fromEntries(keys.map((k) => [k, p[k]])) : null;
  }, Object.keys(SECURE));
  if (prefs) expect(prefs).toEqual(SECURE);
  else {
    testInfo.annotations.push({
      type: 'note',
      description:
        'webContents.getLastWebPreferences() is gone: preferences checked by their effects only',
    });
    console.log(
      '[test:electron] getLastWebPreferences() unavailable: checking the preferences by their effects only',
    );
  }
  // Their effects, whatever Electron exposes: only the frozen bridge (contextBridge needs context
  // isolation, and its functions are proxies), no require/process (no Node integration).
  const reach = await window.evaluate(() => {
    const bridge = (globalThis as unknown as { creditray: Record<string, unknown> }).creditray;
    return {
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys(bridge).sort(),
      frozen: Object.isFrozen(bridge),
      proxied: String(bridge.invoke).includes('[native code]'),
    };
  });
  expect(reach).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['invoke', 'on'],
    frozen: true,
    proxied: true,
  });
  expect(window.url()).toMatch(/^file:.*\/out\/renderer\/index\.html/);
  if (process.platform === 'darwin' || process.platform === 'win32') {
    // Electron reports the OS-level sandbox of each process on these two systems only.
    const tabs = await app.evaluate(({ app: a }) =>
      a
        .getAppMetrics()
        .filter((m) => m.type === 'Tab')
        .map((m) => m.sandboxed),
    );
    expect(tabs.length).toBeGreaterThan(0);
    expect(tabs.every(Boolean)).toBe(true);
  }
});

test('answers an IPC round trip through the real preload and refuses what the contract does not allow', async ({
  launched,
}) => {
  const { window, invoke } = launched;
  const state = await invoke('state:get', undefined);
  expect(state.ok).toBe(true);
  if (state.ok) expect(state.value.accounts).toEqual([]);
  const bad = await invoke('settings:update', { pollIntervalSec: 1 });
  expect(bad.ok ? 'accepted' : bad.error.code).toBe('bad-request');
  await expect(
    window.evaluate(() =>
      (globalThis as unknown as { creditray: CreditrayApi }).creditray.invoke(
        'fs:read' as never,
        undefined as never,
      ),
    ),
  ).rejects.toThrow(/Unknown Creditray channel/);
});

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

test('quits cleanly with exit code 0, and a relaunch finds the account and its history', async ({
  launch,
  fake,
}) => {
  const first = await launch();
  const added = await first.invoke('accounts:add', {
    provider: 'deepseek',
    label: 'Quit',
    key: FAKE_DEEPSEEK_KEY,
    baseUrl: fake.url,
  });
  expect(added.ok, added.ok ? '' : added.error.message).toBe(true);
  if (!added.ok) return;
  const id = added.value.id;
  await expect.poll(() => fake.count()).toBeGreaterThan(0);
  const exited = new Promise<number | null>((resolve) =>
    first.app.process().once('exit', (code) => resolve(code)),
  );
  // Quit the way the tray menu does; the evaluate's own reply may be lost as the app goes away.
  await first.app
    .evaluate(({ app }) => void setTimeout(() => app.quit(), 0))
    .catch(() => undefined);
  expect(await exited).toBe(0);
  expect((await readdir(join(first.dataDir, 'history'))).length).toBeGreaterThan(0);

  const second = await launch();
  try {
    const state = await second.invoke('state:get', undefined);
    expect(state.ok && state.value.accounts.map((a) => a.account.id)).toEqual([id]);
    const history = await second.invoke('history:get', { id });
    expect(history.ok && history.value.length).toBeGreaterThan(0);
  } finally {
    await second.invoke('accounts:remove', { id }); // never leave the test key in the keychain
  }
});

test('shows the tray with the level icon (needs the test-only hook in main)', async ({
  launched,
}) => {
  const hook = await launched.app.evaluate(() => {
    const h = (globalThis as { __creditrayTest?: { tray?: () => { tooltip: string } | null } })
      .__creditrayTest;
    return h?.tray ? h.tray() : undefined;
  });
  test.skip(
    hook === undefined,
    'main exposes no globalThis.__creditrayTest.tray() hook yet: the tray cannot be seen from Playwright without it',
  );
  expect(hook?.tooltip).toContain('Creditray');
});
