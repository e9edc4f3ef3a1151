/**
 * account-unavailable and top-up-pending in detail (issue 15): each rule's confidence with and
 * without a fresh reading or a pasted error, its evidence and steps, and the boundaries of the
 * "wait before saying pending" windows.
 */
import { describe, expect, it } from 'vitest';
import { cause, find, run } from './fixtures/causes';
import { PENDING_AFTER_MS } from '../../../../shared/diagnosis/causes/top-up';
import type { Cause, DiagnosisInput } from '../../../../shared/diagnosis/types';
import { cny, config, HOUR, input, MIN, NOW, PASTE, status } from './fixtures/build';

const kinds = (c: Cause) => c.evidence.map((e) => e.kind);

/** Moonshot's out-of-money 429: a money error, but another provider's. */
const MOONSHOT_MONEY =
  '429 Your account org-1 <ak-2> is suspended due to insufficient balance, please recharge your account or check your plan and billing details';

describe('account-unavailable: money left but calls cannot be paid for', () => {
  const at = NOW - 5 * MIN;
  const blocked = (over = {}) => status(cny(at, '0.00', '20.00', false), over);

  it('from a fresh reading: 0.90, the reading as evidence, four steps with their checks', () => {
    const c = cause(run(input(blocked())), 'account-unavailable');
    expect(c.confidence).toBe(0.9);
    expect(c.evidence).toHaveLength(1);
    expect(c.evidence[0]).toMatchObject({ kind: 'available', values: { at } });
    expect(c.evidence[0]!.text).toContain('¥20.00');
    expect(c.steps.map((s) => [s.id, s.action, s.verify, s.done])).toEqual([
      ['check-account', { kind: 'open-link', link: 'usage' }, { kind: 'available' }, false],
      ['check-status', { kind: 'open-link', link: 'status' }, null, false],
      ['contact-support', { kind: 'none' }, null, false],
      ['recheck', { kind: 'recheck' }, { kind: 'balance-above-zero-and-available' }, false],
    ]);
  });

  it('from an old reading: 0.70', () => {
    expect(cause(run(input(blocked({ stale: true }))), 'account-unavailable').confidence).toBe(0.7);
  });

  it('a pasted 402 adds 0.05 and is quoted; from an old reading too', () => {
    const c = cause(run(input(blocked(), { pastedError: PASTE.py402 })), 'account-unavailable');
    expect(c.confidence).toBe(0.95);
    expect(kinds(c)).toEqual(['available', 'pasted']);
    expect(c.evidence[1]!.text).toContain('402');
    const stale = cause(
      run(input(blocked({ stale: true }), { pastedError: PASTE.py402 })),
      'account-unavailable',
    );
    expect(stale.confidence).toBe(0.75);
  });

  it('another provider’s money error neither raises it nor is quoted', () => {
    const c = cause(run(input(blocked(), { pastedError: MOONSHOT_MONEY })), 'account-unavailable');
    expect(c.confidence).toBe(0.9);
    expect(kinds(c)).toEqual(['available']);
  });

  it('a pasted 401 or 429 is what the program hit: 0.60, not quoted', () => {
    for (const paste of [PASTE.py401, PASTE.js429]) {
      const c = cause(run(input(blocked(), { pastedError: paste })), 'account-unavailable');
      expect(c.confidence, paste).toBe(0.6);
      expect(kinds(c), paste).toEqual(['available']);
    }
  });

  it('does not hold for an available account, an empty one, or one never read', () => {
    expect(
      find(run(input(status(cny(at, '0.00', '20.00')))), 'account-unavailable'),
    ).toBeUndefined();
    const empty = run(input(status(cny(at, '0.00', '0.00', false))));
    expect(find(empty, 'account-unavailable')).toBeUndefined();
    expect(find(empty, 'balance-depleted')).toBeDefined();
    expect(
      find(run(input(status(null, { checkedAt: at }))), 'account-unavailable'),
    ).toBeUndefined();
  });
});

