/**
 * "Why am I getting 402?" end to end: the real core and IPC handlers, the fake DeepSeek
 * server, the built window. The balance runs out, the notification click (a 'navigate'
 * push) opens the diagnosis, the fix is made on the server, a re-check ticks the step off
 * and the account is healthy again, in the window and in the tray.
 */
import { buildTrayModel } from '../../main/core/tray-model';
import { cnyRow, ZERO_USD_ROW } from '../fakes/deepseek-server';
import { expect, test, type Harness } from './harness/fixtures';

/** Drains the account at the fake server, lets main see it, and opens its diagnosis. */
async function openDepletedDiagnosis(harness: Harness, id: string): Promise<void> {
  harness.backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('0.00')] });
  await harness.backend.core().refresh(id);
  await harness.navigate('diagnosis', id);
  await expect(harness.page.locator('article.dx-cause').first()).toHaveAttribute(
    'data-cause',
    'balance-depleted',
  );
}

const PASTED_401 =
  "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Authentication Fails, Your api key: ****abcd is invalid', 'type': 'authentication_error', 'param': None, 'code': 'invalid_request_error'}}";

test('balance runs out, the notification opens the diagnosis, the fix verifies itself and the account is healthy again', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;

  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('0.00')], available: true });
  await backend.core().refresh(id);
  expect(backend.core().getState().accounts[0]!.level).toBe('depleted');

  // What a click on the "balance used up" notification does: main pushes 'navigate' to a
  // window where nothing has focus; keyboard users must land on the new screen.
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await harness.navigate('diagnosis', id);
  const view = page.locator(`section[data-account="${id}"]`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Why am I getting 402?' }),
  ).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();
  await expect(view.locator('.dx-account')).toContainText('Work');
  await expect(view.locator('.dx-account .badge')).toHaveText('Depleted');
  const causes = view.locator('article.dx-cause');
  await expect(causes.first()).toHaveAttribute('data-cause', 'balance-depleted');
  const depleted = view.locator('article[data-cause="balance-depleted"]');
  await expect(depleted.getByRole('heading', { level: 3 })).toContainText('balance is used up');
  await expect(depleted.locator('.dx-confidence-text')).toContainText(
    /Very likely|Possible|Less likely/,
  );
  await expect(depleted.locator('.dx-evidence li').first()).toContainText('CN¥0.00');
  const topUp = depleted
    .locator('li.dx-step')
    .filter({ has: page.getByRole('button', { name: 'Open the top-up page' }) });
  await expect(topUp).toHaveCount(1);
  await expect(topUp.getByTestId('step-status')).toHaveText('Not yet');
  await expect(topUp.locator('.dx-verify')).toContainText('Ticks itself off when');

  // The allowlisted top-up page opens through main, named by kind, never by URL.
  await topUp.getByRole('button', { name: 'Open the top-up page' }).click();
  await expect.poll(() => backend.opened).toEqual(['https://platform.deepseek.com/top_up']);

  // The user tops up on DeepSeek's site; the window re-checks (Re-check now, from the keyboard).
  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')], available: true }); // restored: the top-up landed
  const invokedBefore = harness.invokes.length;
  await view.getByRole('button', { name: 'Re-check now' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(view.getByTestId('diagnosis-healthy')).toContainText('The account is healthy again');
  const fixed = view.locator('article[data-cause="balance-depleted"]');
  await expect(fixed).toHaveAttribute('data-cleared', 'true');
  await expect(fixed.locator('.dx-fixed')).toHaveText('Fixed');
  await expect(
    fixed.locator('li.dx-step[data-done="true"]').first().getByTestId('step-status'),
  ).toHaveText('Done');
  await expect(fixed.getByTestId('steps-progress')).toHaveText(/^[1-9] of \d done$/);
  await expect(view.locator('.dx-account .badge')).toHaveText('Healthy');
  expect(harness.invokes.slice(invokedBefore)).toContain('accounts:refresh');
  expect(harness.invokes.slice(invokedBefore)).toContain('diagnosis:run');

  const state = backend.core().getState();
  expect(state.accounts[0]!.level).toBe('healthy');
  expect(buildTrayModel(state).level).toBe('healthy');
});

