import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/diagnosis/engine';
import { parsePastedError } from '../../../../shared/diagnosis/pasted-error';
import { CAUSE_IDS } from '../../../../shared/diagnosis/types';
import { ERROR_KINDS, type Snapshot } from '../../../../shared/model';
import { microsToDecimal } from '../../../../shared/money';
import { HOUR, input, NOW, perr, status } from './fixtures/build';

const micros = fc.integer({ min: 0, max: 500_000_000 });
const rowArb = fc.record({ currency: fc.constantFrom('CNY', 'USD'), g: micros, t: micros }).map(({ currency, g, t }) => ({
  currency,
  granted: microsToDecimal(g),
  toppedUp: microsToDecimal(t),
  total: microsToDecimal(g + t),
}));
const snapArb = (at: number) => fc.record({ available: fc.boolean(), rows: fc.uniqueArray(rowArb, { selector: (r) => r.currency, maxLength: 2 }) }).map((s): Snapshot => ({ at, ...s }));
const historyArb = fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 30 }).chain((gaps) => {
  let at = NOW - 10 * 24 * HOUR;
  const times = gaps.map((g) => (at += g * 10 * 60_000));
  return fc.tuple(...times.map((t) => snapArb(Math.min(t, NOW))));
});
const pasteArb = fc.oneof(fc.constant(undefined), fc.string(), fc.constantFrom('402 Insufficient Balance', 'HTTP/1.1 429 Too Many Requests', 'Error code: 401 - {}'));

describe('diagnosis invariants', () => {
  it('never throws, ranks by confidence, keeps ids unique and known, and is healthy exactly when no cause holds', () => {
    fc.assert(
      fc.property(historyArb, pasteArb, fc.option(fc.constantFrom(...ERROR_KINDS)), fc.option(fc.integer({ min: 0, max: 5 * HOUR })), (history, pasted, errKind, paidAgo) => {
        const last = history[history.length - 1] ?? null;
        const error = errKind ? perr(errKind, null, NOW - 1000) : null;
        const inp = input(status(last, { error, stale: !!error && !!last, checkedAt: NOW - 1000 }), {
          history,
          ...(pasted !== undefined ? { pastedError: pasted } : {}),
          ...(paidAgo !== null ? { facts: { paidAt: NOW - paidAgo } } : {}),
        });
        for (const lang of ['en', 'zh-CN'] as const) {
          const d = diagnose(inp, lang);
          const ids = d.causes.map((c) => c.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(CAUSE_IDS).toContain(id);
          const conf = d.causes.map((c) => c.confidence);
          expect([...conf].sort((a, b) => b - a)).toEqual(conf);
          for (const c of conf) expect(c >= 0 && c <= 1).toBe(true);
          expect(d.healthy).toBe(d.causes.length === 0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('parses any text without throwing and only calls 402 a balance problem', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const p = parsePastedError(text);
        if (p.isBalanceProblem) expect(p.kind).toBe('insufficient-balance');
        if (!p.recognised) expect(p.isBalanceProblem).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
