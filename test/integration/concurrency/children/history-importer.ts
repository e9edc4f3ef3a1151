/**
 * Child process: imports readings into one account of a history directory, one import per
 * reading (each a whole-file rewrite), and prints "ack <n>" once import n has returned.
 * Usage: node history-importer.mjs DIR ACCOUNT START COUNT
 */
import { createFileHistoryStore } from '../../../../main/core/history/file-history-store';
import { snapshotFor } from '../../../fakes/numbered-snapshot';

const [dir, account, startArg, countArg] = process.argv.slice(2);
if (!dir || !account || !startArg || !countArg)
  throw new Error('usage: history-importer DIR ACCOUNT START COUNT');
const store = createFileHistoryStore({ dir, now: () => snapshotFor(0).at + 1e9 });
const start = Number(startArg);
for (let n = start; n < start + Number(countArg); n++) {
  try {
    await store.importSnapshots(account, [snapshotFor(n)]);
    process.stdout.write(`ack ${n}\n`);
  } catch (e) {
    process.stdout.write(`fail ${n} ${(e as Error).message}\n`);
  }
}
await store.close();
