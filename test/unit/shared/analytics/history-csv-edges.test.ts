/** CSV/JSON export edges (range bounds, order, numeric cells) and the CSV importer's quoting, layout, problem messages and ordering. */
import { describe, expect, it } from 'vitest';
import {
  escapeFormula,
  exportHistory,
  parseHistoryCsv,
  unescapeFormula,
} from '../../../../shared/analytics/history-csv';
import type { Snapshot } from '../../../../shared/model';

const T = Date.UTC(2026, 0, 1);
const ISO = new Date(T).toISOString(); // 2026-01-01T00:00:00.000Z
const iso = (dt: number): string => new Date(T + dt).toISOString();
const HEADER = 'time,currency,total,granted,toppedUp,available';

const csv = (...lines: string[]): string => [HEADER, ...lines].join('\n') + '\n';

const reading = (at: number, currency: string, total: string, available = true): Snapshot => ({
  at,
  available,
  rows: [{ currency, total, granted: '0.00', toppedUp: total }],
});

/** The problems of a file that must not import. */
function problems(text: string): { line: number; message: string }[] {
  const r = parseHistoryCsv(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error;
}

describe('export', () => {
  it('keeps readings exactly at from and to, drops the rest, and writes them in time order', () => {
    const snaps = [
      reading(T + 2000, 'CNY', '8.00'),
      reading(T - 1, 'CNY', '11.00'),
      reading(T, 'CNY', '10.00'),
      reading(T + 2001, 'CNY', '7.00'),
      reading(T + 1000, 'CNY', '9.00'),
    ];
    expect(exportHistory(snaps, { format: 'csv', from: T, to: T + 2000 })).toBe(
      csv(
        `${iso(0)},CNY,10.00,0.00,10.00,true`,
        `${iso(1000)},CNY,9.00,0.00,9.00,true`,
        `${iso(2000)},CNY,8.00,0.00,8.00,true`,
      ),
    );
    const json = JSON.parse(exportHistory(snaps, { format: 'json', to: T })) as {
      snapshots: Snapshot[];
    };
    expect(json.snapshots.map((s) => s.at - T)).toEqual([-1, 0]);
  });

  it('declares the JSON format and version and ends the file with a newline', () => {
    const text = exportHistory([reading(T, 'CNY', '1.00')], { format: 'json' });
    expect(JSON.parse(text)).toMatchObject({ format: 'creditray-history', version: 1 });
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes negative and whole-number amounts as plain numbers a spreadsheet can add up', () => {
    const snaps: Snapshot[] = [
      {
        at: T,
        available: false,
        rows: [{ currency: 'CNY', total: '-12.50', granted: '-3', toppedUp: '-9.50' }],
      },
    ];
    const text = exportHistory(snaps, { format: 'csv' });
    expect(text).toBe(csv(`${ISO},CNY,-12.50,-3,-9.50,false`));
    expect(parseHistoryCsv(text)).toEqual({ ok: true, value: snaps });
    expect(escapeFormula('-12.50')).toBe('-12.50');
    expect(escapeFormula('-3')).toBe('-3');
    expect(escapeFormula('-3.')).toBe("'-3.");
  });

  it('un-neutralises exactly one quote, and only at the start of a cell', () => {
    expect(escapeFormula("''=1")).toBe("'''=1");
    expect(unescapeFormula("'''=1")).toBe("''=1");
    expect(unescapeFormula("A'=1")).toBe("A'=1");
    expect(unescapeFormula("'A")).toBe("'A");
  });
});

describe('import: splitting lines into cells', () => {
  it('reads "" inside a quoted cell as one quote (as the problem message shows)', () => {
    expect(problems(csv(`${ISO},"U""SD",1.00,0.00,1.00,true`))).toEqual([
      { line: 2, message: 'currency must be a 3-letter code like CNY (or USDT/USDC): "U\\"SD"' },
    ]);
  });

  it('accepts a quoted last cell and a quoted cell holding a comma', () => {
    const text = [
      'note,time,currency,total,granted,toppedUp,available',
      `"top-up, card",${ISO},CNY,"10.00",0.00,10.00,"true"`,
    ].join('\r\n');
    expect(parseHistoryCsv(text)).toEqual({ ok: true, value: [reading(T, 'CNY', '10.00')] });
  });

  it('reports text after a closing quote, and an unclosed quote, as unbalanced quotes', () => {
    expect(
      problems(
        csv(
          `${ISO},"CNY"x,1.00,0.00,1.00,true`,
          `"${iso(1000)},CNY,1.00,0.00,1.00,true`,
          `${iso(2000)},CNY,1.00,0.00,1.00,"true`,
        ),
      ),
    ).toEqual([
      { line: 2, message: 'unbalanced quotes' },
      { line: 3, message: 'unbalanced quotes' },
      { line: 4, message: 'unbalanced quotes' },
    ]);
  });

  it('reads an empty first cell as empty (currency column first, a reading with no rows)', () => {
    const text = `currency,time,total,granted,toppedUp,available\n,${ISO},,,,false\n`;
    expect(parseHistoryCsv(text)).toEqual({
      ok: true,
      value: [{ at: T, available: false, rows: [] }],
    });
  });

  it('reads cells missing from a short row as empty (a spreadsheet that drops trailing empty cells)', () => {
    const text = `time,available,currency,total,granted,toppedUp\n${ISO},false\n`;
    expect(parseHistoryCsv(text)).toEqual({
      ok: true,
      value: [{ at: T, available: false, rows: [] }],
    });
  });
});

describe('import: file layout', () => {
  it('trims spaces around header names and cells', () => {
    const text =
      ' time , currency ,total, granted,toppedUp , available \n' +
      ` ${ISO} , CNY , 10.00 ,0.00, 10.00 , true \n`;
    expect(parseHistoryCsv(text)).toEqual({ ok: true, value: [reading(T, 'CNY', '10.00')] });
  });

  it('skips blank and whitespace-only lines', () => {
    const text = csv(
      `${ISO},CNY,10.00,0.00,10.00,true`,
      '   ',
      '\t',
      '',
      `${iso(1000)},CNY,9.00,0.00,9.00,true`,
    );
    expect(parseHistoryCsv(text)).toEqual({
      ok: true,
      value: [reading(T, 'CNY', '10.00'), reading(T + 1000, 'CNY', '9.00')],
    });
  });

  it('strips a byte-order mark only at the start of the file, never one inside a cell', () => {
    expect(parseHistoryCsv('\uFEFF' + csv(`${ISO},CNY,1.00,0.00,1.00,true`)).ok).toBe(true);
    expect(problems(csv(`${ISO},C\uFEFFNY,1.00,0.00,1.00,true`))).toEqual([
      { line: 2, message: expect.stringMatching(/^currency must be a 3-letter code/) },
    ]);
  });

  it('reports a header with an unclosed quote as missing every column', () => {
    expect(parseHistoryCsv(`"${HEADER}\n${ISO},CNY,1.00,0.00,1.00,true\n`)).toEqual({
      ok: false,
      error: [
        {
          line: 1,
          message: 'missing column(s): time, currency, total, granted, toppedUp, available',
        },
      ],
    });
  });
});

describe('import: row problems', () => {
  it('says a time is not ISO 8601, quoting at most 40 characters of it', () => {
    const long = 'the first of January twenty twenty-six at noon';
    expect(
      problems(csv('yesterday,CNY,1.00,0.00,1.00,true', `${long},CNY,1.00,0.00,1.00,true`)),
    ).toEqual([
      { line: 2, message: 'time is not an ISO-8601 date-time with a zone: "yesterday"' },
      {
        line: 3,
        message: `time is not an ISO-8601 date-time with a zone: "${long.slice(0, 40)}"`,
      },
    ]);
  });

  it('refuses an ISO time without a zone or on a day that does not exist, saying why', () => {
    expect(
      problems(
        csv(
          '2026-01-01T00:00:00,CNY,1.00,0.00,1.00,true',
          '2026-02-30T00:00:00Z,CNY,1.00,0.00,1.00,true',
        ),
      ),
    ).toEqual([
      { line: 2, message: 'time "2026-01-01T00:00:00": the time has no zone (add Z for UTC)' },
      { line: 3, message: 'time "2026-02-30T00:00:00Z": not a real date: 2026-02 has no day 30' },
    ]);
  });

  it('accepts 1 and 0 and any case for available, and refuses an empty one', () => {
    expect(
      parseHistoryCsv(
        csv(
          `${iso(0)},CNY,1.00,0.00,1.00,1`,
          `${iso(1000)},CNY,1.00,0.00,1.00,0`,
          `${iso(2000)},CNY,1.00,0.00,1.00,TRUE`,
          `${iso(3000)},CNY,1.00,0.00,1.00,False`,
        ),
      ),
    ).toEqual({
      ok: true,
      value: [
        reading(T, 'CNY', '1.00', true),
        reading(T + 1000, 'CNY', '1.00', false),
        reading(T + 2000, 'CNY', '1.00', true),
        reading(T + 3000, 'CNY', '1.00', false),
      ],
    });
    expect(problems(csv(`${ISO},CNY,1.00,0.00,1.00,`))).toEqual([
      { line: 2, message: 'available must be true or false' },
    ]);
  });

  it('reads a row as an empty reading only when currency and all three amounts are empty', () => {
    expect(
      problems(
        csv(
          `${iso(0)},,1.00,0.00,1.00,true`,
          `${iso(1000)},,,,5.00,true`,
          `${iso(2000)},CNY,,,,true`,
          `${iso(3000)},,,,,true`,
        ),
      ),
    ).toEqual([
      { line: 2, message: 'currency must be a 3-letter code like CNY (or USDT/USDC): ""' },
      { line: 3, message: 'currency must be a 3-letter code like CNY (or USDT/USDC): ""' },
      { line: 4, message: 'total: not a decimal amount: ""' },
    ]);
  });

  it('names the first bad amount column and clips long values in messages', () => {
    const longAmount = '1234567890'.repeat(5) + '.00';
    const longCurrency = 'CURRENCY-NAME-MUCH-TOO-LONG';
    expect(
      problems(
        csv(
          `${iso(0)},CNY,1.00,x,y,true`,
          `${iso(1000)},CNY,1.00,0.00,1 00,true`,
          `${iso(2000)},CNY,${longAmount},0.00,1.00,true`,
          `${iso(3000)},${longCurrency},1.00,0.00,1.00,true`,
        ),
      ),
    ).toEqual([
      { line: 2, message: 'granted: not a decimal amount: "x"' },
      { line: 3, message: 'toppedUp: not a decimal amount: "1 00"' },
      { line: 4, message: `total: not a decimal amount: "${longAmount.slice(0, 40)}"` },
      {
        line: 5,
        message: `currency must be a 3-letter code like CNY (or USDT/USDC): "${longCurrency.slice(0, 20)}"`,
      },
    ]);
  });

  it('refuses rows of one reading that disagree on available', () => {
    expect(
      problems(csv(`${ISO},CNY,1.00,0.00,1.00,true`, `${ISO},USD,2.00,0.00,2.00,false`)),
    ).toEqual([{ line: 3, message: 'available differs from line 2 at the same time' }]);
  });
});

describe('import: order', () => {
  it('returns readings in time order and the rows of each reading by currency, whatever the file order', () => {
    const text = csv(
      `${iso(2000)},USD,2.00,0.00,2.00,true`,
      `${iso(2000)},CNY,20.00,0.00,20.00,true`,
      `${iso(0)},USDT,3.00,0.00,3.00,false`,
      `${iso(0)},CNY,30.00,0.00,30.00,false`,
      `${iso(1000)},CNY,25.00,0.00,25.00,true`,
    );
    const r = parseHistoryCsv(text);
    expect(r.ok && r.value.map((s) => [s.at - T, s.rows.map((row) => row.currency)])).toEqual([
      [0, ['CNY', 'USDT']],
      [1000, ['CNY']],
      [2000, ['CNY', 'USD']],
    ]);
  });
});
