/**
 * The log reader never turns damage into a wrong number (issue 11): amounts and currencies
 * are validated, and a heartbeat whose full record was the damaged line is dropped instead
 * of repeating an older balance.
 */
import { describe, expect, it } from 'vitest';
import { decodeLog } from '../../../../main/core/history/load';
import { HEADER_LINE } from '../../../../main/core/history/line-format';

const log = (...lines: string[]) => HEADER_LINE + lines.join('\n') + '\n';

describe('decodeLog with damaged lines', () => {
  it('drops a record whose amount is not a decimal ("49 .02") or whose currency is a formula', () => {
    const r = decodeLog(
      log(
        '[1000,1,"CNY","50.00","0.00","50.00"]',
        '[2000,1,"CNY","49 .02","0.00","49.02"]',
        '[3000,1,"=HYPERLINK(1)","1.00","0.00","1.00"]',
        '[4000,1,"CNY","48.00","0.00","48.00"]',
      ),
      'a.log',
    );
    expect(r.snapshots.map((s) => s.rows[0]?.total)).toEqual(['50.00', '48.00']);
    expect(r.warnings.join('\n')).toMatch(/line 3: bad amount, dropped/);
    expect(r.warnings.join('\n')).toMatch(/line 4: bad currency, dropped/);
  });

  it('drops heartbeats after a damaged line instead of giving them the older balance', () => {
    // 50.00 at t=1000, then a new balance (damaged on disk), then heartbeats that repeat it.
    const r = decodeLog(
      log(
        '[1000,1,"CNY","50.00","0.00","50.00"]',
        '[2000,1,"CNY","40.00","0.0',
        '[3000]',
        '[4000]',
        '[5000,1,"CNY","39.00","0.00","39.00"]',
        '[6000]',
      ),
      'a.log',
    );
    expect(r.snapshots.map((s) => [s.at, s.rows[0]?.total])).toEqual([
      [1000, '50.00'],
      [5000, '39.00'],
      [6000, '39.00'],
    ]);
    expect(r.warnings.filter((w) => /heartbeat after a damaged line/.test(w))).toHaveLength(2);
  });

  it('asks the next append for a full record when the last full one may be stale', () => {
    const r = decodeLog(log('[1000,1,"CNY","50.00","0.00","50.00"]', 'garbage'), 'a.log');
    expect(r.lastFull).toBeNull();
    expect(
      decodeLog(log('[1000,1,"CNY","50.00","0.00","50.00"]', '[2000]'), 'a.log').lastFull?.at,
    ).toBe(1000);
  });
});
