/**
 * One account-year of one-minute readings with typical usage: disk size, load time and
 * forecast time, as the appender leaves it (no compaction) and after the rollup the app runs.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileHistoryStore, fileNameFor } from '../main/core/history/file-history-store';
import {
  ANALYTICS_LOOKBACK_MS,
  computeBurnRate,
  forecast,
  historyInsights,
  pointsFromSnapshots,
} from '../shared/analytics';
import { DAY, fmt, mb, median, thinLikeAppender, yearOfMinutes } from './history-fixtures';

function time<T>(reps: number, fn: () => T): number {
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

async function timeAsync(reps: number, fn: () => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** Prints the year figures and returns them for the summary. */
export async function benchYear(): Promise<Record<string, string>> {
  const all = yearOfMinutes();
  const written = thinLikeAppender(all);
  const now = (all[all.length - 1]?.at ?? 0) + 60_000;
  const dir = mkdtempSync(join(tmpdir(), 'creditray-bench-year-'));
  const store = createFileHistoryStore({ dir, now: () => now });
  const file = join(dir, fileNameFor('a'));
  const out: Record<string, string> = {};
  try {
    await store.importSnapshots('a', written);
    const rawSize = statSync(file).size;
    const loadRaw = await timeAsync(5, () => createFileHistoryStore({ dir }).read('a'));
    const rawSnaps = await store.read('a');
    await store.compact('a');
    const size = statSync(file).size;
    const load = await timeAsync(9, () => createFileHistoryStore({ dir }).read('a'));
    const snaps = await store.read('a');
    console.log(
      `\naccount-year of 1-minute readings: ${all.length.toLocaleString('en')} polls, ${written.length.toLocaleString('en')} lines written (changes + hourly heartbeats)`,
    );
    console.log(`  before rollup: ${mb(rawSize)} on disk, load ${fmt(loadRaw)}`);
    console.log(
      `  after rollup (${snaps.length.toLocaleString('en')} readings): ${mb(size)} on disk (target <= 2 MB), load ${fmt(load)} (target <= 100 ms)`,
    );
    const thresholds = { low: '20', critical: '5' };
    for (const [label, list] of [
      ['after rollup', snaps],
      ['before rollup', rawSnaps],
    ] as const) {
      const points = pointsFromSnapshots(list, 'CNY');
      const f = time(21, () => forecast(points, thresholds, now));
      const b = time(21, () => computeBurnRate(points, now));
      const p = time(5, () => pointsFromSnapshots(list, 'CNY'));
      const all = time(21, () =>
        historyInsights(list, 'CNY', { thresholds, budget: { kind: 'fixed', amount: '100' }, now }),
      );
      console.log(
        `  ${label}: forecast ${fmt(f)} (target <= 20 ms), burn rate ${fmt(b)}; all readings->points ${fmt(p)}; ` +
          `historyInsights (points of the last ${ANALYTICS_LOOKBACK_MS / DAY} days + burn rate + forecast) ${fmt(all)}`,
      );
      if (label === 'after rollup')
        out['forecast (year)'] = `${fmt(f)}; with building points ${fmt(all)}`;
    }
    const check = forecast(pointsFromSnapshots(snaps, 'CNY'), thresholds, now);
    console.log(
      `  sanity: forecast status ${check.status}${check.status === 'ok' ? `, ${check.perDay.expected.decimal} CNY/day` : ''}; ${Math.round((now - (snaps[0]?.at ?? now)) / DAY)} days of history`,
    );
    out['year on disk'] = `${mb(size)} after rollup (${mb(rawSize)} before)`;
    out['year load'] = `${fmt(load)} after rollup (${fmt(loadRaw)} before)`;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
