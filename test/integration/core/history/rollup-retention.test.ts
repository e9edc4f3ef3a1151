/**
 * Rollup and retention over simulated years: three years of half-hourly readings with daily
 * spend, monthly top-ups and gift grants/expiries, compacted as time moves on.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../../main/core/history/file-history-store';
import { HOURLY_KEEP_MS, RAW_KEEP_MS, rollup } from '../../../../main/core/history/rollup';
import type { Snapshot } from '../../../../shared/model';
import { microsToDecimal } from '../../../../shared/money';
import { pointsFromSnapshots } from '../../../../shared/analytics';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2023, 0, 1);
const STEP = 30 * 60_000;

/** Deterministic series: spend in working hours, a top-up every 30 days, a gift every 90 days that expires 45 days later. */
function years(n: number): Snapshot[] {
  const out: Snapshot[] = [];
  let granted = 0;
  let topped = 50_000_000;
  for (let at = START; at < START + n * 365 * DAY; at += STEP) {
    const dayIndex = Math.floor((at - START) / DAY);
    const hour = ((at - START) % DAY) / HOUR;
    if ((at - START) % (30 * DAY) === 0) topped += 100_000_000;
    if ((at - START) % (90 * DAY) === 0) granted += 10_000_000;
    if ((at - START) % (90 * DAY) === 45 * DAY) granted = 0;
    const spend = hour >= 1 && hour < 10 && dayIndex % 7 < 5 ? 250_000 : 0;
    const fromGranted = Math.min(granted, spend);
    granted -= fromGranted;
    topped = Math.max(0, topped - (spend - fromGranted));
    const row = (t: number, g: number, u: number) => ({
      currency: 'CNY',
      total: microsToDecimal(t),
      granted: microsToDecimal(g),
      toppedUp: microsToDecimal(u),
    });
    out.push({
      at,
      available: topped + granted > 0,
      rows: [row(granted + topped, granted, topped)],
    });
  }
  return out;
}

/** Sum of falls and rises of one amount: what rollup must preserve exactly. */
function variation(
  snaps: Snapshot[],
  pick: (p: ReturnType<typeof pointsFromSnapshots>[number]) => number,
): { down: number; up: number } {
  const pts = pointsFromSnapshots(snaps, 'CNY');
  let down = 0;
  let up = 0;
  for (let i = 1; i < pts.length; i++) {
    const d = pick(pts[i] as never) - pick(pts[i - 1] as never);
    if (d < 0) down -= d;
    else up += d;
  }
  return { down, up };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('history rollup and retention', () => {
  const raw = years(3);
  const now = raw[raw.length - 1]!.at + STEP;
  const rolled = rollup(raw, now);

  it('keeps the last 14 days raw, at most a few readings per hour for 2 years, per day after', () => {
    const perBucket = new Map<string, number>();
    for (const s of rolled) {
      const age = now - s.at;
      const key =
        age <= RAW_KEEP_MS
          ? `r${s.at}`
          : age <= HOURLY_KEEP_MS
            ? `h${Math.floor(s.at / HOUR)}`
            : `d${Math.floor(s.at / DAY)}`;
      perBucket.set(key, (perBucket.get(key) ?? 0) + 1);
    }
    expect(rolled.filter((s) => now - s.at <= RAW_KEEP_MS)).toEqual(
      raw.filter((s) => now - s.at <= RAW_KEEP_MS),
    );
    // Turning points (top-up, gift, expiry) may add a reading or two to a bucket; never more.
    expect(Math.max(...perBucket.values())).toBeLessThanOrEqual(3);
    const daily = rolled.filter((s) => now - s.at > HOURLY_KEEP_MS);
    expect(daily.length).toBeLessThanOrEqual(Math.ceil((3 * 365 - 730) * 1.1));
    expect(rolled.length).toBeLessThan(raw.length / 2.5);
  });

  it('preserves total spend, top-ups and gift changes exactly', () => {
    for (const pick of [
      (p: { total: number }) => p.total,
      (p: { granted: number }) => p.granted,
      (p: { toppedUp: number }) => p.toppedUp,
    ]) {
      expect(variation(rolled, pick as never)).toEqual(variation(raw, pick as never));
    }
    expect(rolled[0]).toEqual(raw[0]);
    expect(rolled.at(-1)).toEqual(raw.at(-1));
  });

  it('is idempotent: compacting again changes nothing', () => {
    expect(rollup(rolled, now)).toEqual(rolled);
  });

  it('moves old readings to coarser tiers as years pass, through the store, shrinking the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditray-rollup-'));
    dirs.push(dir);
    let clock = now;
    const store = createFileHistoryStore({ dir, now: () => clock });
    await store.importSnapshots('a', raw);
    const size0 = statSync(join(dir, 'a.log')).size;
    await store.compact();
    const size1 = statSync(join(dir, 'a.log')).size;
    expect(await store.read('a')).toEqual(rolled);
    clock = now + 365 * DAY;
    await store.compact('a');
    const size2 = statSync(join(dir, 'a.log')).size;
    const later = await store.read('a');
    expect(later.filter((s) => s.at < clock - HOURLY_KEEP_MS).length).toBeLessThanOrEqual(
      Math.ceil(2 * 365 * 1.1),
    );
    expect(variation(later, (p) => p.total)).toEqual(variation(raw, (p) => p.total));
    expect(size1).toBeLessThan(size0 / 2.5);
    expect(size2).toBeLessThan(size1);
    // Appending continues normally after compaction.
    await store.append('a', { ...raw.at(-1)!, at: clock });
    expect((await store.read('a')).at(-1)?.at).toBe(clock);
    await store.close();
  });
});
