import { describe, expect, it } from 'vitest';
import { diagnose, trackProgress } from '../../../../shared/diagnosis/engine';
import { cny, HOUR, input, MIN, NOW, PASTE, perr, status } from './fixtures/build';

describe('trackProgress: steps verify themselves while a fix is in progress', () => {
  it('ticks the top-up and re-check steps when the balance comes back, clears the cause and says healthy', () => {
    const before = diagnose(input(status(cny(NOW - 5 * MIN, '0.00', '0.00'))), 'en');
    expect(before.healthy).toBe(false);

    const restored = status(cny(NOW + 2 * MIN, '0.00', '25.00'), { checkedAt: NOW + 2 * MIN });
    const after = trackProgress(before, input(restored, { now: NOW + 2 * MIN }), 'en');
    expect(after.healthy).toBe(true);
    const cause = after.causes.find((c) => c.id === 'balance-depleted')!;
    expect(cause.cleared).toBe(true);
    expect(Object.fromEntries(cause.steps.map((s) => [s.id, s.done]))).toEqual({ 'top-up': true, 'mark-paid': false, recheck: true });
  });

  it('keeps a step done once observed even if the condition later lapses', () => {
    const first = diagnose(input(status(cny(NOW - 5 * MIN, '0.00', '0.00'))), 'en');
    const funded = trackProgress(first, input(status(cny(NOW + MIN, '0.00', '1.00'), { checkedAt: NOW + MIN }), { now: NOW + MIN }), 'en');
    const emptyAgain = trackProgress(funded, input(status(cny(NOW + 2 * MIN, '0.00', '0.00'), { checkedAt: NOW + 2 * MIN }), { now: NOW + 2 * MIN }), 'en');
    const live = emptyAgain.causes.find((c) => c.id === 'balance-depleted')!;
    expect(live.cleared).toBeUndefined();
    expect(live.steps.find((s) => s.id === 'top-up')!.done).toBe(true);
    expect(emptyAgain.healthy).toBe(false);
  });

  it('needs a check after the diagnosis before a re-check step counts', () => {
    const polled401 = status(null, { checkedAt: NOW - MIN, error: perr('auth', 401, NOW - MIN) });
    const first = diagnose(input(polled401), 'en');
    const recheck = () => first.causes[0]!.steps.find((s) => s.id === 'recheck')!;
    expect(recheck().done).toBe(false);

    const sameOldState = trackProgress(first, input(polled401, { now: NOW + MIN }), 'en');
    expect(sameOldState.causes[0]!.steps.find((s) => s.id === 'recheck')!.done).toBe(false);

    const fixed = status(cny(NOW + 2 * MIN, '0.00', '9.00'), { checkedAt: NOW + 2 * MIN, config: { keyMask: 'sk-…beef' } });
    const after = trackProgress(first, input(fixed, { now: NOW + 2 * MIN }), 'en');
    expect(after.healthy).toBe(true);
    const cleared = after.causes.find((c) => c.id === 'invalid-key')!;
    expect(cleared.cleared).toBe(true);
    expect(cleared.steps.filter((s) => s.verify !== null).every((s) => s.done)).toBe(true);
  });

  it('turns the pending top-up into healthy when the money finally arrives', () => {
    const history = [cny(NOW - 3 * HOUR, '0.00', '0.00'), cny(NOW - 5 * MIN, '0.00', '0.00')];
    const facts = { paidAt: NOW - 2 * HOUR };
    const first = diagnose(input(status(history[1]!), { history, facts }), 'en');
    expect(first.causes[0]!.id).toBe('top-up-pending');
    const arrived = cny(NOW + 5 * MIN, '0.00', '50.00');
    const after = trackProgress(first, input(status(arrived), { history: [...history, arrived], facts, now: NOW + 5 * MIN }), 'en');
    expect(after.healthy).toBe(true);
    expect(after.causes.find((c) => c.id === 'top-up-pending')!.steps.find((s) => s.id === 'check-payment')!.done).toBe(true);
  });

  it('keeps a pasted-error cause while the paste is there, and drops it when the paste is cleared', () => {
    const funded = status(cny(NOW - 5 * MIN, '0.00', '80.00'));
    const first = diagnose(input(funded, { pastedError: PASTE.js429 }), 'en');
    expect(first.causes[0]!.id).toBe('rate-limited');
    expect(trackProgress(first, input(funded, { pastedError: PASTE.js429 }), 'en').healthy).toBe(false);
    const cleared = trackProgress(first, input(funded), 'en');
    expect(cleared.healthy).toBe(true);
    expect(cleared.causes.map((c) => [c.id, c.cleared])).toEqual([['rate-limited', true]]);
  });
});
