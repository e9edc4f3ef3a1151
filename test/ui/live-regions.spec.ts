/**
 * Changes are announced (issue 14): each one lands in a polite live region that was already
 * on the page before the change, with its text changed inside it. A region that arrives
 * together with its text is often not announced at all. Each test marks the region before
 * the change (data-probe); finding the mark afterwards proves it is the same element.
 */
import type { Locator } from '@playwright/test';
import { cnyRow, ZERO_USD_ROW } from '../fakes/deepseek-server';
import { expect, test } from './harness/fixtures';

/** The region is polite (aria-live or role=status), on the page now, and marked. */
async function markRegion(region: Locator): Promise<void> {
  await expect(region).toHaveCount(1);
  const live = await region.evaluate(
    (el) => el.getAttribute('aria-live') ?? (el.getAttribute('role') === 'status' ? 'polite' : null),
  );
  expect(live).toBe('polite');
  await region.evaluate((el) => el.setAttribute('data-probe', 'before'));
}

/** The same element (still marked) now says `text`. */
async function saysAfter(region: Locator, text: string | RegExp): Promise<void> {
  await expect(region).toContainText(text);
  await expect(region).toHaveAttribute('data-probe', 'before');
}

test('the level word: Healthy -> Low is said by the card and by the dashboard list', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');

  const listNews = page.getByTestId('levels-live');
  await markRegion(listNews);
  await expect(listNews).toHaveText('');
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('15.00')] });
  await backend.core().refresh();
  await saysAfter(listNews, 'Work: Low');

  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00')] });
  await backend.core().refresh();
  await saysAfter(listNews, 'Work: Healthy');

  const card = await harness.openAccount('Work');
  const level = card.getByTestId('level-live');
  await markRegion(level);
  await expect(level).toHaveText('Healthy');
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('15.00')] });
  await backend.core().refresh();
  await saysAfter(level, /^Low$/);
});

test('the stale notice appears inside the card\'s polite flags region', async ({ harness }) => {
  const { backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const card = await harness.openAccount('Work');
  const flags = card.getByTestId('flags-live');
  await markRegion(flags);
  await expect(flags).toHaveText('');
  backend.server.setPersistent({ kind: 'status', status: 500 });
  await backend.core().refresh();
  await saysAfter(flags, 'Stale');
  await expect(flags).toContainText('(500)');
  // Nested live regions confuse screen readers: the flags carry no role of their own.
  await expect(flags.locator('[role], [aria-live]')).toHaveCount(0);
});

test('the diagnosis status says "healthy again" with the cleared cause\'s step progress after a poll', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('0.00')] });
  await backend.core().refresh(id);
  await harness.navigate('diagnosis', id);
  const status = page.getByTestId('diagnosis-status');
  await markRegion(status);
  await expect(status).toContainText(/causes? found/);
  await expect(page.locator('article[data-cause="balance-depleted"]')).toBeVisible();

  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')] });
  await backend.core().refresh(id); // main's boosted poll, no click
  await saysAfter(status, 'The account is healthy again');
  const progress = await page
    .locator('article[data-cause="balance-depleted"]')
    .getByTestId('steps-progress')
    .textContent();
  expect(progress).toMatch(/^\d of \d done$/);
  await expect(status).toContainText(`Fixed (${progress}): The balance is used up`);
});

test('the first pasted-error result is said by a region that was there before it', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await harness.navigate('diagnosis', id);
  const region = page.getByTestId('pasted-live');
  await markRegion(region);
  await expect(region).toHaveText('');
  await page
    .getByLabel('Error text')
    .fill('Error code: 402 - {"error": {"message": "Insufficient Balance", "type": "unknown_error"}}');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await saysAfter(region, 'A balance problem');
  await expect(region.getByTestId('pasted-result')).toContainText('402');
});
