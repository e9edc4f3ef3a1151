/**
 * Provider faults, group 2: a 200 answer whose JSON is not a balance, or whose numbers no
 * real balance can have. Each row runs the full fault story (provider-scenario.ts); then the
 * two oddities that ARE readings (a small negative balance, too many decimals) are checked
 * to be read exactly instead of being treated as faults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';
import { createFaultRig } from '../../fakes/fault-rig';
import { runFaultScenario, tally, type FaultCase } from './provider-scenario';

let ds: FakeDeepSeek;
beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  console.log(`[faults/bodies] ${tally.scenarios} scenarios, ${tally.faultsInjected} faulty polls, ${tally.cycles} polls, ${tally.notifications} notifications`);
  await ds.close();
});

const row = (total: unknown) => ({ currency: 'CNY', total_balance: total, granted_balance: '0.00', topped_up_balance: total });
const body = (json: unknown): Pick<FaultCase, 'inject' | 'clear'> => ({
  inject: (d) => d.setBalanceBody(json),
  clear: (d) => d.setBalanceBody(null),
});
const shape = /unexpected shape/;
const amount = (field: RegExp) => new RegExp(`unusable amount in balance_infos\\[0\\]\\.total_balance \\(${field.source}`);

const cases: FaultCase[] = [
  { name: 'an empty object', ...body({}), kinds: ['bad-response'], message: shape },
  { name: 'a JSON array', ...body([1, 2, 3]), kinds: ['bad-response'], message: shape },
  { name: 'a bare JSON string', ...body('ok'), kinds: ['bad-response'], message: shape },
  {
    name: 'JSON null',
    inject: (d) => d.setPersistent({ kind: 'raw', status: 200, headers: { 'content-type': 'application/json' }, body: 'null' }),
    clear: (d) => d.setPersistent(null),
    kinds: ['bad-response'],
    message: shape,
  },
  { name: 'balance_infos missing', ...body({ is_available: true }), kinds: ['bad-response'], message: /"balance_infos"/ },
  { name: 'balance_infos is an object', ...body({ is_available: true, balance_infos: { CNY: '1' } }), kinds: ['bad-response'], message: /"balance_infos"/ },
  { name: 'is_available as a string', ...body({ is_available: 'yes', balance_infos: [row('1.00')] }), kinds: ['bad-response'], message: /"is_available"/ },
  { name: 'a row without currency', ...body({ is_available: true, balance_infos: [{ total_balance: '1.00', granted_balance: '0', topped_up_balance: '1.00' }] }), kinds: ['bad-response'], message: /balance_infos\[0\]\.currency/ },
  { name: 'an error object with status 200 (gateway)', ...body({ error: { message: 'upstream timeout', type: 'gateway_error' } }), kinds: ['bad-response'], message: /answered with an error instead of a balance.*upstream timeout/ },
  { name: 'a huge number (1e30)', ...body({ is_available: true, balance_infos: [row(1e30)] }), kinds: ['bad-response'], message: amount(/amount out of range/) },
  { name: 'a huge decimal string (11 integer digits)', ...body({ is_available: true, balance_infos: [row('12345678901.00')] }), kinds: ['bad-response'], message: amount(/amount out of range/) },
  { name: 'an exponent string ("1e30")', ...body({ is_available: true, balance_infos: [row('1e30')] }), kinds: ['bad-response'], message: amount(/not a decimal amount/) },
  { name: 'the string "NaN"', ...body({ is_available: true, balance_infos: [row('NaN')] }), kinds: ['bad-response'], message: amount(/not a decimal amount/) },
  { name: 'the string "Infinity"', ...body({ is_available: true, balance_infos: [row('Infinity')] }), kinds: ['bad-response'], message: amount(/not a decimal amount/) },
  { name: 'null amounts', ...body({ is_available: true, balance_infos: [row(null)] }), kinds: ['bad-response'], message: /balance_infos\[0\]\.total_balance/ },
  { name: 'an empty amount string', ...body({ is_available: true, balance_infos: [row('')] }), kinds: ['bad-response'], message: amount(/not a decimal amount/) },
  { name: 'a double minus ("--5")', ...body({ is_available: true, balance_infos: [row('--5.00')] }), kinds: ['bad-response'], message: amount(/not a decimal amount/) },
  { name: 'a hugely negative number (-1e30)', ...body({ is_available: true, balance_infos: [row(-1e30)] }), kinds: ['bad-response'], message: amount(/amount out of range/) },
];

describe('provider faults: wrong JSON shapes and absurd numbers, each for many polls', () => {
  it.each(cases)('$name: keeps the last good value as stale, backs off to the cap, recovers, notifies once per real change', async (fc) => {
    await runFaultScenario(fc, { ds });
  });

  it('ran every row through the whole story', () => {
    expect(tally.scenarios).toBe(cases.length);
    expect(tally.notifications).toBe(3 * cases.length);
  });
});

describe('odd but real readings are read exactly, not treated as faults', () => {
  it('reads a small negative balance (usage billed past zero) as depleted, notifies once, and recovers', async () => {
    ds.reset();
    const rig = createFaultRig({ ds });
    try {
      expect(await rig.start()).toMatchObject({ level: 'healthy', total: '110.00' });
      ds.setBalanceBody({ is_available: true, balance_infos: [row('-0.35')] });
      for (let i = 0; i < 3; i++) expect(await rig.cycle()).toMatchObject({ level: 'depleted', stale: false, total: '-0.35', errorKind: null });
      ds.setBalanceBody(null);
      expect(await rig.cycle()).toMatchObject({ level: 'healthy', total: '110.00' });
      expect(rig.notes.map((n) => n.kind)).toEqual(['depleted', 'recovered']);
      expect(rig.bugs).toEqual([]);
    } finally {
      await rig.stop();
    }
  });

  it('truncates many decimals to micro-units instead of rounding up or failing', async () => {
    ds.reset();
    const rig = createFaultRig({ ds });
    try {
      ds.setBalanceBody({ is_available: true, balance_infos: [row('19.99999999999')] });
      expect(await rig.start()).toMatchObject({ level: 'low', stale: false, total: '19.999999', errorKind: null });
      ds.setBalanceBody({ is_available: true, balance_infos: [row(4.0000009)] });
      expect(await rig.cycle()).toMatchObject({ level: 'critical', total: '4.00', errorKind: null });
      expect(rig.status().snapshot?.rows[0]?.total).toBe('4.00');
      expect(rig.notes.map((n) => n.kind)).toEqual(['critical']);
    } finally {
      await rig.stop();
    }
  });
});
