/**
 * The dashboard at a glance (issue 13, point 1) in the window's real size, 980×700: six
 * accounts in six levels are all visible without scrolling, worst first, each with its
 * level in words, balance and days left; a row opens the account's detail and the way back
 * returns focus to it; "Why 402?" appears only where calls fail or are about to.
 */
import { expect, test } from './harness/fixtures';
import { buildShowcase } from './harness/showcase';

test.use({ viewport: { width: 980, height: 700 } });

test('six accounts fit in 980×700 without scrolling, worst first, and a row opens the detail', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await buildShowcase(backend, 'en');
  const rows = page.getByRole('list', { name: 'Accounts, worst first' }).getByRole('listitem');
  await expect(rows).toHaveCount(6);

  // Worst first, in the tray's order: no money, blocked, nearly out, unreadable, low, fine.
  await expect
    .poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-level'))))
    .toEqual(['depleted', 'unavailable', 'critical', 'error', 'low', 'healthy']);
  await expect(rows.locator('.row-label')).toHaveText([
    'Drained',
    'Research',
    'Batch jobs',
    'Old key',
    'Side project',
    'Work',
  ]);
  await expect(rows.locator('.badge')).toHaveText([
    'Depleted',
    'Unavailable',
    'Critical',
    'Error',
    'Low',
    'Healthy',
  ]);

  // Every row entirely inside the window, with the page not scrolled.
  for (let i = 0; i < 6; i++) await expect(rows.nth(i)).toBeInViewport({ ratio: 1 });
  expect(await page.locator('main').evaluate((m) => m.scrollTop)).toBe(0);
  const bottom = (await rows.nth(5).boundingBox())!;
  expect(bottom.y + bottom.height).toBeLessThanOrEqual(700);

  // Balance and days left on the row itself.
  const side = harness.row('Side project');
  await expect(side.getByTestId('row-balance')).toHaveText('CN¥14.80');
  await expect(side.getByTestId('row-days')).toHaveText(/^\d+ days? left$/);
  await expect(harness.row('Batch jobs').getByTestId('row-days')).toHaveText(/^\d+ days? left$/);
  await expect(harness.row('Work').locator('.row-provider')).toHaveText('DeepSeek');

  // "Why 402?" only on accounts in trouble, each named for its account.
  for (const label of ['Drained', 'Research', 'Batch jobs', 'Old key']) {
    await expect(page.getByRole('button', { name: `Why 402? ${label}` })).toBeVisible();
  }
  await expect(harness.row('Work').getByRole('button', { name: /Why 402/ })).toHaveCount(0);
  await expect(harness.row('Side project').getByRole('button', { name: /Why 402/ })).toHaveCount(0);
  await harness.shot('dashboard-glance-en-light');

  // A click opens the detail: today's card content for that account.
  const card = await harness.openAccount('Batch jobs');
  await expect(card.getByTestId('headline')).toHaveText('CN¥2.35');
  await expect(card.locator('.badge')).toHaveText('Critical');
  await expect(card.getByTestId('forecast')).toContainText(/days? left/);
  await expect(card.getByRole('button', { name: 'Top up' })).toBeVisible();
  await harness.shot('account-en-light');

  // Back to the list: the row that was opened has the focus again.
  await page.getByRole('button', { name: 'All accounts' }).click();
  await expect(harness.row('Batch jobs').locator('button.row-open')).toBeFocused();

  // The 402 link goes straight to that account's diagnosis.
  await page.getByRole('button', { name: 'Why 402? Drained' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Why am I getting 402?' }),
  ).toBeVisible();
  await expect(page.locator('.dx-account')).toContainText('Drained');
});

test('the list works from the keyboard: Tab reaches each row, Enter opens it', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await buildShowcase(backend, 'en');
  await expect(page.locator('li.account-row')).toHaveCount(6);
  const first = page.locator('li.account-row').first().locator('button.row-open');
  await page.getByRole('button', { name: 'Add account' }).last().focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  // The row's name says everything a sighted user reads on it.
  await expect(first).toHaveAccessibleName(/Depleted.*Drained.*CN¥0\.00/);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Why 402? Drained' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Research' })).toBeVisible();
  // The pressed row is gone with the list: focus lands on the new screen, not on <body>.
  await expect(page.locator('#main')).toBeFocused();
  await expect(page.locator('article.card')).toContainText('Calls blocked');
});

test.describe('below 760 px, at the 640×480 minimum', () => {
  test.use({ viewport: { width: 640, height: 480 } });
  test('the icon-only sidebar keeps accessible names and shows them as tooltips', async ({
    harness,
  }) => {
    const { page, backend } = harness;
    await harness.open();
    await buildShowcase(backend, 'en');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Dashboard', 'History', 'Settings', 'Add account']) {
      const button = nav.getByRole('button', { name });
      await expect(button).toBeVisible();
      const label = button.locator('.nav-label');
      // Hidden until hovered or focused, then shown beside the icon.
      expect((await label.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
      await button.hover();
      expect((await label.boundingBox())!.width).toBeGreaterThan(20);
    }
    await page.mouse.move(400, 300);
    // The rows still line up and keep their words at the minimum width.
    await expect(page.getByRole('button', { name: 'Why 402? Research' })).toBeInViewport({
      ratio: 1,
    });
    const heights = await page
      .locator('li.account-row')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(70);
    await nav.getByRole('button', { name: 'History' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(
      (await nav.getByRole('button', { name: 'History' }).locator('.nav-label').boundingBox())!
        .width,
    ).toBeGreaterThan(20);
    await harness.shot('dashboard-narrow-en-light');
  });
});

test('seven accounts of two providers are grouped by provider, the group of the worst account first', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await buildShowcase(backend, 'en');
  const kimi = await backend.core().addAccount({ provider: 'moonshot', label: 'Kimi', key: 'sk-kimi0123456789abcdef0123456789ab' });
  expect(kimi.ok).toBe(true);

  const groups = page.getByTestId('account-groups').getByRole('region');
  await expect(groups).toHaveCount(2);
  await expect(groups.getByRole('heading', { level: 2 })).toHaveText([
    /DeepSeek\s*6 accounts/,
    /Moonshot \(Kimi\)\s*1 account/,
  ]);
  const deepseek = page.getByRole('list', { name: 'DeepSeek accounts, worst first' }).getByRole('listitem');
  await expect(deepseek.locator('.row-label')).toHaveText(['Drained', 'Research', 'Batch jobs', 'Old key', 'Side project', 'Work']);
  await expect(
    page.getByRole('list', { name: 'Moonshot (Kimi) accounts, worst first' }).getByRole('listitem').locator('.row-label'),
  ).toHaveText(['Kimi']);
  await harness.shot('dashboard-grouped-en-light');
});
