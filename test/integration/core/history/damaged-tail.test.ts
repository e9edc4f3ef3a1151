/**
 * A damaged line between the last full record and the end of a log (a bad sector, an editor,
 * a half-synced copy): the reader drops every heartbeat after it, so the next writer must not
 * write one there, or an unchanged reading would be lost on every read.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../../main/core/history/file-history-store';
import type { Snapshot } from '../../../../shared/model';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const at = (h: number) => Date.UTC(2026, 10, 1) + h * 3_600_000;
const reading = (h: number, total = '42.00'): Snapshot => ({
  at: at(h),
  available: true,
  rows: [{ currency: 'CNY', total, granted: '0.00', toppedUp: total }],
});

describe('history after a damaged line', () => {
  it('writes a full record after a damaged line, so an unchanged balance is still read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditray-damaged-'));
    dirs.push(dir);
    const first = createFileHistoryStore({ dir, heartbeatMs: 0 });
    await first.append('acct', reading(0));
    await first.close();
    appendFileSync(join(dir, 'acct.log'), '{"not":"a record"}\n');

    const second = createFileHistoryStore({ dir, heartbeatMs: 0 });
    await second.append('acct', reading(2)); // same balance as the full record before the damage
    await second.close();

    const reader = createFileHistoryStore({ dir });
    const read = await reader.read('acct');
    expect(read.map((s) => s.at)).toEqual([at(0), at(2)]);
    expect(read[1]).toEqual(reading(2));
    expect(reader.warnings().some((w) => /line 3/.test(w))).toBe(true);
  });
});
