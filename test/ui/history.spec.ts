import { expect, test } from './harness/fixtures';
import { seedReadings } from './harness/seed';

test('draws the history chart and switches ranges', async ({ harness }) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  const now = Date.now();
  // 30 days, one reading every 10 minutes, older than the reading the poll just stored.
  for (const s of seedReadings(30 * 144, 600_000, now - 60_000))
    await backend.history.append(id, s);

  await page.getByRole('button', { name: 'History', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  const chart = page.getByTestId('history-chart');
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '7 days' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('history-count')).toContainText(
    `${(7 * 144 + 1).toLocaleString('en-US')} readings`,
  );

  // The canvas really has a line on it (not just an empty element).
  const inked = await chart.locator('canvas').evaluate((c) => {
    const canvas = c as unknown as {
      width: number;
      height: number;
      getContext(k: '2d'): {
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      };
    };
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(2000);

  // Figures for the range on screen: spent, average per day, money in (none in the last week).
  await expect(page.getByTestId('figure-spent')).toContainText(/Spent\s*CN¥\d+\.\d\d/);
  await expect(page.getByTestId('figure-per-day')).toContainText(/Average per day\s*CN¥\d+\.\d\d/);
  const weekSpent = await page.getByTestId('figure-spent').locator('dd').textContent();
  // Thresholds are labelled with their amounts, and drawn in two different colours.
  await expect(page.locator('.legend')).toContainText('Low threshold (CN¥20.00)');
  await expect(page.locator('.legend')).toContainText('Critical threshold (CN¥5.00)');
  const [low, critical] = await page.evaluate(() => {
    type Css = { getPropertyValue(n: string): string };
    const g = globalThis as unknown as {
      document: { documentElement: object };
      getComputedStyle(e: object): Css;
    };
    const css = g.getComputedStyle(g.document.documentElement);
    return [
      css.getPropertyValue('--chart-low').trim(),
      css.getPropertyValue('--chart-critical').trim(),
    ];
  });
  expect(low).not.toBe(critical);

  await page.getByRole('button', { name: '24 h' }).click();
  await expect(page.getByTestId('history-count')).toContainText('145 readings');
  await expect(page.getByTestId('figure-spent').locator('dd')).not.toHaveText(weekSpent!);
  await page.getByRole('button', { name: 'All' }).click();
  await expect(page.getByTestId('history-count')).toContainText(
    `${(30 * 144 + 1).toLocaleString('en-US')} readings`,
  );
  await expect(page.getByTestId('history-count')).toContainText('points drawn');
  await expect(page.locator('.legend')).toContainText('Top-up');
  // The whole month includes the top-up two thirds of the way: listed with its amount.
  await expect(page.getByTestId('figure-top-ups')).toContainText(/\+CN¥\d+\.\d\d/);
  await expect(page.getByTestId('top-up-list').locator('li').first()).toContainText(
    /\+CN¥\d+\.\d\d\s*top-up/,
  );

  // Hovering shows exact amounts and the time of the reading under the cursor.
  const box = (await chart.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(page.locator('.chart-tip')).toContainText(/CN¥\d+\.\d\d/);
  await expect(page.locator('.chart-tip')).toContainText('Topped up');
  await harness.shot('history-en-light');
});

test('shows a designed empty state when an account has no history in the range', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  await backend.history.remove(backend.core().getState().accounts[0]!.account.id);
  await page.getByRole('button', { name: 'History', exact: true }).first().click();
  await expect(page.getByText('No history yet')).toBeVisible();
});