describe('top-up-pending: paid, waited, and fresh readings show no increase', () => {
  const paidAt = NOW - 20 * MIN;
  /** An empty account read now, with readings since before the payment. */
  const empty = (readAt = NOW - MIN, over = {}) => status(cny(readAt, '0.00', '0.00'), over);
  const hist = (readAt = NOW - MIN) => [
    cny(NOW - 2 * HOUR, '0.00', '0.00'),
    cny(readAt, '0.00', '0.00'),
  ];
  const pending = (over: Partial<DiagnosisInput> = {}, readAt = NOW - MIN) =>
    run(input(empty(readAt), { history: hist(readAt), facts: { paidAt }, ...over }));

  it('at 0.92 with the payment and the unchanged reading as evidence', () => {
    const c = cause(pending(), 'top-up-pending');
    expect(c.confidence).toBe(0.92);
    expect(c.evidence.map((e) => [e.kind, e.values])).toEqual([
      ['paid', { paidAt }],
      ['balance', { at: NOW - MIN }],
    ]);
    expect(c.evidence[0]!.text).toContain('20 minutes ago');
    expect(c.evidence[1]!.text).toContain('¥0.00');
    const grows = { kind: 'balance-increased', currency: 'CNY', fromMicros: 0 };
    expect(c.steps.map((s) => [s.id, s.action, s.verify])).toEqual([
      ['check-payment', { kind: 'open-link', link: 'topUp' }, grows],
      ['recheck', { kind: 'recheck' }, grows],
      ['contact-support', { kind: 'none' }, null],
    ]);
    // Ranked ahead of the depleted balance it explains.
    expect(
      pending()
        .causes.map((x) => x.id)
        .slice(0, 2),
    ).toEqual(['top-up-pending', 'balance-depleted']);
  });

  it('remembers the balance it started from, so only a rise ticks the steps', () => {
    const low = status(cny(NOW - MIN, '0.00', '3.00'));
    const d = run(
      input(low, {
        history: [cny(NOW - 2 * HOUR, '0.00', '3.00'), low.snapshot!],
        facts: { paidAt },
      }),
    );
    expect(cause(d, 'top-up-pending').steps[0]!.verify).toEqual({
      kind: 'balance-increased',
      currency: 'CNY',
      fromMicros: 3_000_000,
    });
  });

  it('waits exactly PENDING_AFTER_MS after the payment before speaking', () => {
    expect(PENDING_AFTER_MS).toBe(15 * MIN);
    const at = (p: number) => run(input(empty(NOW), { history: hist(NOW), facts: { paidAt: p } }));
    expect(find(at(NOW - 15 * MIN + 1), 'top-up-pending')).toBeUndefined();
    expect(find(at(NOW - 15 * MIN), 'top-up-pending')).toBeDefined();
  });

  it('needs a reading taken at least PENDING_AFTER_MS after the payment', () => {
    expect(find(pending({}, paidAt + 15 * MIN - 1), 'top-up-pending')).toBeUndefined();
    expect(find(pending({}, paidAt + 15 * MIN), 'top-up-pending')).toBeDefined();
  });

  it('says nothing from an old reading', () => {
    const d = run(input(empty(NOW - MIN, { stale: true }), { history: hist(), facts: { paidAt } }));
    expect(find(d, 'top-up-pending')).toBeUndefined();
  });

  it('a top-up seen up to five minutes before the click counts as arrived; earlier ones do not', () => {
    const rose = (riseAt: number) =>
      run(
        input(empty(), {
          history: [
            cny(NOW - 2 * HOUR, '0.00', '0.00'),
            cny(riseAt - MIN, '0.00', '0.00'),
            cny(riseAt, '0.00', '5.00'),
            cny(NOW - MIN, '0.00', '0.00'),
          ],
          facts: { paidAt },
        }),
      );
    expect(find(rose(paidAt - 5 * MIN), 'top-up-pending')).toBeUndefined();
    expect(find(rose(paidAt - 5 * MIN - 1), 'top-up-pending')).toBeDefined();
  });

  it('a rise on another account since the payment halves it (the money may have landed there)', () => {
    const other = status(cny(NOW - MIN, '0.00', '50.00'), {
      config: { id: 'other', label: 'Other', keyMask: 'sk-…c3d4' },
    });
    const othersHistory = (riseAt: number) => ({
      other: [cny(riseAt - MIN, '0.00', '0.00'), cny(riseAt, '0.00', '50.00')],
    });
    const c = cause(
      pending({ others: [other], othersHistory: othersHistory(paidAt + MIN) }),
      'top-up-pending',
    );
    expect(c.confidence).toBe(0.5);
    // A rise before the payment is not that payment.
    const before = cause(
      pending({ others: [other], othersHistory: othersHistory(paidAt - MIN) }),
      'top-up-pending',
    );
    expect(before.confidence).toBe(0.92);
    // Another account without history tells nothing.
    expect(cause(pending({ others: [other] }), 'top-up-pending').confidence).toBe(0.92);
  });

  it('needs a declared payment and a reading', () => {
    expect(find(run(input(empty(), { history: hist() })), 'top-up-pending')).toBeUndefined();
    const never = status(null, { checkedAt: NOW - MIN, config: config() });
    expect(find(run(input(never, { facts: { paidAt } })), 'top-up-pending')).toBeUndefined();
  });
});
