/**
 * A keyboard-only walk (issue 14): onboarding -> add an account -> dashboard -> account detail
 * -> diagnosis -> a fix step -> settings -> remove the account, with Tab, Shift+Tab, Enter,
 * Space and Escape only (and typing into fields). After every key press the focus must not be
 * on <body>; after every step it must be on the element named in the step. Only the fake
 * server changes outside the window (the balance running out, the top-up landing), as it
 * would in life.
 */
import type { Locator, Page } from '@playwright/test';
import { cnyRow, FAKE_DEEPSEEK_KEY, ZERO_USD_ROW } from '../fakes/deepseek-server';
import { expect, test } from './harness/fixtures';

/** Tag, role and text of the focused element ('body' when the focus is lost). */
function describeFocus(page: Page): Promise<string> {
  // A string, so this Node-side file needs no DOM types.
  return page.evaluate<string>(`(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    const tag = a.tagName.toLowerCase();
    if (tag === 'main') return 'main';
    const role = a.getAttribute('role') ?? (tag === 'input' ? a.getAttribute('type') ?? 'text' : '');
    const by = (a.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    const label = a.getAttribute('aria-label') ?? (by.trim() || (a.labels && a.labels[0] ? a.labels[0].textContent : a.textContent) || '');
    return tag + (role ? '[' + role + ']' : '') + ' "' + label.replace(/\\s+/g, ' ').trim().slice(0, 60) + '"';
  })()`);
}

test('keyboard only: add an account, read it, diagnose and fix it, open settings, remove it', async ({
  harness,
}) => {
  test.setTimeout(90_000);
  const { page, backend } = harness;
  const walk: string[] = [];
  let presses = 0;

  /** One key; the focus must be somewhere afterwards. */
  const press = async (key: string) => {
    await page.keyboard.press(key);
    presses++;
    expect(await describeFocus(page), `focus after ${key} (press ${presses})`).not.toBe('body');
  };
  /** Tab (or Shift+Tab) until `target` has the focus, asserting the focus is never lost on the way. */
  const tabTo = async (target: Locator, back = false, max = 40) => {
    for (let i = 0; i < max; i++) {
      await press(back ? 'Shift+Tab' : 'Tab');
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false))
        return;
    }
    throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${String(target)}`);
  };
  /** The step's checkpoint: the focus is on `where`, and not on <body>. */
  const step = async (name: string, where: Locator) => {
    await expect(where, name).toBeFocused();
    const on = await describeFocus(page);
    expect(on).not.toBe('body');
    walk.push(`${name}: ${on}`);
  };

  await harness.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Creditray' })).toBeVisible();

  // 1. Onboarding: the window opens with the focus on its content; the skip link (Shift+Tab
  //    back through the sidebar) leads there too.
  await step('window opened', page.locator('#main'));
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await tabTo(skip, true);
  await step('skip link', skip);
  await press('Enter');
  await step('skip link followed', page.locator('#main'));

  // 2. Add an account: provider (already DeepSeek), name, key, Verify and add.
  await tabTo(page.getByRole('radio', { name: 'DeepSeek' }));
  await step('provider picker', page.getByRole('radio', { name: 'DeepSeek' }));
  await tabTo(page.getByRole('textbox', { name: 'Name' }));
  await page.keyboard.type('Work');
  await step('name field', page.getByRole('textbox', { name: 'Name' }));
  const keyField = page.getByLabel('DeepSeek API key');
  await tabTo(keyField);
  await page.keyboard.type(FAKE_DEEPSEEK_KEY);
  await step('key field', keyField);
  const add = page.getByRole('button', { name: 'Verify and add' });
  await tabTo(add);
  await step('Verify and add', add);
  await press('Enter');

  // 3. Dashboard: the new screen has the focus; the row is a Tab stop.
  await expect(harness.row('Work')).toBeVisible();
  await step('dashboard after adding', page.locator('#main'));
  const row = harness.row('Work').locator('button.row-open');
  await tabTo(row);
  await step('account row', row);

  // 4. Account detail, opened with Space. The balance runs out; Refresh keeps its focus while busy.
  await press('Space');
  await expect(page.getByRole('heading', { level: 1, name: 'Work' })).toBeVisible();
  await step('account detail', page.locator('#main'));
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('0.00')] });
  const refresh = page.locator('article.card .card-actions button').first();
  await tabTo(refresh);
  await step('Refresh', refresh);
  await press('Enter');
  await expect(page.getByTestId('level-live')).toHaveText('Depleted');
  await step('Refresh after the refresh', refresh);

  // 5. Diagnosis, from the card's "Why am I getting 402?" (back up with Shift+Tab).
  const why = page.getByRole('button', { name: 'Why am I getting 402?' });
  await tabTo(why, true);
  await step('Why 402 link', why);
  await press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Why am I getting 402?' })).toBeVisible();
  await step('diagnosis', page.locator('#main'));

  // 6. A fix step: "I have paid" ticks off and hands the focus to its step; after the top-up
  //    lands, the step's Re-check clears the cause and the focus goes to "healthy again".
  const cause = page.locator('article[data-cause="balance-depleted"]');
  const paid = cause.getByRole('button', { name: 'I have paid' });
  await tabTo(paid);
  await step('I have paid', paid);
  await press('Enter');
  const paidStep = cause.locator('li.dx-step[data-step$="mark-paid"] .dx-step-title');
  await expect(paidStep).toContainText('Done');
  await step('the paid step, now Done', paidStep);
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')] });
  const recheck = cause.locator('li.dx-step[data-step$="recheck"]').getByRole('button');
  await tabTo(recheck);
  await step('Re-check now (step)', recheck);
  await press('Enter');
  const healthy = page.getByRole('heading', { level: 2, name: 'The account is healthy again' });
  await step('healthy again', healthy);

  // 7. Settings, from the sidebar (Shift+Tab out of the content).
  const settingsNav = page.getByRole('navigation').getByRole('button', { name: 'Settings' });
  await tabTo(settingsNav, true);
  await step('Settings in the sidebar', settingsNav);
  await press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeInViewport();
  await expect(settingsNav).toHaveAttribute('aria-current', 'page');
  await step('Settings open', settingsNav);

  // 8. Remove the account: the dialog opens on Cancel, Escape returns to Remove, then confirm.
  const remove = page.getByRole('button', { name: 'Remove account' });
  await tabTo(remove);
  await step('Remove account', remove);
  await press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remove Work?' });
  await step('remove dialog', dialog.getByRole('button', { name: 'Cancel' }));
  await press('Escape');
  await expect(dialog).toBeHidden();
  await step('dialog closed with Escape', remove);
  await press('Enter');
  await step('remove dialog again', dialog.getByRole('button', { name: 'Cancel' }));
  await press('Tab');
  await step('Remove in the dialog', dialog.getByRole('button', { name: 'Remove', exact: true }));
  await press('Enter');
  await expect(page.locator('form.account-settings')).toHaveCount(0);
  await step('account removed', page.getByRole('heading', { level: 2, name: 'Accounts' }));
  expect(backend.core().getState().accounts).toEqual([]);

  console.log(`keyboard walk: ${walk.length} checkpoints, ${presses} key presses\n  ${walk.join('\n  ')}`);
  test.info().annotations.push({ type: 'keyboard walk', description: walk.join(' | ') });
});
