import { readFileSync } from 'node:fs';
import { expect, test } from './harness/fixtures';
import { seedReadings } from './harness/seed';

const HEADER = 'time,currency,total,granted,toppedUp,available';

test('the card shows burn rate and when the balance runs out once there is history', async ({
  harness,
}) => {
  const { backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const card = await harness.openAccount('Work');
  // One reading says nothing about speed yet.
  await expect(card.getByTestId('burn-rate')).toContainText('Collecting data');
  await expect(card.getByTestId('forecast')).toContainText('Collecting data');
  const heightBefore = (await card.boundingBox())!.height;

  const id = backend.core().getState().accounts[0]!.account.id;
  for (const s of seedReadings(30 * 144, 600_000, Date.now() - 60_000))
    await backend.history.append(id, s);
  // A restarted core reads the history back, as the app does at launch.
  await backend.restart();
  await backend.core().refresh(id);
  await harness.open();
  await expect(harness.row('Work').getByTestId('row-days')).toHaveText(/^\d+ days left$/);
  await harness.openAccount('Work');

  await expect(card.getByTestId('burn-rate')).toContainText(/CN¥\d+\.\d\d a day/);
  await expect(card.getByTestId('forecast')).toContainText(
    /\d+ days left · about \w{3} \d{1,2}, \d{4}/,
  );
  await expect(card.getByTestId('forecast-range')).toHaveText(
    /^between \w{3} \d{1,2}, \d{4} and \w{3} \d{1,2}, \d{4}$/,
  );
  // The rows were reserved: the numbers arriving did not change the card's height.
  expect((await card.boundingBox())!.height).toBe(heightBefore);
  await harness.shot('dashboard-insights-en-light');
});

test('the card shows what was spent of the budget since the last top-up', async ({ harness }) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  for (const s of seedReadings(10 * 144, 600_000, Date.now() - 60_000))
    await backend.history.append(id, s);
  await backend.core().updateAccount({ id, patch: { budget: { kind: 'since-top-up' } } });
  await backend.restart();
  await backend.core().refresh(id);
  await harness.open();
  await harness.openAccount('Work');
  await expect(page.getByTestId('budget-spent')).toContainText(
    /Spent CN¥\d+\.\d\d of CN¥\d+\.\d\d since \w{3} \d{1,2}, \d{4}/,
  );
});

test('exports the history as a CSV download with the same content main produces', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  for (const s of seedReadings(50, 600_000, Date.now() - 60_000))
    await backend.history.append(id, s);
  await page.getByRole('button', { name: 'History', exact: true }).first().click();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^creditray-Work-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const expected = await backend.core().exportHistory({ id, format: 'csv' });
  expect(expected.ok && text).toBe(expected.ok && expected.value);
  expect(text.split('\n')[0]).toBe(HEADER);
  expect(text.trim().split('\n')).toHaveLength(1 + 51 * 2); // 50 seeded + the poll, two currencies each
  await expect(page.getByTestId('history-transfer-status')).toContainText(
    download.suggestedFilename(),
  );
});

test('importing a bad CSV names the bad lines and changes nothing; a good one adds the readings', async ({
  harness,
}) => {
  const { page, backend } = harness;
  await harness.open();
  await harness.addGoodAccount('Work');
  const id = backend.core().getState().accounts[0]!.account.id;
  await page.getByRole('button', { name: 'History', exact: true }).first().click();
  await page.getByRole('button', { name: 'All' }).click();
  await expect(page.getByTestId('history-count')).toContainText('1 reading');
  const before = await backend.history.read(id);

  const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
  const bad = [
    HEADER,
    `${day(40)},CNY,50.00,0.00,50.00,true`,
    `last tuesday,CNY,49.00,0.00,49.00,true`,
    `${day(38)},CNY,4x,0.00,48.00,true`,
  ].join('\n');
  await page
    .getByTestId('history-import-input')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const status = page.getByTestId('history-transfer-status');
  await expect(status).toContainText('The file was not imported.');
  await expect(status).toContainText('Line 3: time is not an ISO-8601');
  await expect(status).toContainText('Line 4: total: not a decimal amount');
  expect(await backend.history.read(id)).toEqual(before);
  await expect(page.getByTestId('history-count')).toContainText('1 reading');

  const good = [
    HEADER,
    `${day(40)},CNY,50.00,0.00,50.00,true`,
    `${day(39)},CNY,49.00,0.00,49.00,true`,
    `${day(38)},CNY,48.00,0.00,48.00,true`,
  ].join('\r\n');
  await page
    .getByTestId('history-import-input')
    .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(status).toContainText('Imported 3 readings.');
  expect(await backend.history.read(id)).toHaveLength(before.length + 3);
  await expect(page.getByTestId('history-count')).toContainText('4 readings');
});
