import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreApi } from '../../../main/core/app-core';
import type { NotificationRequest } from '../../../main/core/ports';
import { createMemorySecretStore, type MemorySecretStore } from '../../fakes/memory-secret-store';
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
let dataDir: string;
let secrets: MemorySecretStore;
let notes: NotificationRequest[];
let core: CoreApi | undefined;

/** Adds the fake server's valid key as "Work"; a failure here is a broken test setup. */
async function addWork(c: CoreApi) {
  const added = await c.addAccount({
    provider: 'deepseek',
    label: 'Work',
    key: FAKE_DEEPSEEK_KEY,
    baseUrl: ds.url,
  });
  if (!added.ok) throw new Error(added.error.message);
  return added;
}

const build = (demo = false) =>
  createTestCore(dataDir, { secrets, notifier: { show: (n) => notes.push(n) }, demo });

beforeEach(async () => {
  ds = await startFakeDeepSeek();
  dataDir = mkdtempSync(join(tmpdir(), 'creditray-core-'));
  secrets = createMemorySecretStore();
  notes = [];
});
afterEach(async () => {
  await core?.stop();
  core = undefined;
  await ds.close();
});

describe('createCore', () => {
  it('adds a verified account, keeps the key in the keychain only, and polls it', async () => {
    core = await build();
    const added = await core.addAccount({
      provider: 'deepseek',
      label: 'Work',
      key: `  ${FAKE_DEEPSEEK_KEY}\n`,
      baseUrl: `${ds.url}/v1`,
    });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.value.keyMask).toBe('sk-…c18b');
    expect(secrets.entries.get(added.value.id)).toBe(FAKE_DEEPSEEK_KEY);
    const state = await nextState(
      core,
      (s) => s.accounts[0]?.snapshot !== null && s.accounts[0]?.snapshot !== undefined,
    );
    expect(state.accounts[0]).toMatchObject({
      level: 'healthy',
      headline: { currency: 'CNY', total: '110.00' },
    });
    expect(JSON.stringify(state)).not.toContain(FAKE_DEEPSEEK_KEY);
    expect(ds.requests.some((r) => r.path === '/user/balance')).toBe(true);
  });

  it('refuses a wrong key with a clear error and saves nothing', async () => {
    core = await build();
    const r = await core.addAccount({
      provider: 'deepseek',
      label: 'Bad',
      key: 'sk-ffffffffffffffffffffffffffffffff',
      baseUrl: ds.url,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('auth');
    expect(core.getState().accounts).toHaveLength(0);
    expect(secrets.entries.size).toBe(0);
  });

  it('shows the new level after a refresh when the balance drops, and notifies once', async () => {
    core = await build();
    const added = await addWork(core);
    // A refresh during the first poll joins it (never two polls of one account at once).
    await core.refresh(added.value.id);
    expect(core.getState().accounts[0]?.level).toBe('healthy');
    ds.setBalance({ rows: [ZERO_USD_ROW, cnyRow('0.00')], available: true });
    await core.refresh(added.value.id);
    expect(core.getState().accounts[0]?.level).toBe('depleted');
    await core.refresh(added.value.id);
    expect(notes.filter((n) => n.kind === 'depleted')).toHaveLength(1);
    const history = await core.getHistory({ id: added.value.id });
    expect(history.ok && history.value.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps settings and accounts across a restart of the core', async () => {
    core = await build();
    const added = await addWork(core);
    await core.updateSettings({ language: 'zh-CN', pollIntervalSec: 120 });
    await core.updateAccount({
      id: added.value.id,
      patch: { thresholds: { low: '40', critical: '8' } },
    });
    await core.stop();
    core = await build();
    const s = core.getState();
    expect(s.settings).toMatchObject({ language: 'zh-CN', pollIntervalSec: 120 });
    expect(s.accounts[0]?.account).toMatchObject({
      label: 'Work',
      thresholds: { low: '40', critical: '8' },
    });
  });

  it('starts the demo account with --demo and removes accounts with their key', async () => {
    core = await build(true);
    const demo = core.getState().accounts.find((a) => a.account.provider === 'demo');
    expect(demo).toBeDefined();
    const added = await addWork(core);
    expect((await core.removeAccount(added.value.id)).ok).toBe(true);
    expect(secrets.entries.has(added.value.id)).toBe(false);
    expect(core.getState().accounts.map((a) => a.account.provider)).toEqual(['demo']);
    expect((await core.refresh('no-such-id')).ok).toBe(false);
  });

  it('compacts history off the hot path: ten minutes after start, then daily, and not after stop', async () => {
    const clock = new FakeClock();
    const history = Object.assign(new MemoryHistory(), {
      compactions: 0,
      async compact() {
        this.compactions++;
      },
    });
    core = await createTestCore(dataDir, { secrets, clock, history });
    await clock.advance(9 * 60_000);
    expect(history.compactions).toBe(0);
    await clock.advance(60_000);
    expect(history.compactions).toBe(1);
    await clock.advance(24 * 3_600_000);
    expect(history.compactions).toBe(2);
    await core.stop();
    core = undefined;
    await clock.advance(48 * 3_600_000);
    expect(history.compactions).toBe(2);
  });

  it("names the demo account in the user's language", async () => {
    core = await build();
    await core.updateSettings({ language: 'zh-CN' });
    const r = await core.startDemo();
    expect(r.ok && r.value.label).toBe('演示账户');
  });
});
