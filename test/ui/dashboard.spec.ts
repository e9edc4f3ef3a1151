import { cnyRow, usdRow, ZERO_USD_ROW } from '../fakes/deepseek-server';
import { expect, test } from './harness/fixtures';

test('the row and the detail follow pushes as the balance drops through the levels, without the window polling', async ({
  harness,
}) => {
  const { backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const row = harness.row('Work');
  await expect(row.locator('.badge')).toHaveText('Healthy');
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('15.00')] });
  await backend.core().refresh();
  await expect(row.locator('.badge')).toHaveText('Low');
  await expect(row.getByTestId('row-balance')).toHaveText('CN¥15.00');
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00')] });
  await backend.core().refresh();
  await expect(row.locator('.badge')).toHaveText('Healthy');
  const card = await harness.openAccount('Work');
  await expect(card.locator('.badge')).toHaveText('Healthy');
  const invokedBefore = harness.invokes.length;

  const steps: [string, string, string][] = [
    ['15.00', 'Low', 'CN¥15.00'],
    ['3.00', 'Critical', 'CN¥3.00'],
    ['0.00', 'Depleted', 'CN¥0.00'],
  ];
  for (const [total, level, shown] of steps) {
    backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow(total)] });
    await backend.core().refresh(); // main's poller firing
    await expect(card.locator('.badge')).toHaveText(level);
    await expect(card.locator('.badge')).toHaveAttribute('data-level', level.toLowerCase());
    await expect(card.getByTestId('headline')).toHaveText(shown);
  }
  // Calls blocked while money is left: its own state, said in words.
  backend.server.setBalance({ rows: [cnyRow('40.00', '5.00')], available: false });
  await backend.core().refresh();
  await expect(card.locator('.badge')).toHaveText('Unavailable');
  await expect(card).toContainText('Calls blocked');
  // A failed poll keeps the last good value and marks it stale with the reason.
  backend.server.setBalance({ rows: [cnyRow('40.00', '5.00'), usdRow('2.50')], available: true });
  await backend.core().refresh();
  // The unit is said once, in the row header; the amounts stand alone.
  await expect(card.getByRole('row', { name: /USD/ })).toContainText('2.50');
  await expect(card.getByRole('rowheader', { name: /USD/ })).toHaveText('USD ($)');
  backend.server.setPersistent({ kind: 'status', status: 500 });
  await backend.core().refresh();
  await expect(card.locator('.flag-stale')).toContainText('Stale');
  await expect(card.locator('.flag-stale')).toContainText('(500)');
  await expect(card.getByTestId('headline')).toHaveText('CN¥40.00');
  await harness.shot('card-stale-en-light');
  expect(harness.invokes.slice(invokedBefore)).toEqual([]);
});

test('Top up opens the allowlisted page through main and nothing else', async ({ harness }) => {
  const { page, backend } = harness;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  let popups = 0;
  page.context().on('page', () => popups++);
  await harness.open();
  await harness.addGoodAccount('Work');
  await harness.openAccount('Work');
  await page.getByRole('button', { name: 'Top up' }).click();
  await expect.poll(() => backend.opened).toEqual(['https://platform.deepseek.com/top_up']);
  expect(popups).toBe(0);
  expect(page.url()).toBe(`${harness.origin}/index.html`);
  expect(requests.filter((u) => !u.startsWith(harness.origin))).toEqual([]);
});

test('every action is reachable with the keyboard and shows a visible focus ring', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  // The row opens the detail with Enter; the detail's actions are then a Tab away.
  await harness.row('Work').locator('button.row-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Work' })).toBeVisible();
  await page.locator('body').click({ position: { x: 600, y: 5 } });
  const reached = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      type El = {
        tagName: string;
        textContent: string | null;
        getAttribute(n: string): string | null;
      };
      const el = (globalThis as unknown as { document: { activeElement: El | null } }).document
        .activeElement;
      return el && el.tagName !== 'BODY'
        ? { name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() }
        : null;
    });
    if (info?.name) reached.add(info.name);
    const outline = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { activeElement: object | null };
        getComputedStyle(e: object): { outlineStyle: string };
      };
      const el = g.document.activeElement;
      return el ? g.getComputedStyle(el).outlineStyle : 'none';
    });
    if (info?.name) expect(outline, `focus ring on "${info.name}"`).not.toBe('none');
  }
  for (const name of [
    'Dashboard',
    'History',
    'Settings',
    'Add account',
    'All accounts',
    'Refresh',
    'Why am I getting 402?',
    'Top up',
  ]) {
    expect([...reached], name).toContain(name);
  }
  // And they work from the keyboard: Top up with Enter.
  await page.getByRole('button', { name: 'Top up' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => backend.opened.length).toBe(1);
  await page.getByRole('button', { name: 'Why am I getting 402?' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Why am I getting 402?' }),
  ).toBeVisible();
});

test('a navigate push from main (tray menu) opens the diagnosis view for that account', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await harness.navigate('diagnosis', id);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Why am I getting 402?' }),
  ).toBeVisible();
  await expect(page.locator(`section[data-account="${id}"]`)).toContainText('Work');
});

test('a navigate push that arrives as the page loads, before React has mounted, is not lost', async ({
  harness,
}) => {
  const { page } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  // Main sends a pending navigation on did-finish-load; DOMContentLoaded is as early as that gets.
  await page.addInitScript({
    content: `document.addEventListener('DOMContentLoaded', () => window.__creditrayPush('creditray:navigate', { view: 'settings' }));`,
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
