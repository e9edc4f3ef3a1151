import { describe, expect, it } from 'vitest';
import { createDemoProvider, DEMO_CYCLE_MS, DEMO_EMPTY_MS, DEMO_GRANTED_CNY, demoBalanceBodyAt, demoSnapshotAt } from '../../../../main/core/providers/demo';
import { createProviders } from '../../../../main/core/providers/registry';
import { DEFAULT_THRESHOLDS, PROVIDER_IDS, type Snapshot } from '../../../../shared/model';
import { toMicros } from '../../../../shared/money';

const cny = (s: Snapshot) => s.rows.find((r) => r.currency === 'CNY')!;
/** The level a snapshot would show with default CNY thresholds (the real level logic lives elsewhere). */
function roughLevel(s: Snapshot): string {
  const total = toMicros(cny(s).total);
  if (!s.available || total <= 0) return 'depleted';
  if (total < toMicros(DEFAULT_THRESHOLDS.CNY.critical)) return 'critical';
  if (total < toMicros(DEFAULT_THRESHOLDS.CNY.low)) return 'low';
  return 'healthy';
}

describe('demoSnapshotAt', () => {
  it('starts healthy at about CNY 60 with gift credit intact', () => {
    const s = demoSnapshotAt(0);
    expect(cny(s)).toEqual({ currency: 'CNY', total: '60.00', granted: `${DEMO_GRANTED_CNY}.00`, toppedUp: '52.00' });
    expect(s.available).toBe(true);
  });

  it('passes through every level within one cycle, stays empty for a while, then tops up', () => {
    const seen: string[] = [];
    for (let t = 0; t < DEMO_CYCLE_MS; t += 5_000) {
      const level = roughLevel(demoSnapshotAt(t));
      if (seen.at(-1) !== level) seen.push(level);
    }
    expect(seen).toEqual(['healthy', 'low', 'critical', 'depleted']);
    const emptyStart = DEMO_CYCLE_MS - DEMO_EMPTY_MS;
    expect(demoSnapshotAt(emptyStart + 1_000)).toMatchObject({ available: false });
    expect(cny(demoSnapshotAt(DEMO_CYCLE_MS - 1)).total).toBe('0.00');
    expect(roughLevel(demoSnapshotAt(DEMO_CYCLE_MS + 1_000))).toBe('healthy');
  });

  it('never rises within a cycle (spending only) and keeps total = granted + topped up', () => {
    let prev = Number.POSITIVE_INFINITY;
    for (let t = 0; t < DEMO_CYCLE_MS; t += 1_000) {
      const row = cny(demoSnapshotAt(t));
      const total = toMicros(row.total);
      expect(total).toBeLessThanOrEqual(prev);
      expect(toMicros(row.granted) + toMicros(row.toppedUp)).toBe(total);
      prev = total;
    }
  });

  it('spends gift credit first', () => {
    const early = cny(demoSnapshotAt(10_000));
    expect(toMicros(early.granted)).toBeLessThan(toMicros(`${DEMO_GRANTED_CNY}`));
    expect(early.toppedUp).toBe('52.00');
    const later = cny(demoSnapshotAt(100_000));
    expect(later.granted).toBe('0.00');
    expect(toMicros(later.toppedUp)).toBeLessThan(toMicros('52'));
  });

  it('sends an all-zero USD row in either order, like the real service, but snapshots stay sorted', () => {
    const first = (r: number) => (demoBalanceBodyAt(0, () => r) as { balance_infos: { currency: string }[] }).balance_infos[0]?.currency;
    expect(first(0.1)).toBe('CNY');
    expect(first(0.9)).toBe('USD');
    expect(demoSnapshotAt(0, 0, () => 0.9).rows.map((r) => r.currency)).toEqual(['CNY', 'USD']);
    expect(demoSnapshotAt(0).rows[1]).toEqual({ currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' });
  });
});

describe('createDemoProvider', () => {
  it('reads the simulation at the clock time since it was created, needing no key', async () => {
    let now = 1_000_000;
    const demo = createDemoProvider({ now: () => now });
    const first = await demo.fetchBalance({ key: '', baseUrl: 'demo://deepseek' });
    expect(first.ok && cny(first.value).total).toBe('60.00');
    now += 200_000;
    const later = await demo.fetchBalance({ key: '', baseUrl: 'demo://deepseek' });
    expect(later.ok && later.value.at).toBe(now);
    expect(later.ok && roughLevel(later.value)).toBe('low');
    expect(await demo.verifyKey({ key: '', baseUrl: '' })).toEqual({ ok: true, value: undefined });
    expect(demo.checkKeyShape('')).toBeNull();
  });

  it('honours an explicit start time', async () => {
    const demo = createDemoProvider({ now: () => 5_000 + 330_000, startedAt: 5_000 });
    const r = await demo.fetchBalance({ key: '', baseUrl: '' });
    expect(r.ok && r.value.available).toBe(false);
  });
});

describe('createProviders', () => {
  it('offers every provider id', () => {
    const p = createProviders({ http: async () => new Response(), now: () => 0 });
    expect(Object.keys(p).sort()).toEqual([...PROVIDER_IDS].sort());
    for (const id of PROVIDER_IDS) expect(p[id].id).toBe(id);
  });
});
