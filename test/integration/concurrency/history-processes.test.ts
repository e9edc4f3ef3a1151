/**
 * Regression tests for issue 11: two processes writing one account's history. Before the
 * cross-process lock, an app-like writer kept appending to its handle of a file that an
 * import in another process had renamed over (acknowledged, fsynced readings vanished), and
 * two importers shared one temp file (readings they reported as imported went missing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../main/core/history/file-history-store';
import { snapshotFor } from '../../fakes/numbered-snapshot';
import { exited, startChild } from './child-bundle';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'creditray-procs-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Record numbers stored for `account`, read by a fresh store as the next process would. */
async function storedNumbers(dir: string, account: string): Promise<number[]> {
  const store = createFileHistoryStore({ dir });
  const snaps = await store.read(account);
  await store.close();
  return snaps.map((s) => (s.at - snapshotFor(0).at) / 1000);
}

describe('history shared by several processes', () => {
  it('keeps every reading an app-like writer acknowledged while another process imports', async () => {
    const dir = tmp();
    const acks: number[] = [];
    let ready: () => void = () => {};
    const started = new Promise<void>((r) => (ready = r));
    const writer = startChild(
      'test/fakes/history-writer-child.ts',
      [dir, '1000000', '0'],
      (line) => {
        if (line === 'ready') ready();
        else if (line.startsWith('ack ')) acks.push(Number(line.slice(4)));
      },
    );
    await started;
    const importer = createFileHistoryStore({ dir, now: () => snapshotFor(0).at + 1e9 });
    const imported: number[] = [];
    for (let i = 0; i < 15; i++) {
      const seen = acks.length;
      while (acks.length < seen + 5) {
        // A writer that died would leave this loop waiting for ever: fail with its exit code.
        if (writer.exitCode !== null || writer.signalCode !== null)
          throw new Error(
            `the app-like writer exited (${writer.exitCode ?? writer.signalCode}) after ${acks.length} acknowledged readings`,
          );
        await new Promise((r) => setTimeout(r, 5));
      }
      await importer.importSnapshots('acct', [snapshotFor(i)]);
      imported.push(i);
    }
    await importer.close();
    writer.kill('SIGTERM');
    await exited(writer);

    const stored = new Set(await storedNumbers(dir, 'acct'));
    const lost = acks.filter((n) => !stored.has(n));
    expect({ acknowledged: acks.length, lost: lost.length }).toEqual({
      acknowledged: acks.length,
      lost: 0,
    });
    expect(imported.filter((n) => !stored.has(n))).toEqual([]);
  }, 300_000); // ~5 s on an idle machine; a machine loaded twentyfold needs far longer

  it('loses nothing when two processes import into one account at the same time', async () => {
    const dir = tmp();
    const acked: number[] = [];
    const failed: string[] = [];
    const onLine = (line: string) => {
      if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
      else if (line.startsWith('fail ')) failed.push(line);
    };
    const children = [0, 1].map((k) =>
      startChild(
        'test/integration/concurrency/children/history-importer.ts',
        [dir, 'acct', String(k * 1000), '60'],
        onLine,
      ),
    );
    await Promise.all(children.map(exited));

    const stored = await storedNumbers(dir, 'acct');
    expect(acked.filter((n) => !stored.includes(n))).toEqual([]);
    expect(failed).toEqual([]);
    expect(acked).toHaveLength(120);
    expect(new Set(stored).size).toBe(stored.length);
  }, 300_000);
});