test('a pushed poll re-runs the diagnosis by itself: no button, no polling from the window', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await openDepletedDiagnosis(harness, id);

  backend.server.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')] });
  await backend.core().refresh(id); // the boosted 30 s poll firing in main
  await expect(page.getByTestId('diagnosis-healthy')).toContainText('The account is healthy again');
  expect(harness.invokes.filter((c) => c === 'accounts:refresh')).toEqual([]);
});

test('a pasted 401 on a funded account is an invalid key, and "not a balance problem"', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await harness.navigate('diagnosis', id);
  await expect(page.getByTestId('diagnosis-healthy')).toContainText('No cause found');

  await page.getByLabel('Error text').fill(PASTED_401);
  await page.getByRole('button', { name: 'Analyse' }).click();
  const result = page.getByTestId('pasted-result');
  await expect(result).toContainText('Not a balance problem');
  await expect(result).toContainText('401');
  await expect(result).toContainText('authentication_error');
  await expect(page.locator('article.dx-cause').first()).toHaveAttribute(
    'data-cause',
    'invalid-key',
  );
  await expect(page.locator('article[data-cause="balance-depleted"]')).toHaveCount(0);
  await expect(page.locator('article[data-cause="invalid-key"] li.dx-step').first()).toBeVisible();
  // The pasted key fragment never comes back in full.
  await expect(page.locator('body')).not.toContainText('sk-0123456789abcdef');
});

test('Replace key and "I have paid" work inline and feed the next diagnosis', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await openDepletedDiagnosis(harness, id);

  await page.getByRole('button', { name: 'Replace key' }).first().click();
  const keyField = page.getByLabel('New API key for Work');
  await expect(keyField).toBeFocused();
  await keyField.fill('sk-not-a-real-key');
  await page.getByRole('button', { name: 'Verify and save' }).click();
  await expect(page.locator('.dx-replace [role="alert"]')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(keyField).toHaveCount(0);

  // The mark-paid step ticks itself off from the declared fact; main keeps it for the next runs.
  const markPaid = page.locator('li.dx-step[data-step$="mark-paid"]').first();
  await expect(markPaid.getByTestId('step-status')).toHaveText('Not yet');
  await markPaid.getByRole('button', { name: 'I have paid' }).click();
  await expect(page.locator('.dx-account + p')).toContainText('Noted: paid');
  await expect(markPaid.getByTestId('step-status')).toHaveText('Done');
  expect(harness.invokes).toContain('diagnosis:mark-paid');
});

for (const lang of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`diagnosis screenshot, ${lang} ${theme}`, async ({ harness }) => {
      const { page, backend } = harness;
      await page.emulateMedia({ colorScheme: theme });
      await harness.open();
      await harness.addGoodAccount('Work');
      const id = backend.core().getState().accounts[0]!.account.id;
      if (lang === 'zh-CN') await backend.core().updateSettings({ language: 'zh-CN' });
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await openDepletedDiagnosis(harness, id);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        lang === 'en' ? 'Why am I getting 402?' : '为什么会出现 402？',
      );
      await page
        .getByLabel(lang === 'en' ? 'Error text' : '错误内容')
        .fill(
          'Error code: 402 - {"error": {"message": "Insufficient Balance", "type": "unknown_error"}}',
        );
      await page.getByRole('button', { name: lang === 'en' ? 'Analyse' : '分析' }).click();
      await expect(page.getByTestId('pasted-result')).toContainText(
        lang === 'en' ? 'A balance problem' : '是余额问题',
      );
      // docs/screenshots/diagnosis-en-light.png is a copy of the en/light one, made by hand
      // (copying on every run would rewrite a tracked file each time the suite runs).
      await harness.shot(`diagnosis-flow-${lang}-${theme}`);
    });
  }
}
