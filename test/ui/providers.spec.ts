/**
 * More than DeepSeek, end to end: the add-account form's provider picker, a second
 * provider's account next to DeepSeek's on the dashboard (through the real core, against the
 * fake provider server at the provider's own production origin), a relay's required address
 * and "unlimited" key, a reading's labelled facts, and an error-only provider's page opened
 * from a diagnosis step through main's own link table.
 */
import { RELAY_ORIGIN } from './harness/relay-origin';
import { expect, test, type Harness } from './harness/fixtures';

const MOONSHOT_KEY = 'sk-kimi0123456789abcdef0123456789ab';

/** Opens the add screen from the dashboard and picks a provider by its radio's name. */
async function addScreen(harness: Harness, provider: string): Promise<void> {
  const { page } = harness;
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an account' })).toBeVisible();
  await page.getByRole('radio', { name: provider }).check();
}

test('adds a Moonshot account next to DeepSeek: both rows, each with its provider name', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  // DeepSeek is the first choice and already picked.
  await expect(page.getByRole('radio', { name: 'DeepSeek' })).toBeChecked();
  await harness.addGoodAccount('Work');

  await addScreen(harness, 'Moonshot (Kimi)');
  // What is read, and which site: China is the default, the international site is one click away.
  await expect(page.getByText('Reads the available balance, vouchers and cash')).toBeVisible();
  const group = page.getByRole('group', { name: 'Site where the key was created' });
  await expect(group.getByRole('radio', { name: /api\.moonshot\.cn/ })).toBeChecked();
  await expect(group.getByRole('radio', { name: /api\.moonshot\.ai/ })).not.toBeChecked();
  await page.getByLabel('Name').fill('Kimi');
  await page.getByLabel('Moonshot (Kimi) API key').fill(MOONSHOT_KEY);
  await expect(page.getByText('sent only to Moonshot (Kimi), nowhere else')).toBeVisible();
  await harness.shot('onboarding-moonshot-en-light');
  await page.getByRole('button', { name: 'Verify and add' }).click();

  await expect(page.locator('li.account-row')).toHaveCount(2);
  await expect(harness.row('Work').locator('.row-provider')).toHaveText('DeepSeek');
  await expect(harness.row('Kimi').locator('.row-provider')).toHaveText('Moonshot (Kimi)');
  await expect(harness.row('Kimi').getByTestId('row-balance')).toContainText('49.59');
  await harness.shot('dashboard-two-providers-en-light');
  // The key went to Moonshot's China origin (routed to the fake), and only there.
  const kimi = backend
    .core()
    .getState()
    .accounts.find((a) => a.account.label === 'Kimi')!;
  expect(kimi.account).toMatchObject({ provider: 'moonshot', baseUrl: 'https://api.moonshot.cn' });
  expect(backend.providers.requests.map((r) => r.path)).toContain('/v1/users/me/balance');
  expect(
    backend.providers.requests.every((r) => r.authorization === `Bearer ${MOONSHOT_KEY}`),
  ).toBe(true);
});

