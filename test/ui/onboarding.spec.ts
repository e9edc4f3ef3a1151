import { FAKE_DEEPSEEK_KEY } from '../fakes/deepseek-server';
import { expect, test } from './harness/fixtures';

test('refuses a wrong key with a plain-words error and saves nothing', async ({ harness }) => {
  const { page, backend } = harness;
  await harness.open();
  await expect(page.getByRole('heading', { name: 'Welcome to Creditray' })).toBeVisible();
  await expect(page.getByText('stored in the operating system’s keychain')).toBeVisible();
  await harness.shot('onboarding-en-light');
  await page.getByLabel('DeepSeek API key').fill('sk-00000000000000000000000000000bad');
  await page.getByRole('button', { name: 'Verify and add' }).click();
  await expect(page.getByTestId('add-error')).toContainText('The API key was refused');
  await harness.shot('onboarding-error-en-light');
  expect(backend.secrets.entries.size).toBe(0);
  expect(backend.core().getState().accounts).toHaveLength(0);
});

test('explains a proxy answering with HTML, a server that is down, and no network', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  const key = page.getByLabel('DeepSeek API key');
  await key.fill(FAKE_DEEPSEEK_KEY);
  backend.server.setPersistent({ kind: 'html' }, 'any');
  await page.getByRole('button', { name: 'Verify and add' }).click();
  await expect(page.getByTestId('add-error')).toContainText('a proxy or gateway may be in the way');
  backend.server.setPersistent({ kind: 'status', status: 503 }, 'any');
  await page.getByRole('button', { name: 'Verify and add' }).click();
  await expect(page.getByTestId('add-error')).toContainText("The provider's server had a problem");
  backend.server.setPersistent({ kind: 'reset' }, 'any');
  await page.getByRole('button', { name: 'Verify and add' }).click();
  await expect(page.getByTestId('add-error')).toContainText('No connection to the provider');
  expect(backend.secrets.entries.size).toBe(0);
});

test('adds a good key: the row and its card appear, the key is in the keychain and only its mask is in the page', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  await expect(page.locator('li.account-row')).toHaveCount(1);
  await expect(harness.row('Work').getByTestId('row-balance')).toHaveText('CN¥110.00');
  const card = await harness.openAccount('Work');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('headline')).toHaveText('CN¥110.00');
  await expect(card.getByTestId('key-mask')).toHaveText('sk-…c18b');
  await expect(card).toContainText('Healthy');
  expect([...backend.secrets.entries.values()]).toEqual([FAKE_DEEPSEEK_KEY]);
  const html = await page.content();
  expect(html).not.toContain(FAKE_DEEPSEEK_KEY);
  expect(html).not.toContain(FAKE_DEEPSEEK_KEY.slice(3, 20));
  // The form forgot the key: nothing left in any input either.
  const inputs = await page
    .locator('input')
    .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  expect(inputs.join('')).not.toContain(FAKE_DEEPSEEK_KEY.slice(3));
});

test('starts the demo account without a key', async ({ harness }) => {
  const { page, backend } = harness;
  await harness.open();
  await page.getByRole('button', { name: 'Try the demo account' }).click();
  const row = page.locator('li.account-row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.row-provider')).toHaveText('Simulated, no key');
  await row.locator('button.row-open').click();
  const card = page.locator('article.card');
  await expect(card.locator('.card-title')).toContainText('Simulated, no key');
  // The subtitle says what the account is, never "Demo · Demo".
  await expect(card.locator('.card-title p')).not.toContainText('·');
  expect(backend.secrets.entries.size).toBe(0);
});
