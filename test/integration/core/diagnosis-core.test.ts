/**
 * The diagnosis through the real core: real settings, monitor and poller on a fake clock,
 * real HTTP to the fake DeepSeek server. Checks the wiring the unit tests cannot: the
 * boosted 30 s re-check really happens, and it is what ticks the steps off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreApi } from '../../../main/core/app-core';
import { buildTrayModel } from '../../../main/core/tray-model';
import {
  FAKE_DEEPSEEK_KEY,
  ZERO_USD_ROW,
  cnyRow,
  startFakeDeepSeek,
  type FakeDeepSeek,
} from '../../fakes/deepseek-server';
import { FakeClock } from '../../fakes/fake-clock';
import { MemoryHistory } from '../../fakes/memory-history';
import { createTestCore, nextState } from '../../fakes/test-core';

let ds: FakeDeepSeek;
let core: CoreApi | undefined;
let clock: FakeClock;

beforeEach(async () => {
  ds = await startFakeDeepSeek();
  clock = new FakeClock(Date.UTC(2026, 10, 27, 3, 0));
  const dataDir = mkdtempSync(join(tmpdir(), 'creditray-dx-'));
  core = await createTestCore(dataDir, {
    clock,
    history: new MemoryHistory(),
    random: () => 0.5, // no jitter
  });
});
afterEach(async () => {
  await core?.stop();
  core = undefined;
  await ds.close();
});

async function addEmptyAccount(c: CoreApi): Promise<string> {
  const added = await c.addAccount({
    provider: 'deepseek',
    label: 'Work',
    key: FAKE_DEEPSEEK_KEY,
    baseUrl: ds.url,
  });
  if (!added.ok) throw new Error(added.error.message);
  const id = added.value.id;
  await c.refresh(id); // joins the first poll that adding started
  ds.setBalance({ rows: [ZERO_USD_ROW, cnyRow('0.00')], available: true });
  await c.refresh(id);
  return id;
}

describe('diagnosis through the core', () => {
  it('re-checks every 30 s while causes exist, and that re-check turns the diagnosis healthy with the cause cleared', async () => {
    const c = core!;
    const id = await addEmptyAccount(c);
    expect(c.getState().accounts[0]!.level).toBe('depleted');
    const normalNext = c.getState().accounts[0]!.nextCheckAt!;
    expect(normalNext - clock.now()).toBeGreaterThan(30_000);

    const first = await c.runDiagnosis({ id });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.causes[0]!.id).toBe('balance-depleted');
    expect(c.getState().accounts[0]!.nextCheckAt).toBe(clock.now() + 30_000);

    ds.setBalance({ rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')], available: true });
    const polled = nextState(c, (s) => s.accounts[0]!.level === 'healthy');
    await clock.advance(30_000);
    const state = await polled;
    expect(buildTrayModel(state).level).toBe('healthy');

    const second = await c.runDiagnosis({ id });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.healthy).toBe(true);
    const cleared = second.value.causes.find((x) => x.id === 'balance-depleted')!;
    expect(cleared.cleared).toBe(true);
    expect(cleared.steps.find((s) => s.action.kind === 'open-link')!.done).toBe(true);
  });

  it('keeps the normal interval when the diagnosis finds nothing', async () => {
    const c = core!;
    const added = await c.addAccount({
      provider: 'deepseek',
      label: 'Work',
      key: FAKE_DEEPSEEK_KEY,
      baseUrl: ds.url,
    });
    if (!added.ok) throw new Error(added.error.message);
    await nextState(c, (s) => s.accounts[0]?.checkedAt !== null);
    const before = c.getState().accounts[0]!.nextCheckAt;
    const r = await c.runDiagnosis({ id: added.value.id });
    expect(r.ok && r.value.healthy).toBe(true);
    expect(c.getState().accounts[0]!.nextCheckAt).toBe(before);
  });

  it('marks a payment, in the user language, and refuses unknown accounts', async () => {
    const c = core!;
    const id = await addEmptyAccount(c);
    await c.updateSettings({ language: 'zh-CN' });
    expect(await c.markPaid({ id })).toEqual({ ok: true, value: null });
    const r = await c.runDiagnosis({ id });
    if (!r.ok) throw new Error(r.error.message);
    const depleted = r.value.causes.find((x) => x.id === 'balance-depleted')!;
    expect(depleted.summary).toMatch(/余额/);
    expect(depleted.steps.find((s) => s.action.kind === 'mark-paid')!.done).toBe(true);
    expect(await c.markPaid({ id: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await c.runDiagnosis({ id: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
