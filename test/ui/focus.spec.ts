/**
 * Focus is never lost (issue 14): busy buttons stay focusable (aria-disabled, clicks ignored)
 * and a focused control that disappears hands the focus to a sensible place on purpose. Busy
 * states are made with harness.hold(), which keeps an invoke from reaching main until the
 * test releases it: no timing involved.
 */
import type { Locator, Page } from '@playwright/test';
import { cnyRow, ZERO_USD_ROW } from '../fakes/deepseek-server';
import { expect, test, type Harness } from './harness/fixtures';
import { buildShowcase } from './harness/showcase';

/** What has the focus: tag, role, accessible text (short), or 'body' when it is lost. */
function focused(page: Page): Promise<string> {
  // A string, so this Node-side file needs no DOM types.
  return page.evaluate<string>(`(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    return a.tagName.toLowerCase() + ': ' + (a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 80);
  })()`);
}

/**
 * Presses `key` on the focused `button` while `channel` is held: the button must say it is
 * busy and keep the focus, a second press must not invoke again, and after the release it
 * must be enabled with the focus still on it.
 */
async function staysFocusedWhileBusy(
  harness: Harness,
  button: Locator,
  channel: string,
  key = 'Enter',
): Promise<void> {
  const { page } = harness;
  await button.focus();
  const release = harness.hold(channel);
  const before = harness.invokes.filter((c) => c === channel).length;
  await page.keyboard.press(key);
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toBeFocused();
  await page.keyboard.press(key); // ignored while busy
  expect(harness.invokes.filter((c) => c === channel).length).toBe(before + 1);
  release();
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  await expect(button).toBeFocused();
}

async function drain(harness: Harness, id: string): Promise<void> {
  harness.backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('0.00')] });
  await harness.backend.core().refresh(id);
}

test('busy buttons keep the focus: Refresh all, Refresh, Re-check now, Analyse, Save', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;

  await staysFocusedWhileBusy(
    harness,
    page.getByRole('button', { name: 'Refresh all' }),
    'accounts:refresh',
  );

  const card = await harness.openAccount('Work');
  await staysFocusedWhileBusy(
    harness,
    card.locator('.card-actions button').first(), // "Refresh", "Refreshing…" while busy
    'accounts:refresh',
    'Space',
  );

  await drain(harness, id);
  await harness.navigate('diagnosis', id);
  const view = page.locator(`section[data-account="${id}"]`);
  await expect(view.locator('article[data-cause="balance-depleted"]')).toBeVisible();
  await staysFocusedWhileBusy(
    harness,
    view.locator('.toolbar button').first(), // "Re-check now", "Checking…" while busy
    'accounts:refresh',
  );
  // The step's own Re-check button is busy with it (one re-check at a time).
  await staysFocusedWhileBusy(
    harness,
    view.locator('li.dx-step[data-step$="recheck"]').first().getByRole('button'),
    'accounts:refresh',
  );

  await page.getByLabel('Error text').fill('Error code: 402 - {"error": {"message": "Insufficient Balance"}}');
  await staysFocusedWhileBusy(
    harness,
    page.getByRole('button', { name: 'Analyse' }),
    'diagnosis:run',
  );
  await expect(page.getByTestId('pasted-result')).toContainText('A balance problem');

  await harness.navigate('settings');
  const panel = page.locator(`#account-settings-${id}`);
  await staysFocusedWhileBusy(harness, panel.locator('button[type="submit"]'), 'accounts:update');
  await expect(panel.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveCount(1);
});

test('Replace key: Cancel, Escape and a saved key hand the focus back to the button that opened the form', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await drain(harness, id);
  await harness.navigate('diagnosis', id);
  const toggle = page.locator('.toolbar').getByRole('button', { name: 'Replace key' });
  await expect(page.locator('article[data-cause="balance-depleted"]')).toBeVisible();

  await toggle.focus();
  await page.keyboard.press('Enter');
  const field = page.getByLabel('New API key for Work');
  await expect(field).toBeFocused();
  await page.keyboard.press('Tab'); // Cancel
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field).toHaveCount(0);
  await expect(toggle).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(toggle).toBeFocused();

  // A new key saved from the form: the form goes, the focus goes back to the opener.
  backend.server.setValidKeys('any');
  await page.keyboard.press('Enter');
  await field.fill('sk-1111222233334444555566667777aaaa');
  await page.keyboard.press('Enter');
  await expect(field).toHaveCount(0);
  await expect(toggle).toBeFocused();
  expect(await focused(page)).not.toBe('body');
});

