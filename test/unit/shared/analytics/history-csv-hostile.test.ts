/**
 * The CSV export against spreadsheet formula injection (OWASP "CSV Injection") and the
 * importer reading the neutralised cells back exactly (issue 11).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  escapeFormula,
  exportHistory,
  parseHistoryCsv,
  unescapeFormula,
} from '../../../../shared/analytics/history-csv';
import type { Snapshot } from '../../../../shared/model';

const at = Date.UTC(2026, 0, 1);

describe('formula-leading cells', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-1+1', '@SUM(A1)', '\tCNY', '\rCNY', "'=1"])(
    'neutralises %j with a leading single quote',
    (cell) => {
      expect(escapeFormula(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves plain numbers (negative balances too) and ordinary text alone', () => {
    for (const cell of ['-5.00', '12.50', 'CNY', "it's", "'plain"])
      expect(escapeFormula(cell)).toBe(cell);
  });

  it('reads back exactly what it neutralised, for any text', () => {
    fc.assert(fc.property(fc.string(), (s) => unescapeFormula(escapeFormula(s)) === s));
  });

  it('never writes a cell that starts with a formula character, even from an old log with a hostile currency', () => {
    const hostile: Snapshot[] = [
      {
        at,
        available: true,
        rows: [
          {
            currency: '=HYPERLINK("http://evil","x")',
            total: '1.00',
            granted: '0.00',
            toppedUp: '1.00',
          },
        ],
      },
    ];
    const csv = exportHistory(hostile, { format: 'csv' });
    for (const line of csv.trim().split('\n').slice(1)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
    }
    expect(csv).toContain(`"'=HYPERLINK(""http://evil""`);
    // The importer restores the text and then applies the currency rule: refused with its line.
    const back = parseHistoryCsv(csv);
    expect(back.ok).toBe(false);
    if (!back.ok)
      expect(back.error[0]).toMatchObject({
        line: 2,
        message: expect.stringMatching(/=HYPERLINK/),
      });
  });
});

describe('round trips', () => {
  it('keeps readings that share a millisecond, in file order, and a negative balance exactly', () => {
    const snaps: Snapshot[] = [
      {
        at,
        available: true,
        rows: [
          { currency: 'CNY', total: '10.00', granted: '0.00', toppedUp: '10.00' },
          { currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' },
        ],
      },
      {
        at,
        available: false,
        rows: [{ currency: 'CNY', total: '-0.50', granted: '0.00', toppedUp: '-0.50' }],
      },
      {
        at: at + 1,
        available: true,
        rows: [{ currency: 'USDT', total: '3.00', granted: '0.00', toppedUp: '3.00' }],
      },
    ];
    const csv = exportHistory(snaps, { format: 'csv' });
    const back = parseHistoryCsv(csv);
    expect(back).toEqual({ ok: true, value: snaps });
    if (back.ok) expect(exportHistory(back.value, { format: 'csv' })).toBe(csv);
  });
});
