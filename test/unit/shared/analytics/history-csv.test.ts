import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportHistory, parseHistoryCsv, parseHistoryJson } from '../../../../shared/analytics';
import type { Snapshot } from '../../../../shared/model';

const amount = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.stringMatching(/^(|\.\d{1,6})$/))
  .map(([i, f]) => `${i}${f}`);
const row = (currency: string) =>
  fc.record({ currency: fc.constant(currency), total: amount, granted: amount, toppedUp: amount });
const snapshot: fc.Arbitrary<Snapshot> = fc.record({
  at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  available: fc.boolean(),
  rows: fc
    .oneof(
      fc.constant([]),
      fc.tuple(row('CNY')),
      fc.tuple(row('CNY'), row('USD')),
      fc.tuple(row('USD')),
    )
    .map((r) => [...r]),
});
const history = fc
  .uniqueArray(snapshot, { selector: (s) => s.at, maxLength: 40 })
  .map((a) => a.sort((x, y) => x.at - y.at));

describe('history export and import', () => {
  it('round-trips CSV exactly: same snapshots, byte-identical re-export', () => {
    fc.assert(
      fc.property(history, (snaps) => {
        const csv = exportHistory(snaps, { format: 'csv' });
        const back = parseHistoryCsv(csv);
        expect(back).toEqual({ ok: true, value: snaps });
        if (back.ok) expect(exportHistory(back.value, { format: 'csv' })).toBe(csv);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips JSON exactly', () => {
    fc.assert(
      fc.property(history, (snaps) => {
        expect(parseHistoryJson(exportHistory(snaps, { format: 'json' }))).toEqual({
          ok: true,
          value: snaps,
        });
      }),
    );
  });

  it('writes the documented columns, one row per currency, ISO UTC times, and filters by range', () => {
    const snaps: Snapshot[] = [
      {
        at: Date.UTC(2026, 0, 1, 23, 59, 59, 5),
        available: true,
        rows: [
          { currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' },
          { currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' },
        ],
      },
      { at: Date.UTC(2026, 0, 2), available: false, rows: [] },
    ];
    expect(exportHistory(snaps, { format: 'csv' })).toBe(
      'time,currency,total,granted,toppedUp,available\n' +
        '2026-01-01T23:59:59.005Z,CNY,110.00,10.00,100.00,true\n' +
        '2026-01-01T23:59:59.005Z,USD,0.00,0.00,0.00,true\n' +
        '2026-01-02T00:00:00.000Z,,,,,false\n',
    );
    expect(
      exportHistory(snaps, { format: 'csv', from: Date.UTC(2026, 0, 2) }).split('\n'),
    ).toHaveLength(3);
    expect(
      JSON.parse(exportHistory(snaps, { format: 'json', to: Date.UTC(2026, 0, 1, 23) })).snapshots,
    ).toEqual([]);
  });

  it('reports every bad row with its line number and imports nothing', () => {
    const csv = [
      'time,currency,total,granted,toppedUp,available',
      '2026-01-01T00:00:00Z,CNY,10.00,0.00,10.00,true',
      'yesterday,CNY,10.00,0.00,10.00,true',
      '2026-01-01T01:00:00Z,CNY,ten,0.00,10.00,true',
      '',
      '2026-01-01T02:00:00Z,CNY,1.00,0.00,1.00,maybe',
      '2026-01-01T00:00:00Z,CNY,9.00,0.00,9.00,true',
      '2026-01-01T03:00:00Z,cny,1.00,0.00,1.00,true',
      '2026-01-01T04:00:00Z,CNY,"1.00,0.00,1.00,true',
    ].join('\n');
    const r = parseHistoryCsv(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      // Line 7 repeats line 2's time: another reading at that millisecond (a clock stepped
      // back), which the app's own export contains, so it is not an error (issue 11).
      expect(r.error.map((p) => p.line)).toEqual([3, 4, 6, 8, 9]);
      expect(r.error[1]?.message).toMatch(/total: not a decimal amount/);
      expect(r.error[3]?.message).toMatch(/currency must be a 3-letter code/);
    }
  });

  it('accepts columns in any order, extra columns, quotes, a BOM, CRLF and time zone offsets', () => {
    const csv =
      '\uFEFFavailable,note,time,toppedUp,granted,total,currency\r\n"true","a, b",2026-01-01T08:00:00+08:00,"5.5",0,5.5,CNY\r\n';
    expect(parseHistoryCsv(csv)).toEqual({
      ok: true,
      value: [
        {
          at: Date.UTC(2026, 0, 1),
          available: true,
          rows: [{ currency: 'CNY', total: '5.5', granted: '0', toppedUp: '5.5' }],
        },
      ],
    });
  });

  it('names missing columns', () => {
    expect(parseHistoryCsv('time,currency,total\n')).toEqual({
      ok: false,
      error: [{ line: 1, message: 'missing column(s): granted, toppedUp, available' }],
    });
  });
});