test('a relay needs its address, and its unlimited key says "Unlimited"; OpenRouter shows its facts', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await page.getByRole('radio', { name: 'one-api / new-api relay' }).check();
  await page.getByLabel('Relay API key').fill('sk-relay-0123456789abcdef');
  await page.getByRole('button', { name: 'Verify and add' }).click();
  await expect(page.getByText('Enter your relay’s address first.')).toBeVisible();
  await expect(page.getByLabel('Relay address')).toHaveAttribute('aria-invalid', 'true');
  expect(backend.core().getState().accounts).toHaveLength(0);
  await page.getByLabel('Relay address').fill(`${RELAY_ORIGIN}/v1`);
  await page.getByLabel('Name').fill('Gateway');
  await page.getByRole('button', { name: 'Verify and add' }).click();
  await expect(harness.row('Gateway').getByTestId('row-balance')).toHaveText('Unlimited');
  const card = await harness.openAccount('Gateway');
  await expect(card.getByTestId('headline')).toHaveText('Unlimited');
  await expect(card).toContainText('no spending cap');
  await expect(card.locator('table.rows')).toHaveCount(0);

  await page.getByRole('button', { name: 'All accounts' }).click();
  await addScreen(harness, 'OpenRouter');
  await page.getByLabel('Name').fill('Router');
  await page.getByLabel('OpenRouter API key').fill('sk-or-v1-0123456789abcdef0123456789');
  await page.getByRole('button', { name: 'Verify and add' }).click();
  const router = await harness.openAccount('Router');
  await expect(router.getByTestId('headline')).toHaveText('$74.50');
  const facts = router.getByRole('group', { name: 'More figures from the provider' });
  await expect(facts.locator('[data-fact="usage-monthly"]')).toHaveText(
    /Used this month\s*\$25\.50/,
  );
  await expect(facts.locator('[data-fact="key-limit"]')).toHaveText(/Key limit\s*\$100\.00/);
});

test.describe('in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });
  test('the picker, the site choice and the key field speak Chinese', async ({ harness }) => {
    const { page } = harness;
    await harness.open();
    await expect(page.getByRole('group', { name: '服务商' })).toBeVisible();
    await page.getByRole('radio', { name: 'SiliconFlow' }).check();
    await expect(page.getByText('读取总余额、赠送余额与充值余额')).toBeVisible();
    await expect(page.getByRole('radio', { name: /api\.siliconflow\.com/ })).toBeVisible();
    await expect(page.getByText('中国站已不再向 API 密钥显示余额')).toBeVisible();
    await expect(page.getByLabel('SiliconFlow 密钥')).toBeVisible();
    await harness.shot('onboarding-siliconflow-zh-light');
  });
});

const ANTHROPIC_LOW =
  'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."},"request_id":"req_011CbrFTcXhtiMzr3s6EocF7"}';

test("opens an error-only provider's top-up page from a diagnosis step", async ({ harness }) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await harness.navigate('diagnosis', id);
  await page.getByLabel('Error text').fill(ANTHROPIC_LOW);
  await page.getByRole('button', { name: 'Analyse' }).click();
  const step = page.locator('li.dx-step[data-step="top-up"]').first();
  await expect(step).toContainText('Anthropic');
  await step.getByRole('button', { name: 'Open the top-up page' }).click();
  await expect
    .poll(() => backend.opened)
    .toEqual(['https://console.anthropic.com/settings/billing']);
});

