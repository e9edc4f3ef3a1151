/**
 * The history line format (docs/history-format.md): every line that parses as JSON but is not
 * a valid record is rejected with its reason, never read as a balance (issue 15, item 11).
 */
import { describe, expect, it } from 'vitest';
import {
  decodeLine,
  decodeValue,
  encodeFull,
  encodeHeartbeat,
  encodeSeries,
  FORMAT_VERSION,
  HEADER_LINE,
  sameBalance,
} from '../../../../main/core/history/line-format';
import type { BalanceRow, Snapshot } from '../../../../shared/model';

const cnyRow: BalanceRow = { currency: 'CNY', total: '50.00', granted: '10.00', toppedUp: '40.00' };
const usdRow: BalanceRow = { currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' };
const snap = (at: number, rows: BalanceRow[] = [cnyRow], available = true): Snapshot => ({
  at,
  available,
  rows,
});
const bad = (reason: string) => ({ type: 'bad', reason });

describe('encoding', () => {
  it('writes the header, a full record and a heartbeat exactly as documented', () => {
    expect(FORMAT_VERSION).toBe(1);
    expect(HEADER_LINE).toBe('{"creditray":"history","version":1}\n');
    expect(encodeFull(snap(1000, [cnyRow, usdRow]))).toBe(
      '[1000,1,"CNY","50.00","10.00","40.00","USD","0.00","0.00","0.00"]\n',
    );
    expect(encodeFull(snap(2000, [], false))).toBe('[2000,0]\n');
    expect(encodeHeartbeat(3000)).toBe('[3000]\n');
  });

  it('writes a series as header, full records, and heartbeats only where the balance repeats', () => {
    const other = { ...cnyRow, total: '49.00', toppedUp: '39.00' };
    const text = encodeSeries([
      snap(1000),
      snap(2000),
      snap(3000, [other]),
      snap(4000, [other], false),
    ]);
    expect(text).toBe(
      HEADER_LINE +
        '[1000,1,"CNY","50.00","10.00","40.00"]\n' +
        '[2000]\n' +
        '[3000,1,"CNY","49.00","10.00","39.00"]\n' +
        '[4000,0,"CNY","49.00","10.00","39.00"]\n',
    );
    expect(encodeSeries([])).toBe(HEADER_LINE);
  });

  it('round-trips every snapshot it writes', () => {
    const s = snap(5000, [cnyRow, usdRow], false);
    expect(decodeLine(encodeFull(s).trimEnd())).toEqual({ type: 'full', snapshot: s });
    expect(decodeLine(encodeHeartbeat(5000).trimEnd())).toEqual({ type: 'heartbeat', at: 5000 });
  });
});

describe('sameBalance', () => {
  it('ignores the time but not availability, the number of rows or any field of a row', () => {
    expect(sameBalance(snap(1), snap(2))).toBe(true);
    expect(sameBalance(snap(1, [cnyRow, usdRow]), snap(2, [cnyRow, usdRow]))).toBe(true);
    expect(sameBalance(snap(1), snap(1, [cnyRow], false))).toBe(false);
    expect(sameBalance(snap(1), snap(1, [cnyRow, usdRow]))).toBe(false);
    expect(
      sameBalance(snap(1, [cnyRow, usdRow]), snap(1, [cnyRow, { ...usdRow, total: '1.00' }])),
    ).toBe(false);
    for (const field of ['currency', 'total', 'granted', 'toppedUp'] as const)
      expect(sameBalance(snap(1), snap(1, [{ ...cnyRow, [field]: 'X' }])), field).toBe(false);
  });
});

describe('decoding a line that is JSON but not a valid record', () => {
  it('rejects a time that is not a non-negative safe integer', () => {
    expect(decodeLine('[0]')).toEqual({ type: 'heartbeat', at: 0 });
    expect(decodeLine('[-1]')).toEqual(bad('bad time'));
    expect(decodeLine('[1.5]')).toEqual(bad('bad time'));
    expect(decodeLine('["1000"]')).toEqual(bad('bad time'));
    expect(decodeLine('[9007199254740992]')).toEqual(bad('bad time'));
    expect(decodeLine('[null,1,"CNY","1.00","0.00","1.00"]')).toEqual(bad('bad time'));
    expect(decodeLine('[]')).toEqual(bad('bad time'));
  });

  it('rejects an availability other than 1 or 0 and a length that is not 2 + 4 per row', () => {
    expect(decodeLine('[1000,2,"CNY","1.00","0.00","1.00"]')).toEqual(bad('bad shape'));
    expect(decodeLine('[1000,true,"CNY","1.00","0.00","1.00"]')).toEqual(bad('bad shape'));
    expect(decodeLine('[1000,"1","CNY","1.00","0.00","1.00"]')).toEqual(bad('bad shape'));
    expect(decodeLine('[1000,1,"CNY","1.00","0.00"]')).toEqual(bad('bad shape'));
    expect(decodeLine('[1000,1,"CNY","1.00","0.00","1.00","USD"]')).toEqual(bad('bad shape'));
    expect(decodeLine('[1000,1,"CNY"]')).toEqual(bad('bad shape'));
    expect(decodeLine('[1000,0]')).toEqual({
      type: 'full',
      snapshot: { at: 1000, available: false, rows: [] },
    });
    expect(decodeLine('[1000,1]')).toEqual({
      type: 'full',
      snapshot: { at: 1000, available: true, rows: [] },
    });
  });

  it('rejects a row whose currency or any amount is a JSON number instead of a string', () => {
    expect(decodeLine('[1000,1,1,"1.00","0.00","1.00"]')).toEqual(bad('bad row'));
    expect(decodeLine('[1000,1,"CNY",1,"0.00","1.00"]')).toEqual(bad('bad row'));
    expect(decodeLine('[1000,1,"CNY","1.00",0,"1.00"]')).toEqual(bad('bad row'));
    expect(decodeLine('[1000,1,"CNY","1.00","0.00",1]')).toEqual(bad('bad row'));
    // The second row is checked too, not only the first.
    expect(decodeLine('[1000,1,"CNY","1.00","0.00","1.00","USD","0.00","0.00",0]')).toEqual(
      bad('bad row'),
    );
  });

  it('rejects a currency that is not a currency code', () => {
    expect(decodeLine('[1000,1,"cny","1.00","0.00","1.00"]')).toEqual(bad('bad currency'));
    expect(decodeLine('[1000,1,"=HYPERLINK(1)","1.00","0.00","1.00"]')).toEqual(
      bad('bad currency'),
    );
    expect(decodeLine('[1000,1,"","1.00","0.00","1.00"]')).toEqual(bad('bad currency'));
  });

  it('rejects any of the three amounts when it is not a decimal the importer would accept', () => {
    expect(decodeLine('[1000,1,"CNY","49 .02","0.00","49.02"]')).toEqual(bad('bad amount'));
    expect(decodeLine('[1000,1,"CNY","49.02","0..00","49.02"]')).toEqual(bad('bad amount'));
    expect(decodeLine('[1000,1,"CNY","49.02","0.00","x49.02"]')).toEqual(bad('bad amount'));
    expect(decodeLine('[1000,1,"CNY","49.02","0.00","49.02x"]')).toEqual(bad('bad amount'));
    expect(decodeLine('[1000,1,"CNY","","0.00","1.00"]')).toEqual(bad('bad amount'));
    // Eleven integer digits, or ten above the believable maximum (MAX_ABS_MICROS), are no balance.
    expect(decodeLine('[1000,1,"CNY","12345678901","0.00","1.00"]')).toEqual(bad('bad amount'));
    expect(decodeLine('[1000,1,"CNY","9999999999.00","0.00","9999999999.00"]')).toEqual(
      bad('bad amount'),
    );
  });

  it('accepts the amounts the importer accepts: negative, six decimals, ten integer digits', () => {
    const d = decodeLine('[1000,1,"CNY","-1.5","0.000001","1000000000"]');
    expect(d).toEqual({
      type: 'full',
      snapshot: {
        at: 1000,
        available: true,
        rows: [{ currency: 'CNY', total: '-1.5', granted: '0.000001', toppedUp: '1000000000' }],
      },
    });
    expect(decodeLine('[1000,1,"CNY","1.1234567","0","1.1234567"]').type).toBe('full');
  });

  it('reads an object other than the header, or a bare value, as no record', () => {
    expect(decodeLine('{"creditray":"other","version":1}')).toEqual(bad('not a record'));
    expect(decodeLine('{"version":1}')).toEqual(bad('not a record'));
    expect(decodeLine('null')).toEqual(bad('not a record'));
    expect(decodeLine('1000')).toEqual(bad('not a record'));
    expect(decodeLine('"[1000]"')).toEqual(bad('not a record'));
    expect(decodeValue(undefined)).toEqual(bad('not a record'));
  });

  it('reads the header version, or 0 when the version is not a number', () => {
    expect(decodeLine(HEADER_LINE.trimEnd())).toEqual({ type: 'header', version: 1 });
    expect(decodeLine('{"creditray":"history","version":2}')).toEqual({
      type: 'header',
      version: 2,
    });
    expect(decodeLine('{"creditray":"history","version":"1"}')).toEqual({
      type: 'header',
      version: 0,
    });
    expect(decodeLine('{"creditray":"history"}')).toEqual({ type: 'header', version: 0 });
  });

  it('reads a torn line as not JSON', () => {
    expect(decodeLine('[1000,1,"CNY","1.0')).toEqual(bad('not JSON (torn or corrupt)'));
    expect(decodeLine('')).toEqual(bad('not JSON (torn or corrupt)'));
  });
});

describe('rows shared with the previous record', () => {
  const prev: readonly BalanceRow[] = [cnyRow, usdRow];

  it('shares a row equal to the previous record’s instead of copying it', () => {
    const d = decodeValue(
      [2000, 1, 'CNY', '50.00', '10.00', '40.00', 'USD', '0.00', '0.00', '0.00'],
      prev,
    );
    expect(d.type).toBe('full');
    const rows = d.type === 'full' ? d.snapshot.rows : [];
    expect(rows[0]).toBe(cnyRow);
    expect(rows[1]).toBe(usdRow);
  });

  it('compares with the row at the same position only', () => {
    const d = decodeValue([2000, 1, 'USD', '0.00', '0.00', '0.00'], prev);
    const rows = d.type === 'full' ? d.snapshot.rows : [];
    expect(rows[0]).toEqual(usdRow);
    expect(rows[0]).not.toBe(usdRow);
  });

  it('reads a row that differs in any one field as new, with that field’s new value', () => {
    const line = (r: BalanceRow) => [2000, 1, r.currency, r.total, r.granted, r.toppedUp];
    for (const field of ['currency', 'total', 'granted', 'toppedUp'] as const) {
      const changed = { ...cnyRow, [field]: field === 'currency' ? 'EUR' : '7.00' };
      const d = decodeValue(line(changed), prev);
      expect(d, field).toEqual({
        type: 'full',
        snapshot: { at: 2000, available: true, rows: [changed] },
      });
      expect(d.type === 'full' && d.snapshot.rows[0], field).not.toBe(cnyRow);
    }
  });

  it('checks a new row even when the previous record had one: a damaged amount is not shared', () => {
    expect(decodeValue([2000, 1, 'CNY', '50 .00', '10.00', '40.00'], prev)).toEqual(
      bad('bad amount'),
    );
    expect(
      decodeValue([2000, 1, 'CNY', '50.00', '10.00', '40.00', 'usd', '0.00', '0.00', '0.00'], prev),
    ).toEqual(bad('bad currency'));
  });

  it('does not check a row repeated from the previous record again: it was checked when that record was read', () => {
    const odd: BalanceRow = { currency: 'X1', total: '1', granted: '0', toppedUp: '1' };
    const d = decodeValue([2000, 1, 'X1', '1', '0', '1'], [odd]);
    expect(d.type === 'full' && d.snapshot.rows[0]).toBe(odd);
    expect(decodeValue([2000, 1, 'X1', '1', '0', '1'])).toEqual(bad('bad currency'));
  });
});
