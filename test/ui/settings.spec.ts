import { expect, test } from './harness/fixtures';

test('settings are saved through main and survive a restart of the core', async ({ harness }) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Check every').selectOption('600');
  await page.getByLabel('Open at login').check();
  await page.getByLabel('Warn when the money runs out within').selectOption('7');
  await page.getByLabel('Repeat the same alert at most every').selectOption('180');
  await expect(page.getByLabel('Repeat the same alert at most every')).toHaveAccessibleDescription(/per kind of alert/);

  const panel = page.locator('form.account-settings');
  await panel.getByLabel('Name', { exact: true }).fill('Production');
  // Amounts say their currency: the headline currency, visible and in the field's description.
  for (const name of ['Low below', 'Critical below', 'Budget amount']) {
    await expect(panel.getByLabel(name)).toHaveAccessibleDescription('CNY');
  }
  await expect(panel.locator('.unit-input').first()).toContainText('CN¥');
  await panel.getByLabel('Use the defaults').uncheck();
  await panel.getByLabel('Low below').fill('50');
  await panel.getByLabel('Critical below').fill('80');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(
    panel.getByText('The critical threshold must not be above the low one.'),
  ).toBeVisible();
  await panel.getByLabel('Critical below').fill('12.5');
  await panel.getByLabel('Budget baseline').selectOption('fixed');
  await panel.getByLabel('Budget amount').fill('200');
  await panel.getByLabel('the account recovers').uncheck();
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByText('Saved')).toBeVisible();

  await backend.restart();
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.getByLabel('Check every')).toHaveValue('600');
  await expect(page.getByLabel('Open at login')).toBeChecked();
  await expect(page.getByLabel('Warn when the money runs out within')).toHaveValue('7');
  await expect(page.getByLabel('Repeat the same alert at most every')).toHaveValue('180');
  await expect(page.getByLabel('Repeat the same alert at most every').locator('option:checked')).toHaveText('3 hours');
  const after = page.locator('form.account-settings');
  await expect(after.getByLabel('Name', { exact: true })).toHaveValue('Production');
  await expect(after.getByLabel('Low below')).toHaveValue('50');
  await expect(after.getByLabel('Critical below')).toHaveValue('12.5');
  await expect(after.getByLabel('Budget amount')).toHaveValue('200');
  await expect(after.getByLabel('the account recovers')).not.toBeChecked();
  await expect(after.getByLabel('the balance is low')).toBeChecked();
  const saved = backend.core().getState();
  expect(saved.settings).toMatchObject({
    theme: 'dark',
    pollIntervalSec: 600,
    launchAtLogin: true,
    runOutDays: 7,
    notifyCooldownMin: 180,
  });
  expect(saved.accounts[0]!.account).toMatchObject({
    label: 'Production',
    thresholds: { low: '50', critical: '12.5' },
    budget: { kind: 'fixed', amount: '200' },
  });
});

test('removing an account asks first, then deletes it and its key', async ({ harness }) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Remove account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Work?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(backend.secrets.entries.size).toBe(1);
  await page.getByRole('button', { name: 'Remove account' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText('No accounts yet.')).toBeVisible();
  expect(backend.core().getState().accounts).toHaveLength(0);
  expect(backend.secrets.entries.size).toBe(0);
});
