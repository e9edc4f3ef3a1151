/**
 * History export and import from the window, through the real core over the durable file
 * store: an export re-imports exactly, and a file with bad rows imports nothing and says
 * which lines are wrong.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreApi } from '../../../main/core/app-core';
import {
  createFileHistoryStore,
  type FileHistoryStore,
} from '../../../main/core/history/file-history-store';
import type { Snapshot } from '../../../shared/model';
import {
  FAKE_DEEPSEEK_KEY,
  startFakeDeepSeek,
  type FakeDeepSeek,
} from '../../fakes/deepseek-server';
import { FakeClock } from '../../fakes/fake-clock';
import { createTestCore } from '../../fakes/test-core';
import { silentLogger } from '../../../main/core/logger';

const T0 = Date.UTC(2026, 10, 20, 0, 0);
let ds: FakeDeepSeek;
let core: CoreApi | undefined;
let store: FileHistoryStore;
let dataDir: string;

/** Ten hourly readings, each a little lower, with a second currency on some of them. */
const seed = (): Snapshot[] =>
  Array.from({ length: 10 }, (_, i) => ({
    at: T0 + i * 3_600_000,
    available: i !== 4,
    rows: [
      {
        currency: 'CNY',
        total: (100 - i * 1.25).toFixed(2),
        granted: '5.00',
        toppedUp: (95 - i * 1.25).toFixed(2),
      },
      ...(i % 3 === 0 ? [{ currency: 'USD', total: '1.5', granted: '0', toppedUp: '1.5' }] : []),
    ],
  }));

beforeEach(async () => {
  ds = await startFakeDeepSeek();
  const clock = new FakeClock(T0 + 30 * 86_400_000);
  dataDir = mkdtempSync(join(tmpdir(), 'creditray-hx-'));
  store = createFileHistoryStore({
    dir: join(dataDir, 'history'),
    now: () => clock.now(),
    logger: silentLogger,
  });
  core = await createTestCore(dataDir, {
    clock,
    history: store,
    random: () => 0.5,
  });
});
afterEach(async () => {
  await core?.stop();
  core = undefined;
  await ds.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Each label its own key: the same key twice is refused as a duplicate. */
const keyFor = (label: string) =>
  label === 'Work' ? FAKE_DEEPSEEK_KEY : 'sk-0123456789abcdef0123456789abe42';

async function addAccount(label: string): Promise<string> {
  ds.setValidKeys([FAKE_DEEPSEEK_KEY, keyFor('Home')]);
  const added = await core!.addAccount({
    provider: 'deepseek',
    label,
    key: keyFor(label),
    baseUrl: ds.url,
  });
  if (!added.ok) throw new Error(added.error.message);
  await core!.refresh(added.value.id); // joins the first poll, so its reading is stored before we look
  return added.value.id;
}
const seeded = { from: T0, to: T0 + 9 * 3_600_000 };

describe('history export and import through the core', () => {
  it.each(['csv', 'json'] as const)(
    'exports %s that imports into another account and exports again byte for byte',
    async (format) => {
      const a = await addAccount('Work');
      const b = await addAccount('Home');
      for (const s of seed()) await store.append(a, s);

      const out = await core!.exportHistory({ id: a, format, ...seeded });
      if (!out.ok) throw new Error(out.error.message);
      if (format === 'csv') {
        expect(out.value.split('\n')[0]).toBe('time,currency,total,granted,toppedUp,available');
        expect(out.value).toContain('2026-11-20T04:00:00.000Z,CNY,95.00,5.00,90.00,false');
      }
      const imported = await core!.importHistory({ id: b, text: out.value, format });
      expect(imported).toEqual({ ok: true, value: { imported: 10, sameTime: 0 } });
      const again = await core!.exportHistory({ id: b, format, ...seeded });
      expect(again.ok && again.value).toBe(out.value);
      expect(await store.read(b, seeded)).toEqual(seed());
    },
  );

  it('imports nothing from a file with bad rows and names their line numbers', async () => {
    const id = await addAccount('Work');
    const before = await store.read(id);
    const text = [
      'time,currency,total,granted,toppedUp,available',
      '2026-11-20T00:00:00.000Z,CNY,10.00,0.00,10.00,true',
      'yesterday,CNY,9.00,0.00,9.00,true',
      '2026-11-20T02:00:00.000Z,CNY,8.00,0.00,8.00,true',
      '2026-11-20T03:00:00.000Z,CNY,lots,0.00,7.00,true',
      '2026-11-20T04:00:00.000Z,CNY,6.00,0.00,6.00,maybe',
    ].join('\n');
    const r = await core!.importHistory({ id, text, format: 'csv' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-history-file');
    expect(r.error.message).toMatch(/^Nothing was imported\./);
    expect(r.error.message).toContain('Line 3: time is not an ISO-8601');
    expect(r.error.message).toContain('Line 5: total: not a decimal amount');
    expect(r.error.message).toContain('Line 6: available must be true or false');
    expect(r.error.message).not.toContain('Line 2');
    expect(await store.read(id)).toEqual(before);
  });

  it('lists only the first five bad lines and counts the rest', async () => {
    const id = await addAccount('Work');
    const rows = Array.from({ length: 8 }, (_, i) => `not-a-time-${i},CNY,1.00,0.00,1.00,true`);
    const r = await core!.importHistory({
      id,
      text: ['time,currency,total,granted,toppedUp,available', ...rows].join('\n'),
      format: 'csv',
    });
    expect(!r.ok && r.error.message).toContain('Line 6:');
    expect(!r.ok && r.error.message).not.toContain('Line 7:');
    expect(!r.ok && r.error.message).toContain('… and 3 more problems.');
  });

  it('answers in Chinese when the window is in Chinese', async () => {
    const id = await addAccount('Work');
    await core!.updateSettings({ language: 'zh-CN' });
    const r = await core!.importHistory({ id, text: 'time,currency\n', format: 'csv' });
    expect(!r.ok && r.error.message).toMatch(/^未导入任何记录。/);
  });

  it('refuses an account that does not exist, for both directions', async () => {
    expect((await core!.exportHistory({ id: 'gone', format: 'csv' })).ok).toBe(false);
    const r = await core!.importHistory({
      id: 'gone',
      text: 'time,currency,total,granted,toppedUp,available\n',
      format: 'csv',
    });
    expect(!r.ok && r.error.code).toBe('not-found');
  });

  it('lets burn rate and forecast see imported readings at once, without a restart', async () => {
    const a = await addAccount('Work');
    const now = T0 + 30 * 86_400_000;
    const before = core!.getState().accounts.find((x) => x.account.id === a)!;
    expect(before.insights?.burnRate.day).toBeNull();
    // Two days of hourly readings spending 1.00 CNY an hour, ending an hour ago.
    const lines = ['time,currency,total,granted,toppedUp,available'];
    for (let h = 49; h >= 1; h--) {
      const total = (200 - (49 - h)).toFixed(2);
      lines.push(`${new Date(now - h * 3_600_000).toISOString()},CNY,${total},0.00,${total},true`);
    }
    const r = await core!.importHistory({ id: a, format: 'csv', text: lines.join('\n') + '\n' });
    expect(r.ok).toBe(true);
    const after = core!.getState().accounts.find((x) => x.account.id === a)!;
    expect(after.insights?.burnRate.day).not.toBeNull();
  });
});
