/**
 * The JSON history import, one rule at a time: every refusal names the snapshot (1-based, 0
 * for the file) and what is wrong, any problem imports nothing, and good input comes back
 * sorted by time.
 */
import { describe, expect, it } from 'vitest';
import { parseHistoryJson } from '../../../../shared/analytics';

const row = (over: Record<string, unknown> = {}) => ({
  currency: 'CNY',
  total: '1.50',
  granted: '0.50',
  toppedUp: '1.00',
  ...over,
});
const snap = (over: Record<string, unknown> = {}) => ({
  at: 1_000,
  available: true,
  rows: [row()],
  ...over,
});
const doc = (...snapshots: unknown[]) =>
  JSON.stringify({ format: 'creditray-history', version: 1, snapshots });
const problems = (text: string) => {
  const r = parseHistoryJson(text);
  if (r.ok) throw new Error('expected problems');
  return r.error;
};

describe('parseHistoryJson', () => {
  it('reads good snapshots back, sorted by time, rows as given', () => {
    const r = parseHistoryJson(
      doc(
        snap({ at: 3_000 }),
        snap({ at: 0, available: false, rows: [] }),
        snap({ at: 2_000, rows: [row(), row({ currency: 'USDT' })] }),
      ),
    );
    expect(r).toEqual({
      ok: true,
      value: [
        { at: 0, available: false, rows: [] },
        { at: 2_000, available: true, rows: [row(), row({ currency: 'USDT' })] },
        { at: 3_000, available: true, rows: [row()] },
      ],
    });
  });

  it('keeps only the row’s four fields', () => {
    const r = parseHistoryJson(doc(snap({ rows: [row({ extra: 'x' })] })));
    expect(r.ok && r.value[0]!.rows[0]).toEqual(row());
  });

  it('refuses text that is not JSON, or JSON without a snapshots array, as the file (line 0)', () => {
    const notJson = problems('{');
    expect(notJson).toHaveLength(1);
    expect(notJson[0]!.line).toBe(0);
    expect(notJson[0]!.message).toMatch(/^not JSON: /);
    for (const text of ['null', '[]', '{}', '{"snapshots":{}}', '"x"'])
      expect(problems(text), text).toEqual([
        { line: 0, message: 'expected an object with a "snapshots" array' },
      ]);
  });

  it('names each bad snapshot by its 1-based position and imports none', () => {
    const cases: [unknown, string][] = [
      [snap({ at: '1000' }), 'at must be epoch milliseconds'],
      [snap({ at: 1.5 }), 'at must be epoch milliseconds'],
      [snap({ at: 2 ** 53 }), 'at must be epoch milliseconds'],
      [null, 'at must be epoch milliseconds'],
      [snap({ at: -1 }), 'at is before 1970-01-01, which the history cannot hold'],
      [snap({ available: 'yes' }), 'available must be true or false'],
      [snap({ rows: {} }), 'rows must be an array'],
      [snap({ rows: [null] }), 'row is not an object'],
      [snap({ rows: ['CNY'] }), 'row is not an object'],
      [
        snap({ rows: [row({ currency: 'cny' })] }),
        'currency must be a 3-letter code like CNY (or USDT/USDC): "cny"',
      ],
      [
        snap({ rows: [row({ currency: 7 })] }),
        'currency must be a 3-letter code like CNY (or USDT/USDC): "7"',
      ],
      [
        snap({ rows: [row({ currency: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' })] }),
        'currency must be a 3-letter code like CNY (or USDT/USDC): "ABCDEFGHIJKLMNOPQRST"',
      ],
      [snap({ rows: [row({ total: 1.5 })] }), 'total: not a decimal string'],
      [snap({ rows: [row({ granted: '1,5' })] }), 'granted: not a decimal string'],
      [snap({ rows: [row({ toppedUp: undefined })] }), 'toppedUp: not a decimal string'],
      [
        snap({ rows: [row(), row({ currency: 'USD' }), row()] }),
        'CNY appears twice in one reading',
      ],
    ];
    for (const [bad, message] of cases)
      expect(problems(doc(snap(), bad)), message).toEqual([{ line: 2, message }]);
  });

  it('reports the first bad row of a snapshot, and every bad snapshot', () => {
    const text = doc(
      snap({ rows: [row({ total: 'x' }), row({ currency: 'x' })] }),
      snap(),
      snap({ available: null }),
    );
    expect(problems(text)).toEqual([
      { line: 1, message: 'total: not a decimal string' },
      { line: 3, message: 'available must be true or false' },
    ]);
  });
});
