/**
 * Hostile input in the window (issue 11): a relay's non-ISO unit (USDT) is shown as
 * "12.50 USDT" instead of crashing Intl, and a card that cannot render costs that card only,
 * never the whole dashboard.
 */
import type { AppState } from '../../shared/model';
import { FAKE_DEEPSEEK_KEY } from '../fakes/deepseek-server';
import { expect, test } from './harness/fixtures';

test('a USDT balance is shown as "12.50 USDT" with its history and the window keeps working', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Relay');
  backend.server.setBalanceBody({
    is_available: true,
    balance_infos: [
      {
        currency: 'USDT',
        total_balance: '40.00',
        granted_balance: '0.00',
        topped_up_balance: '40.00',
      },
    ],
  });
  await backend.core().refresh();
  backend.server.setBalanceBody({
    is_available: true,
    balance_infos: [
      {
        currency: 'USDT',
        total_balance: '12.50',
        granted_balance: '0.00',
        topped_up_balance: '12.50',
      },
    ],
  });
  await backend.core().refresh();
  await expect(harness.row('Relay').getByTestId('row-balance')).toHaveText('12.50 USDT');
  const card = await harness.openAccount('Relay');
  await expect(card.getByTestId('headline')).toHaveText('12.50 USDT');
  await expect(card.getByRole('row', { name: /USDT/ })).toContainText('12.50');
  await expect(page.locator('.card-broken')).toHaveCount(0);
  await harness.navigate('history', backend.core().getState().accounts[0]!.account.id);
  await expect(page.locator('main h1').first()).toBeVisible();
});

test('a card that cannot render is replaced by a notice; the other cards and the dashboard stay', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  // Two accounts need two keys: the same key twice is refused as a duplicate.
  const second = 'sk-0123456789abcdef0123456789abe42';
  backend.server.setValidKeys([FAKE_DEEPSEEK_KEY, second]);
  await harness.addGoodAccount('Work');
  await harness.addGoodAccount('Broken', second);
  const state = backend.core().getState();
  const [good, bad] = state.accounts;
  // A reading whose rows are not a list: no core sends this today; a future field or a bug might.
  const broken = { ...bad!, snapshot: { ...bad!.snapshot!, rows: 7 as unknown as [] } };
  const hostile: AppState = { ...state, accounts: [good!, broken] };
  await page.evaluate(
    (s) =>
      (globalThis as unknown as { __creditrayPush(c: string, p: unknown): number }).__creditrayPush(
        'creditray:state:changed',
        s,
      ),
    hostile,
  );
  // The list does not read the rows: both accounts keep their line.
  await expect(page.locator('li.account-row')).toHaveCount(2);
  await harness.row('Broken').locator('button.row-open').click();
  await expect(page.locator('.card-broken')).toHaveCount(1);
  await expect(page.locator('.card-broken')).toContainText('This card could not be shown');
  // The rest of the window stays: back to the list, the other account's detail works.
  await page.getByRole('button', { name: 'All accounts' }).click();
  const work = await harness.openAccount('Work');
  await expect(work.getByTestId('headline')).toHaveText('CN¥110.00');
  // The next good state renders the card again.
  await backend.core().refresh();
  await page.getByRole('button', { name: 'All accounts' }).click();
  await harness.row('Broken').locator('button.row-open').click();
  await expect(page.locator('.card-broken')).toHaveCount(0);
  await expect(page.locator('article.card')).toHaveCount(1);
});
