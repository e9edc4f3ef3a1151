/**
 * Child process for the crash test: appends ever-changing snapshots to a history store as
 * fast as it can and prints "ack <n>" once record n is durable, until the parent kills it.
 * Every `compactEvery` records it also compacts, so kills land inside compaction too.
 * Usage: node --import tsx history-writer-child.ts DIR START_N [compactEvery]
 */
import { fileURLToPath } from 'node:url';
import { createFileHistoryStore } from '../../main/core/history/file-history-store';

import { BASE, snapshotFor } from './numbered-snapshot';

export { snapshotFor };

async function main(dir: string, start: number, compactEvery: number): Promise<never> {
  const store = createFileHistoryStore({ dir, now: () => BASE + 1e9 });
  let n = start;
  process.stdout.write('ready\n');
  for (;;) {
    await store.append('acct', snapshotFor(n));
    process.stdout.write(`ack ${n}\n`);
    n++;
    if (compactEvery > 0 && n % compactEvery === 0) await store.compact('acct');
  }
}

// Only when run as a process: the test imports snapshotFor from here too.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, startArg, compactArg] = process.argv.slice(2);
  if (!dir || !startArg)
    throw new Error('usage: history-writer-child.ts DIR START_N [compactEvery]');
  await main(dir, Number(startArg), Number(compactArg ?? '0'));
}
