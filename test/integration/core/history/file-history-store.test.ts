import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../../main/core/history/file-history-store';
import { importHistory } from '../../../../main/core/history/import-history';
import type { Snapshot } from '../../../../shared/model';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'creditray-history-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const snap = (at: number, total: string, available = true): Snapshot => ({
  at,
  available,
  rows: [
    { currency: 'CNY', total, granted: '0.00', toppedUp: total },
    { currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' },
  ],
});
const lines = (dir: string): string[] =>
  readFileSync(join(dir, 'a.log'), 'utf8').split('\n').filter(Boolean);

describe('file history store', () => {
  it('reads back what was appended, in order, after reopening', async () => {
    const dir = tmp();
    const s1 = createFileHistoryStore({ dir });
    for (let i = 0; i < 20; i++) await s1.append('a', snap(T0 + i * MIN, `${100 - i}.50`));
    await s1.close();
    const s2 = createFileHistoryStore({ dir });
    const all = await s2.read('a');
    expect(all).toHaveLength(20);
    expect(all[19]).toEqual(snap(T0 + 19 * MIN, '81.50'));
    expect(await s2.read('a', { from: T0 + 5 * MIN, to: T0 + 7 * MIN })).toHaveLength(3);
    expect(await s2.read('nobody')).toEqual([]);
    expect(s2.warnings()).toEqual([]);
  });

  it('serialises concurrent appends so none is lost or interleaved', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => s.append('a', snap(T0 + i * MIN, `${1000 - i}.00`))),
    );
    const all = await s.read('a');
    expect(all.map((x) => x.at)).toEqual(Array.from({ length: 200 }, (_, i) => T0 + i * MIN));
    await s.close();
  });

  it('stores an unchanged balance as a heartbeat no more often than heartbeatMs', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir, heartbeatMs: 60 * MIN });
    for (let i = 0; i <= 24 * 60; i++) await s.append('a', snap(T0 + i * MIN, '50.00'));
    // One full record, then one heartbeat per hour: 1 + 24 lines besides the header.
    expect(lines(dir)).toHaveLength(1 + 1 + 24);
    expect(lines(dir)[2]).toBe(`[${T0 + 60 * MIN}]`);
    await s.append('a', snap(T0 + 24 * 60 * MIN + 5 * MIN, '50.00'));
    // The newest reading is still returned before its heartbeat is due...
    expect((await s.read('a')).at(-1)?.at).toBe(T0 + 24 * 60 * MIN + 5 * MIN);
    await s.close();
    // ...and written on a clean close.
    expect(lines(dir).at(-1)).toBe(`[${T0 + 24 * 60 * MIN + 5 * MIN}]`);
    const back = await createFileHistoryStore({ dir }).read('a');
    expect(back.every((x) => x.rows[0]?.total === '50.00')).toBe(true);
  });

  it('writes a full record again as soon as the balance or availability changes', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir });
    await s.append('a', snap(T0, '50.00'));
    await s.append('a', snap(T0 + MIN, '50.00', false));
    await s.append('a', snap(T0 + 2 * MIN, '49.99', false));
    expect(lines(dir)).toHaveLength(4);
    expect((await s.read('a')).map((x) => x.available)).toEqual([true, false, false]);
    await s.close();
  });

  it('drops a torn last line with a warning, keeps everything before it and appends cleanly after', async () => {
    const dir = tmp();
    const s1 = createFileHistoryStore({ dir });
    for (let i = 0; i < 5; i++) await s1.append('a', snap(T0 + i * MIN, `${10 + i}.00`));
    await s1.close();
    appendFileSync(join(dir, 'a.log'), '[1767225900000,1,"CNY","1');
    const reader = createFileHistoryStore({ dir });
    expect(await reader.read('a')).toHaveLength(5);
    expect(reader.warnings().join()).toMatch(/unfinished last line/);
    const s2 = createFileHistoryStore({ dir });
    await s2.append('a', snap(T0 + 10 * MIN, '99.00'));
    expect(s2.warnings().join()).toMatch(/dropped an unfinished last record/);
    const all = await s2.read('a');
    expect(all.map((x) => x.rows[0]?.total)).toEqual([
      '10.00',
      '11.00',
      '12.00',
      '13.00',
      '14.00',
      '99.00',
    ]);
    await s2.close();
  });

  it('drops a corrupt line in the middle (and zero bytes a power cut left) without losing the rest', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir });
    await s.append('a', snap(T0, '1.00'));
    await s.close();
    appendFileSync(join(dir, 'a.log'), 'garbage\n' + '\0'.repeat(20) + '\n');
    const s2 = createFileHistoryStore({ dir });
    await s2.append('a', snap(T0 + MIN, '2.00'));
    expect((await s2.read('a')).map((x) => x.rows[0]?.total)).toEqual(['1.00', '2.00']);
    expect(s2.warnings().filter((w) => /line \d+/.test(w))).toHaveLength(2);
    await s2.close();
  });

  it('keeps the damaged file as a backup before compaction rewrites it without the bad lines', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir, now: () => T0 + 10 * MIN });
    await s.append('a', snap(T0, '1.00'));
    await s.close();
    appendFileSync(join(dir, 'a.log'), 'garbage\n');
    const damaged = readFileSync(join(dir, 'a.log'), 'utf8');
    const s2 = createFileHistoryStore({ dir, now: () => T0 + 10 * MIN });
    await s2.append('a', snap(T0 + MIN, '2.00'));
    await s2.compact('a');
    const backups = readdirSync(dir).filter((f) => f.startsWith('a.log.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), 'utf8').startsWith(damaged)).toBe(true);
    expect(lines(dir).some((l) => l.includes('garbage'))).toBe(false);
    expect((await s2.read('a')).map((x) => x.rows[0]?.total)).toEqual(['1.00', '2.00']);
    await s2.compact('a'); // a clean file needs no second backup
    expect(readdirSync(dir).filter((f) => f.startsWith('a.log.corrupt-'))).toHaveLength(1);
    await s2.close();
  });

  it('removes an account, keeping other accounts', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir });
    await s.append('a', snap(T0, '1.00'));
    await s.append('b/c', snap(T0, '2.00'));
    await s.remove('a');
    expect(await s.read('a')).toEqual([]);
    expect(existsSync(join(dir, 'a.log'))).toBe(false);
    expect(await s.read('b/c')).toHaveLength(1);
    await s.close();
  });

  it('imports all or nothing and keeps existing history', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir });
    await s.append('a', snap(T0, '5.00'));
    const r = await importHistory(s, 'a', [snap(T0 - 2 * MIN, '7.00'), snap(T0 - MIN, '6.00')]);
    expect(r).toEqual({ ok: true, value: { imported: 2, sameTime: 0 } });
    expect((await s.read('a')).map((x) => x.rows[0]?.total)).toEqual(['7.00', '6.00', '5.00']);
    await s.append('a', snap(T0 + MIN, '4.00'));
    expect(await s.read('a')).toHaveLength(4);
    await s.close();
  });

  it('ignores a compaction temp file a crash left behind', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir });
    await s.append('a', snap(T0, '5.00'));
    writeFileSync(join(dir, 'a.log.tmp'), '[1,1,"CNY"');
    expect(await s.read('a')).toHaveLength(1);
    await s.compact();
    expect(existsSync(join(dir, 'a.log.tmp'))).toBe(false);
    expect(await s.read('a')).toHaveLength(1);
    await s.close();
  });
});

describe('account file names', () => {
  it('maps any account id to a safe, reversible file name', async () => {
    const dir = tmp();
    const s = createFileHistoryStore({ dir });
    const ids = ['a', 'b/c', '../x', '账户 1', 'x.y*z'];
    for (const id of ids) await s.append(id, snap(T0, '1.00'));
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).every((n) => /^[A-Za-z0-9_%-]+\.log$/.test(n))).toBe(true);
    await s.compact();
    for (const id of ids) expect(await s.read(id)).toHaveLength(1);
    await s.close();
  });
});