test('a custom endpoint: the mapping is checked on its field, a misfit is explained, then it is added', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await page.getByRole('radio', { name: 'Custom endpoint' }).check();
  await expect(page.getByText('Reads one balance from a JSON answer you describe')).toBeVisible();
  const url = page.getByLabel('Balance URL');
  await url.fill(`${RELAY_ORIGIN}/api/account/balance?detail=1`);
  await page.getByLabel('Custom endpoint API key').fill('gw-0123456789abcdef0123');
  const verify = page.getByRole('button', { name: 'Verify and add' });

  // An empty balance path is refused on its field, which takes the focus; nothing is sent.
  await verify.click();
  const balance = page.getByLabel('Where the balance is');
  await expect(balance).toBeFocused();
  await expect(balance).toHaveAttribute('aria-invalid', 'true');
  await expect(balance).toHaveAccessibleDescription(/Fill in this field\./);
  await balance.fill('data..balance');
  await verify.click();
  await expect(page.getByText(/This cannot be used: the JSON path has an unusable part/)).toBeVisible();
  expect(backend.providers.requests).toHaveLength(0);

  // A path that does not fit the answer: main says where the answer stopped and what is there.
  await balance.fill('data.credit');
  await verify.click();
  const problem = page.getByTestId('add-error');
  await expect(problem).toContainText('nothing at data.credit');
  await expect(problem).toContainText('it has: balance, gift_balance, currency, email');
  await expect(problem).toContainText('Creditray could not read a balance from the answer');
  await expect(page.getByLabel('Custom endpoint API key')).not.toHaveAttribute('aria-invalid');
  await harness.shot('onboarding-custom-misfit-en-light');

  // Fixed: the balance and the currency from the answer, the key in a header of its own.
  await balance.fill('data.balance');
  await page.getByRole('radio', { name: 'Named in the answer at' }).check();
  await page.getByLabel('Path of the currency in the answer').fill('data.currency');
  await page.getByLabel('How the key is sent').selectOption('header');
  await page.getByLabel('Header name').fill('X-Api-Key');
  // Until named, the account is called by its host.
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('placeholder', 'relay.example.com');
  await page.getByLabel('Name', { exact: true }).fill('Gateway');
  const before = backend.providers.requests.length;
  await verify.click();
  await expect(harness.row('Gateway').locator('.row-provider')).toHaveText('Custom endpoint');
  await expect(harness.row('Gateway').getByTestId('row-balance')).toContainText('12.35');
  const gw = backend
    .core()
    .getState()
    .accounts.find((a) => a.account.label === 'Gateway')!;
  expect(gw.account).toMatchObject({
    provider: 'custom',
    baseUrl: RELAY_ORIGIN,
    custom: { path: '/api/account/balance?detail=1', keyPlacement: 'header', keyHeader: 'X-Api-Key', balance: 'data.balance', currencyPath: 'data.currency' },
  });
  const sent = backend.providers.requests.slice(before);
  expect(sent.length).toBeGreaterThan(0);
  for (const r of sent) {
    expect(r.headers['x-api-key']).toBe('gw-0123456789abcdef0123');
    expect(r.authorization).toBeNull();
  }
});

test('settings move an account to the other site after checking its key there; a refused address changes nothing', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  await addScreen(harness, 'Moonshot (Kimi)');
  await page.getByLabel('Name', { exact: true }).fill('Kimi');
  await page.getByLabel('Moonshot (Kimi) API key').fill(MOONSHOT_KEY);
  await page.getByRole('button', { name: 'Verify and add' }).click();
  await expect(page.locator('li.account-row')).toHaveCount(2);
  const kimiId = backend.core().getState().accounts.find((a) => a.account.label === 'Kimi')!.account.id;

  await page.getByRole('button', { name: 'Settings' }).first().click();
  const kimi = page.locator(`#account-settings-${kimiId}`);
  const where = kimi.getByRole('group', { name: 'Where the key is sent' });
  await where.getByRole('radio', { name: /api\.moonshot\.ai/ }).check();
  const before = backend.providers.requests.length;
  await where.getByRole('button', { name: 'Check and use this address' }).click();
  await expect(where.getByRole('status')).toHaveText('Now checked at https://api.moonshot.ai.');
  expect(backend.core().getState().accounts.find((a) => a.account.id === kimiId)!.account.baseUrl).toBe('https://api.moonshot.ai');
  expect(backend.providers.requests.slice(before).every((r) => r.authorization === `Bearer ${MOONSHOT_KEY}`)).toBe(true);
  expect(backend.providers.requests.length).toBeGreaterThan(before);

  // DeepSeek behind an address the key must not travel to: refused, nothing changes.
  const workId = backend.core().getState().accounts.find((a) => a.account.label === 'Work')!.account.id;
  const work = page.locator(`#account-settings-${workId}`).getByRole('group', { name: 'Where the key is sent' });
  await work.getByLabel('Base URL').fill('http://api.deepseek.com');
  await work.getByLabel('Base URL').press('Enter'); // runs this check, not the panel's Save
  await expect(work.getByTestId('endpoint-error')).toContainText('only https');
  expect(backend.core().getState().accounts.find((a) => a.account.id === workId)!.account.baseUrl).toBe('https://api.deepseek.com');
  await harness.shot('settings-endpoint-en-light');
});
