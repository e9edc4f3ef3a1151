/**
 * History storage faults through the whole core with the REAL durable history store (read
 * only use of main/core/history): a full disk while polling, and a history log damaged
 * between two runs. The core must keep polling and showing the balance, tell the user in
 * plain words (AppState.notices), and keep every record that was already safely stored.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApi } from '../../../main/core/app-core';
import { createCore } from '../../../main/core/create-core';
import { historyDir } from '../../../main/core/data-dir';
import { createNodeHttp } from '../../../main/core/http-node';
import { HistoryStorageError } from '../../../main/core/history/errors';
import type { HistoryStore, Logger } from '../../../main/core/ports';
import { MemoryHistory } from '../../fakes/memory-history';
import { FAKE_DEEPSEEK_KEY, ZERO_USD_ROW, cnyRow, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';
import { FakeClock } from '../../fakes/fake-clock';
import { mountTinyTmpfs, type TinyMount } from '../../fakes/fault-conf';
import { realDelay } from '../../fakes/fault-rig';
import { createMemorySecretStore } from '../../fakes/memory-secret-store';

let ds: FakeDeepSeek;
let mount: TinyMount | null = null;
beforeAll(async () => {
  ds = await startFakeDeepSeek();
  mount = mountTinyTmpfs(512);
});
afterAll(async () => {
  mount?.unmount();
  await ds.close();
});

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const ACC = 'acc-1';

/** A data dir holding one configured account; the key is in the (memory) keychain. */
function seedDataDir(dir: string) {
  writeFileSync(join(dir, 'config.json'), JSON.stringify({
    version: 1, settings: {}, accounts: [{ id: ACC, label: 'Work', provider: 'deepseek', baseUrl: ds.url, keyMask: 'sk-…c18b', createdAt: 1 }],
  }));
}

async function boot(dir: string, clock: FakeClock, history?: HistoryStore): Promise<CoreApi> {
  return createCore({
    ...(history ? { history } : {}),
    dataDir: dir,
    http: createNodeHttp(),
    secrets: createMemorySecretStore({ [ACC]: FAKE_DEEPSEEK_KEY }),
    conf: new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config', projectName: 'creditray' }),
    notifier: { show: () => {} },
    logger: silent,
    systemLocale: 'en-US',
    demo: false,
    clock,
    random: () => 0.5,
  });
}

/** Waits until no poll is running. */
async function idle(core: CoreApi) {
  const deadline = Date.now() + 15_000;
  while (core.getState().accounts.some((a) => a.nextCheckAt === null)) {
    if (Date.now() > deadline) throw new Error('poll did not finish');
    await realDelay(2);
  }
}

/** Advances to the next poll and waits until it has finished. */
async function poll(core: CoreApi, clock: FakeClock) {
  const wait = () => idle(core);
  await wait();
  // The account's next check, not the clock's next timer (history compaction has one too).
  await clock.advance(core.getState().accounts[0]!.nextCheckAt! - clock.now());
  await wait();
  return core.getState();
}
const setTotal = (t: string) => ds.setBalance({ rows: [cnyRow(t), ZERO_USD_ROW] });

describe('history storage faults through the core', () => {
  it.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)('disk full for real (a full tmpfs): keeps polling and showing the balance, says so in plain words, loses no setting, and clears the notice once space is free (needs root to mount)', async () => {
    expect(mount, 'root on Linux can mount a tmpfs').not.toBeNull();
    const m = mount!;
    const dir = mkdtempSync(join(m.dir, 'd-'));
    seedDataDir(dir);
    const settingsBefore = readFileSync(join(dir, 'config.json'), 'utf8');
    // Full before the first history line: a new log file needs a page the disk does not have.
    m.fill();
    const clock = new FakeClock();
    setTotal('100.00');
    const core = await boot(dir, clock);
    try {
      await idle(core);
      for (const t of ['100.00', '99.00', '98.00']) {
        setTotal(t);
        const state = t === '100.00' ? core.getState() : await poll(core, clock);
        expect(state.accounts[0]).toMatchObject({ level: 'healthy', stale: false, headline: { total: t } });
        expect(state.notices).toEqual([{ code: 'history-disk-full', message: 'Balance history could not be saved: the disk is full. Earlier history is unchanged; free some space.' }]);
      }
      expect(core.getState().accounts[0]!.nextCheckAt! - clock.now(), 'a history failure is not a poll failure: no backoff').toBe(300_000);

      m.unfill();
      setTotal('94.00');
      const after = await poll(core, clock);
      expect(after.notices).toEqual([]);
      const all = await core.getHistory({ id: ACC });
      expect(all.ok && all.value.map((s) => s.rows[0]!.total)).toEqual(['94.00']);
      expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(settingsBefore);
    } finally {
      await core.stop();
      m.unfill();
    }
  });

  it('a history log damaged between two runs: starts, keeps every intact record, tells the user, and keeps polling', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditray-hist-'));
    seedDataDir(dir);
    const clock = new FakeClock();
    setTotal('50.00');
    let core = await boot(dir, clock);
    await idle(core);
    for (const t of ['49.00', '48.00']) {
      setTotal(t);
      await poll(core, clock);
    }
    await core.stop();
    const [log] = readdirSync(historyDir(dir));
    const path = join(historyDir(dir), log!);
    const intact = readFileSync(path, 'utf8');
    appendFileSync(path, '\u0000\u0000garbage that is not a record\n{"torn":');

    core = await boot(dir, clock);
    await idle(core);
    try {
      setTotal('47.00');
      const state = await poll(core, clock);
      expect(state.accounts[0]).toMatchObject({ level: 'healthy', headline: { total: '47.00' } });
      const h = await core.getHistory({ id: ACC });
      expect(h.ok && h.value.map((s) => s.rows[0]!.total)).toEqual(['50.00', '49.00', '48.00', '47.00']);
      expect(readFileSync(path, 'utf8').startsWith(intact), 'the intact records are still on disk as they were').toBe(true);
      expect(state.notices.map((n) => n.code)).toContain('history-repaired');
    } finally {
      await core.stop();
    }
  });

  it('a read-only history folder, simulated with a store that throws EROFS (any OS): told in the user\'s language, polling unaffected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditray-hist-'));
    seedDataDir(dir);
    const inner = new MemoryHistory();
    let readOnly = true;
    const store: HistoryStore = {
      read: (id, r) => inner.read(id, r),
      remove: (id) => inner.remove(id),
      append: async (id, snap) => {
        if (readOnly) throw new HistoryStorageError('history-read-only', 'EROFS', 'Could not append balance history (x.log): the disk is read-only. Earlier history is unchanged.');
        await inner.append(id, snap);
      },
    };
    const clock = new FakeClock();
    setTotal('30.00');
    const core = await boot(dir, clock, store);
    try {
      await idle(core);
      expect(core.getState().notices).toEqual([{ code: 'history-read-only', message: 'Balance history could not be saved: the disk is read-only. Earlier history is unchanged.' }]);
      expect((await core.updateSettings({ language: 'zh-CN' })).ok).toBe(true);
      const state = await poll(core, clock);
      expect(state.accounts[0]).toMatchObject({ level: 'healthy', headline: { total: '30.00' } });
      expect(state.notices).toEqual([{ code: 'history-read-only', message: '余额历史无法保存：磁盘为只读。已有历史未受影响。' }]);
      readOnly = false;
      expect((await poll(core, clock)).notices).toEqual([]);
    } finally {
      await core.stop();
    }
  });
});
