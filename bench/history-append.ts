/**
 * Append one sample: the durable log vs the electron-store/conf way (the whole history as
 * one array, rewritten atomically on every set), at 10,000 and 100,000 existing samples.
 * Both fsync (conf's `atomically` writer syncs by default), so the comparison is fair.
 */
import Conf from 'conf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileHistoryStore } from '../main/core/history/file-history-store';
import type { Snapshot } from '../shared/model';
import { microsToDecimal } from '../shared/money';
import { MINUTE, YEAR_START, fmt, median } from './history-fixtures';

const sample = (i: number): Snapshot => ({
  at: YEAR_START + i * MINUTE,
  available: true,
  rows: [
    {
      currency: 'CNY',
      total: microsToDecimal(500_000_000 - i * 37),
      granted: '0.00',
      toppedUp: microsToDecimal(500_000_000 - i * 37),
    },
  ],
});

async function logAppend(existing: number, reps: number): Promise<{ median: number; min: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'creditray-bench-'));
  const store = createFileHistoryStore({ dir });
  await store.importSnapshots(
    'a',
    Array.from({ length: existing }, (_, i) => sample(i)),
  );
  await store.append('a', sample(existing)); // opens the file and reads its tail once
  // Warm-up (JIT, first journal commits after the big import write), not measured.
  for (let r = 1; r <= 100; r++) await store.append('a', sample(existing + r));
  const times: number[] = [];
  for (let r = 101; r <= 100 + reps; r++) {
    const t = performance.now();
    await store.append('a', sample(existing + r));
    times.push(performance.now() - t);
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { median: median(times), min: Math.min(...times) };
}

function confAppend(existing: number, reps: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'creditray-bench-conf-'));
  const conf = new Conf<{ history: Snapshot[] }>({
    cwd: dir,
    configName: 'history',
    projectName: 'creditray-bench',
  });
  conf.set(
    'history',
    Array.from({ length: existing }, (_, i) => sample(i)),
  );
  const times: number[] = [];
  for (let r = 1; r <= reps; r++) {
    const t = performance.now();
    const h = conf.get('history');
    h.push(sample(existing + r));
    conf.set('history', h);
    times.push(performance.now() - t);
  }
  rmSync(dir, { recursive: true, force: true });
  return median(times);
}

/** Prints one line per size and returns the figures for the summary. */
export async function benchAppend(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [n, confReps] of [
    [10_000, 15],
    [100_000, 5],
  ] as const) {
    const { median: log, min } = await logAppend(n, 300);
    const conf = confAppend(n, confReps);
    const ratio = conf / log;
    // fdatasync latency depends on whatever else writes to the disk; the fastest shows the floor.
    console.log(`  (log append fastest of 300: ${fmt(min)}; median includes fdatasync waits)`);
    console.log(
      `append one sample at ${n.toLocaleString('en')} existing: log ${fmt(log)}, conf ${fmt(conf)}, ratio ${ratio.toFixed(0)}x${n === 100_000 ? ' (target >= 100x)' : ''}`,
    );
    out[`append@${n}`] = `log ${fmt(log)} vs conf ${fmt(conf)} = ${ratio.toFixed(0)}x`;
  }
  return out;
}
