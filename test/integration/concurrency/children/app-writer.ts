/**
 * Child process for the torture suite, doing what the running app does to the data dir:
 * appends a new reading to an account's history through the real file store, saves a
 * setting now and then (the write that used to erase accounts the CLI had added), and
 * compacts the history (a rename over the log) every `compactEvery` readings.
 * Prints "ack <n>" once reading n is durable and "set" after each settings save.
 * Usage: node app-writer.mjs DATA_DIR ACCOUNT_ID DURATION_MS COMPACT_EVERY
 */
import { historyDir } from '../../../../main/core/data-dir';
import { createFileHistoryStore } from '../../../../main/core/history/file-history-store';
import { openNodeSettings } from '../../../../main/core/settings-store';
import { BASE, snapshotFor } from '../../../fakes/numbered-snapshot';

const [dataDir, accountId, durationArg, compactArg] = process.argv.slice(2);
if (!dataDir || !accountId || !durationArg || !compactArg)
  throw new Error('usage: app-writer DATA_DIR ACCOUNT_ID DURATION_MS COMPACT_EVERY');
const settings = openNodeSettings(dataDir);
// Compaction's clock sits just after the readings: every one of them is still kept raw.
const history = createFileHistoryStore({ dir: historyDir(dataDir), now: () => BASE + 3_600_000 });
const until = Date.now() + Number(durationArg);
const compactEvery = Number(compactArg);
for (let n = 0; Date.now() < until; n++) {
  await history.append(accountId, snapshotFor(n));
  process.stdout.write(`ack ${n}\n`);
  if (n % 25 === 24) {
    settings.updateSettings({ pollIntervalSec: n % 50 === 49 ? 120 : 300 });
    process.stdout.write('set\n');
  }
  if (n % compactEvery === compactEvery - 1) await history.compact(accountId);
}
await history.close();
