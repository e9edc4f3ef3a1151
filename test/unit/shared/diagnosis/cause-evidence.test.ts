/**
 * What a cause is sure of and why (issue 15, items 7-9): a pasted 402 raises the money causes'
 * confidence and is quoted as evidence; a 401 while Creditray's own key works says the
 * program sends another key; repeated errors count only within the hour; trackProgress never
 * lists a live cause as cleared.
 */
import { describe, expect, it } from 'vitest';
import { cause, run } from './fixtures/causes';
import { trackProgress } from '../../../../shared/diagnosis/engine';
import type { Cause } from '../../../../shared/diagnosis/types';
import { cny, HOUR, input, MIN, NOW, PASTE, perr, status } from './fixtures/build';

const kinds = (c: Cause) => c.evidence.map((e) => e.kind);
const stepIds = (c: Cause) => c.steps.map((s) => s.id);

describe('a pasted 402 raises confidence and is quoted as evidence', () => {
  const empty = () => status(cny(NOW - 5 * MIN, '0.00', '0.00'));
  const low = () => status(cny(NOW - 5 * MIN, '0.00', '0.50'));

  it('balance-depleted: 0.90 from the reading alone, 0.95 with the pasted 402 quoted', () => {
    const alone = cause(run(input(empty())), 'balance-depleted');
    expect(alone.confidence).toBe(0.9);
    expect(kinds(alone)).toEqual(['balance']);
    const pasted = cause(run(input(empty(), { pastedError: PASTE.py402 })), 'balance-depleted');
    expect(pasted.confidence).toBe(0.95);
    expect(kinds(pasted)).toEqual(['balance', 'pasted']);
    expect(pasted.evidence[1]!.text).toMatch(/402/);
    expect(stepIds(pasted)).toEqual(['top-up', 'mark-paid', 'recheck']);
  });

  it('balance-depleted from an old reading: 0.70, 0.75 with the pasted 402', () => {
    const stale = () => status(cny(NOW - 5 * HOUR, '0.00', '0.00'), { stale: true });
    expect(cause(run(input(stale())), 'balance-depleted').confidence).toBe(0.7);
    expect(
      cause(run(input(stale(), { pastedError: PASTE.py402 })), 'balance-depleted').confidence,
    ).toBe(0.75);
  });

  it('balance-low: 0.70 for a critical balance, 0.80 with the pasted 402 quoted', () => {
    const alone = cause(run(input(low())), 'balance-low');
    expect(alone.confidence).toBe(0.7);
    expect(kinds(alone)).toEqual(['balance']);
    const pasted = cause(run(input(low(), { pastedError: PASTE.py402 })), 'balance-low');
    expect(pasted.confidence).toBe(0.8);
    expect(kinds(pasted)).toEqual(['balance', 'pasted']);
    expect(stepIds(pasted)).toEqual(['top-up', 'recheck']);
  });

  it('a pasted 401 or 429 is no evidence of an empty balance and lowers it below the real cause', () => {
    for (const paste of [PASTE.py401, PASTE.js429]) {
      const d = run(input(empty(), { pastedError: paste }));
      const depleted = cause(d, 'balance-depleted');
      expect(depleted.confidence, paste).toBe(0.6);
      expect(kinds(depleted), paste).toEqual(['balance']);
      const low2 = cause(run(input(low(), { pastedError: paste })), 'balance-low');
      expect(low2.confidence, paste).toBe(0.5);
    }
  });
});

describe('invalid-key: a 401 while Creditray’s own key works', () => {
  const funded = (over = {}) => status(cny(NOW - 5 * MIN, '0.00', '80.00'), over);

  it('says the key works, names its mask, and tells the user to send the same key', () => {
    const c = cause(run(input(funded(), { pastedError: PASTE.py401 })), 'invalid-key');
    expect(c.confidence).toBe(0.95);
    expect(kinds(c)).toEqual(['pasted', 'key']);
    expect(c.evidence[1]!.values).toEqual({ keyMask: 'sk-…a1b2' });
    expect(c.evidence[1]!.text).toContain('sk-…a1b2');
    expect(stepIds(c)).toEqual(['use-same-key', 'check-key']);
    expect(c.steps[0]!.title + c.steps[0]!.why).toContain('sk-…a1b2');
  });

  it('does not claim the key works when the reading is stale or Creditray’s own check fails', () => {
    const stale = cause(
      run(input(funded({ stale: true }), { pastedError: PASTE.py401 })),
      'invalid-key',
    );
    expect(kinds(stale)).toEqual(['pasted']);
    expect(stepIds(stale)).toEqual(['check-key', 'replace-key', 'recheck']);
    expect(stale.steps[1]!.verify).toEqual({ kind: 'key-replaced', previousMask: 'sk-…a1b2' });
    expect(stale.steps[2]!.verify).toEqual({ kind: 'auth-ok', after: NOW });

    const failing = funded({ error: perr('auth', 401, NOW - MIN) });
    const c = cause(run(input(failing, { pastedError: PASTE.py401 })), 'invalid-key');
    expect(c.confidence).toBe(0.97);
    expect(kinds(c)).not.toContain('key');
    expect(stepIds(c)).toEqual(['check-key', 'replace-key', 'recheck']);
  });

  it('has no reading to vouch for the key when the account was never read', () => {
    const c = cause(
      run(input(status(null, { checkedAt: NOW - MIN }), { pastedError: PASTE.py401 })),
      'invalid-key',
    );
    expect(kinds(c)).toEqual(['pasted']);
    expect(stepIds(c)).toEqual(['check-key', 'replace-key', 'recheck']);
  });
});

