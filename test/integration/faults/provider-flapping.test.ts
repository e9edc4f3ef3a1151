/**
 * Provider faults, group 4: a server that flips between good and bad answers, poll after
 * poll, while the balance really moves underneath. Every bad answer must show the last good
 * value as stale and back off once; every good one must restore the base interval; and the
 * notifications must follow the real balance changes only, one each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZERO_USD_ROW, cnyRow, startFakeDeepSeek, type FakeDeepSeek, type FakeReply } from '../../fakes/deepseek-server';
import { createFaultRig } from '../../fakes/fault-rig';

let ds: FakeDeepSeek;
const count = { cycles: 0, faults: 0, notifications: 0 };
beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  console.log(`[faults/flapping] ${count.faults} faulty polls, ${count.cycles} polls, ${count.notifications} notifications`);
  await ds.close();
});

const BAD: FakeReply[] = [
  { kind: 'status', status: 500 },
  { kind: 'html', status: 502 },
  { kind: 'reset' },
  { kind: 'status', status: 429 },
  { kind: 'empty' },
  { kind: 'json', body: { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: 'NaN', granted_balance: '0', topped_up_balance: '0' }] } },
  { kind: 'status', status: 503, retryAfter: '5' },
  { kind: 'json', body: { ok: true } },
];
const setTotal = (total: string) => ds.setBalance({ rows: [cnyRow(total), ZERO_USD_ROW] });

describe('a server that flips between good and bad answers', () => {
  it('alternates fresh and stale for 48 polls, backs off once per bad answer, and notifies only the 3 real changes', async () => {
    ds.reset();
    setTotal('110.00');
    const rig = createFaultRig({ ds });
    try {
      await rig.start();
      let total = '110.00';
      for (let i = 0; i < 48; i++) {
        // The real balance moves every 12 polls: low, then critical, then topped up.
        if (i === 12) total = '15.00';
        if (i === 24) total = '3.00';
        if (i === 36) total = '110.00';
        setTotal(total);
        const bad = i % 2 === 1;
        if (bad) ds.enqueue(BAD[(i >> 1) % BAD.length]!);
        const kept = rig.status().headline?.total;
        const c = await rig.cycle();
        count.cycles++;
        if (bad) {
          count.faults++;
          expect(c, `poll ${i}`).toMatchObject({ level: 'stale', stale: true, total: kept });
          expect(c.delayMs, `poll ${i}: one failure after a success doubles the interval`).toBe(600_000);
        } else {
          expect(c, `poll ${i}`).toMatchObject({ stale: false, total, errorKind: null, delayMs: 300_000 });
        }
      }
      count.notifications += rig.notes.length;
      expect(rig.notes.map((n) => n.kind)).toEqual(['low', 'critical', 'recovered']);
      expect(rig.bugs).toEqual([]);
    } finally {
      await rig.stop();
    }
  });

  it('does not flap notifications when a balance hovers at the low threshold between bad answers', async () => {
    ds.reset();
    setTotal('25.00');
    const rig = createFaultRig({ ds });
    try {
      await rig.start();
      const hover = ['19.90', '20.05', '20.40', '19.95', '20.80', '19.99'];
      for (let i = 0; i < 24; i++) {
        setTotal(hover[i % hover.length]!);
        if (i % 3 === 2) ds.enqueue(BAD[i % BAD.length]!);
        await rig.cycle();
        count.cycles++;
        if (i % 3 === 2) count.faults++;
      }
      count.notifications += rig.notes.length;
      // Down into low once; never back above low + 5% (21.00), so never "recovered" or a second "low".
      expect(rig.notes.map((n) => n.kind)).toEqual(['low']);
      setTotal('20.50');
      expect(await rig.cycle()).toMatchObject({ level: 'low', stale: false, total: '20.50' });
    } finally {
      await rig.stop();
    }
  });

  it('starts in a fault (error, no value, no notification), then counts the first good answer as the first reading', async () => {
    ds.reset();
    setTotal('15.00');
    ds.setPersistent({ kind: 'status', status: 503 });
    const rig = createFaultRig({ ds });
    try {
      const first = await rig.start();
      expect(first).toMatchObject({ level: 'error', stale: false, total: null, errorKind: 'server' });
      for (let i = 0; i < 4; i++) {
        expect(await rig.cycle()).toMatchObject({ level: 'error', total: null });
        count.faults++;
        count.cycles++;
      }
      ds.setPersistent(null);
      expect(await rig.cycle()).toMatchObject({ level: 'low', total: '15.00', delayMs: 300_000 });
      setTotal('0.00');
      expect(await rig.cycle()).toMatchObject({ level: 'depleted' });
      count.cycles += 3;
      count.notifications += rig.notes.length;
      // Launching into a low balance is not news (the tray shows it); running out afterwards is.
      expect(rig.notes.map((n) => n.kind)).toEqual(['depleted']);
    } finally {
      await rig.stop();
    }
  });
});