test('Clear hands the focus to the emptied box; "I have paid" to its step, which now says Done', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await drain(harness, id);
  await harness.navigate('diagnosis', id);
  await expect(page.locator('article[data-cause="balance-depleted"]')).toBeVisible();

  const box = page.getByLabel('Error text');
  await box.fill('Error code: 402');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.getByTestId('pasted-result')).toBeVisible();
  const clear = page.getByRole('button', { name: 'Clear' });
  await clear.focus();
  await page.keyboard.press('Enter');
  await expect(clear).toHaveCount(0);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');

  const markPaid = page.locator('li.dx-step[data-step$="mark-paid"]').first();
  const paid = markPaid.getByRole('button', { name: 'I have paid' });
  await paid.focus();
  await page.keyboard.press('Enter');
  await expect(paid).toHaveCount(0);
  const title = markPaid.locator('.dx-step-title');
  await expect(title).toBeFocused();
  await expect(title).toContainText('Done');
});

test('a re-check that clears the cause hands the focus to the "healthy again" heading', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await drain(harness, id);
  await harness.navigate('diagnosis', id);
  const step = page
    .locator('article[data-cause="balance-depleted"] li.dx-step[data-step$="recheck"]')
    .first()
    .getByRole('button');
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')] });
  await step.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'The account is healthy again' });
  await expect(heading).toBeFocused();
});

test('confirming Remove hands the focus to the next account, then to "Accounts" when none is left', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  backend.server.setValidKeys('any');
  await harness.addGoodAccount('Side', 'sk-2222333344445555666677778888bbbb');
  await harness.navigate('settings');
  const panels = page.locator('form.account-settings');
  await expect(panels).toHaveCount(2);

  const removeFirst = async (next: Locator) => {
    await panels.first().getByRole('button', { name: 'Remove account' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Remove' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(next).toBeFocused();
  };
  await removeFirst(page.getByRole('heading', { level: 3, name: /^Side/ }));
  await expect(panels).toHaveCount(1);
  await removeFirst(page.getByRole('heading', { level: 2, name: 'Accounts' }));
  await expect(panels).toHaveCount(0);
  expect(await focused(page)).not.toBe('body');
});

test('a screen change starts at the top of the new screen; Settings opened for an account still shows that account', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await page.setViewportSize({ width: 640, height: 480 });
  await harness.open();
  const ids = await buildShowcase(backend, 'en');
  await harness.navigate('dashboard');
  await expect(page.locator('li.account-row')).toHaveCount(6);
  const main = page.locator('#main');
  const scrollToEnd = () =>
    main.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      return el.scrollTop;
    });

  await harness.openAccount('Work');
  expect(await scrollToEnd()).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Settings' }).click(); // the sidebar
  const settings = page.getByRole('heading', { level: 1, name: 'Settings' });
  await expect(settings).toBeInViewport();
  expect(await main.evaluate((el) => el.scrollTop)).toBe(0);

  expect(await scrollToEnd()).toBeGreaterThan(0);
  await harness.navigate('diagnosis', ids[4]); // a push, as from the tray menu
  await expect(page.getByRole('heading', { level: 1, name: 'Why am I getting 402?' })).toBeInViewport();

  // The screen's own scroll target wins over the reset: the last account's panel is shown.
  await harness.navigate('settings', ids[5]);
  await expect(page.locator(`#account-settings-${ids[5]} h3`)).toBeInViewport();
});

test('a poll that re-sorts the dashboard list keeps the focus on the same row', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  backend.server.setValidKeys('any');
  await harness.addGoodAccount('Side', 'sk-2222333344445555666677778888bbbb');
  const rows = page.locator('li.account-row .row-label');
  const order = await rows.allTextContents();
  // The row listed first gets the focus; the other one drops to Critical and moves above it.
  const [first, second] = order as [string, string];
  const sideId = backend
    .core()
    .getState()
    .accounts.find((a) => a.account.label === second)!.account.id;
  const button = harness.row(first).locator('button.row-open');
  await button.focus();
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('3.00')] });
  await backend.core().refresh(sideId);
  await expect(rows).toHaveText([second, first]);
  await expect(button).toBeFocused();
});