describe('repeated errors count within the last hour only', () => {
  const funded = () => status(cny(NOW - 5 * MIN, '0.00', '80.00'));
  const errs = (...ages: number[]) => ages.map((age) => perr('rate-limit', 429, NOW - age));

  it('two 429s within the hour are rate limiting, at 0.5 with the count as evidence', () => {
    const c = cause(
      run(input(funded(), { recentErrors: errs(10 * MIN, HOUR - 1) })),
      'rate-limited',
    );
    expect(c.confidence).toBe(0.5);
    expect(c.evidence).toEqual([
      expect.objectContaining({ kind: 'poll-error', values: { count: 2 } }),
    ]);
    expect(stepIds(c)).toEqual(['slow-down', 'recheck']);
  });

  it('one of them exactly an hour old, or older, does not count', () => {
    for (const old of [HOUR, 2 * HOUR]) {
      const d = run(input(funded(), { recentErrors: errs(10 * MIN, old) }));
      expect(
        d.causes.map((c) => c.id),
        String(old),
      ).not.toContain('rate-limited');
    }
  });

  it('three within the hour say three', () => {
    const c = cause(
      run(input(funded(), { recentErrors: errs(MIN, 2 * MIN, 3 * MIN, 2 * HOUR) })),
      'rate-limited',
    );
    expect(c.evidence[0]!.values).toEqual({ count: 3 });
  });

  it('repeated errors plus a failing check right now add 0.03 to what the check alone says', () => {
    const now = perr('rate-limit', 429, NOW - MIN);
    const failing = status(cny(NOW - 5 * MIN, '0.00', '80.00'), { error: now });
    const once = cause(run(input(failing, { recentErrors: [now] })), 'rate-limited');
    expect(once.confidence).toBe(0.8);
    const repeated = cause(
      run(input(failing, { recentErrors: [now, ...errs(20 * MIN)] })),
      'rate-limited',
    );
    expect(repeated.confidence).toBe(0.83);
    expect(repeated.evidence.at(-1)).toMatchObject({ kind: 'poll-error', values: { count: 2 } });
  });
});

describe('trackProgress lists live causes once and only cleared ones as cleared', () => {
  it('keeps the live cause live and marks only the one that went away as cleared', () => {
    const empty = status(cny(NOW - 5 * MIN, '0.00', '0.00'));
    const first = run(input(empty, { pastedError: PASTE.py401 }));
    expect(first.causes.map((c) => c.id).slice(0, 2)).toEqual(['invalid-key', 'balance-depleted']);

    const later = { now: NOW + MIN };
    const next = trackProgress(first, input(empty, later), 'en');
    expect(next.causes.map((c) => [c.id, c.cleared ?? false])).toEqual([
      ['balance-depleted', false],
      ['invalid-key', true],
    ]);
    expect(next.healthy).toBe(false);
  });

  it('lists nothing as cleared while every earlier cause still holds', () => {
    const empty = status(cny(NOW - 5 * MIN, '0.00', '0.00'));
    const first = run(input(empty));
    const next = trackProgress(first, input(empty, { now: NOW + MIN }), 'en');
    expect(next.causes.map((c) => [c.id, c.cleared ?? false])).toEqual([
      ['balance-depleted', false],
    ]);
  });
});

describe('trackProgress keeps each live cause’s own steps', () => {
  it('takes a live cause’s earlier steps from the same cause, not from another one', () => {
    const empty = status(cny(NOW - 5 * MIN, '0.00', '0.00'));
    const first = run(input(empty, { pastedError: PASTE.py401 }));
    const next = trackProgress(
      first,
      input(empty, { now: NOW + MIN, pastedError: PASTE.py401 }),
      'en',
    );
    const depleted = cause(next, 'balance-depleted');
    expect(depleted.steps.map((s) => [s.id, s.verify])).toEqual([
      ['top-up', { kind: 'balance-above-zero-and-available' }],
      ['mark-paid', { kind: 'paid-declared' }],
      ['recheck', { kind: 'balance-above-zero-and-available' }],
    ]);
    expect(cause(next, 'invalid-key').steps.map((s) => s.id)).toEqual([
      'use-same-key',
      'check-key',
    ]);
  });
});

describe('the note about a paste', () => {
  const funded = () => status(cny(NOW - 5 * MIN, '0.00', '80.00'));
  const note = (paste: string) => run(input(funded(), { pastedError: paste })).pastedNote;

  it('says what a timeout means', () => {
    expect(note('openai.APITimeoutError: Request timed out.')).toMatch(
      /This is not a balance problem: the request timed out before the provider answered\.$/,
    );
    expect(note('openai.APIConnectionError: Connection error.')).toMatch(
      /This is not a balance problem: the provider could not be reached\.$/,
    );
  });

  it('quotes a status printed without a message, with no stray space', () => {
    expect(note('HTTP/1.1 402')).toBe(
      'Recognised an HTTP response printed by curl: HTTP 402. This is a balance problem.',
    );
  });

  it('does not give a live cause the verify condition of another cause’s step of the same id', () => {
    const failing = status(cny(NOW - 5 * MIN, '0.00', '0.00'), {
      error: perr('auth', 401, NOW - MIN),
    });
    const first = run(input(failing));
    expect(first.causes.map((c) => c.id).slice(0, 2)).toEqual(['invalid-key', 'balance-depleted']);
    const next = trackProgress(first, input(failing, { now: NOW + MIN }), 'en');
    expect(cause(next, 'balance-depleted').steps.find((s) => s.id === 'recheck')!.verify).toEqual({
      kind: 'balance-above-zero-and-available',
    });
    expect(cause(next, 'invalid-key').steps.find((s) => s.id === 'recheck')!.verify).toEqual({
      kind: 'auth-ok',
      after: NOW,
    });
  });
});
