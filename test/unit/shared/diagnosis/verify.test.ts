import { describe, expect, it } from 'vitest';
import { isConditionMet } from '../../../../shared/diagnosis/verify';
import type { VerifyCondition } from '../../../../shared/diagnosis/types';
import type { AccountStatus } from '../../../../shared/model';
import { cny, MIN, NOW, perr, row, snap, status } from './fixtures/build';

const AFTER = NOW;
const later = NOW + MIN;
const funded = status(cny(later, '0.00', '10.00'), { checkedAt: later });
const zero = status(cny(later, '0.00', '0.00'), { checkedAt: later });
const blocked = status(cny(later, '0.00', '10.00', false), { checkedAt: later });
const staleFunded = status(cny(NOW - 60 * MIN, '0.00', '10.00'), {
  stale: true,
  checkedAt: later,
  error: perr('network', null, later),
});
const oldSuccess = status(cny(NOW - MIN, '0.00', '10.00'), { checkedAt: NOW - MIN });
/** Checked just now, the server said 402: it got past the key, but the poll did not succeed. */
const refused402 = status(cny(NOW - 60 * MIN, '0', '0'), {
  stale: true,
  checkedAt: later,
  error: perr('insufficient-balance', 402, later),
});
/** An error cleared but the reading kept is an old one: no fresh snapshot to show. */
const noFreshReading = status(cny(NOW - 60 * MIN, '0', '1'), { stale: true, checkedAt: later });
const neverChecked = status(null);

/** [condition, statuses where it holds, statuses where it does not] */
const cases: [VerifyCondition, AccountStatus[], AccountStatus[]][] = [
  [{ kind: 'balance-above-zero-and-available' }, [funded], [zero, blocked, staleFunded]],
  [
    { kind: 'balance-above', currency: 'CNY', micros: 5_000_000 },
    [funded],
    [status(cny(later, '0.00', '5.00')), blocked, staleFunded],
  ],
  [
    { kind: 'balance-increased', currency: 'CNY', fromMicros: 0 },
    [funded, blocked],
    [zero, staleFunded],
  ],
  [{ kind: 'available' }, [funded, zero], [blocked, staleFunded]],
  [
    { kind: 'poll-succeeds', after: AFTER },
    [funded, zero],
    [staleFunded, oldSuccess, refused402, noFreshReading, neverChecked],
  ],
  [
    { kind: 'auth-ok', after: AFTER },
    [
      funded,
      refused402,
      status(cny(NOW - 60 * MIN, '0', '1'), {
        stale: true,
        checkedAt: later,
        error: perr('rate-limit', 429, later),
      }),
    ],
    [
      status(null, { checkedAt: later, error: perr('auth', 401, later) }),
      oldSuccess,
      staleFunded,
      neverChecked,
    ],
  ],
  [
    { kind: 'reachable', after: AFTER },
    [funded, status(null, { checkedAt: later, error: perr('auth', 401, later) })],
    [
      staleFunded,
      status(null, { checkedAt: later, error: perr('timeout', null, later) }),
      oldSuccess,
    ],
  ],
  [
    { kind: 'key-replaced', previousMask: 'sk-…a1b2' },
    [status(null, { config: { keyMask: 'sk-…c3d4' } })],
    [funded],
  ],
  [
    { kind: 'headline-is', currency: 'CNY' },
    [status(snap(later, [row('CNY', '0', '5'), row('USD', '0', '0')]), { headline: 'CNY' })],
    [
      status(snap(later, [row('CNY', '0', '5'), row('USD', '0', '0')]), { headline: 'USD' }),
      neverChecked,
    ],
  ],
];

describe('isConditionMet', () => {
  for (const [cond, yes, no] of cases) {
    it(`observes ${cond.kind} only when it really holds`, () => {
      yes.forEach((s, i) => expect(isConditionMet(cond, s), `holds #${i}`).toBe(true));
      no.forEach((s, i) => expect(isConditionMet(cond, s), `does not hold #${i}`).toBe(false));
    });
  }

  it('observes paid-declared from the user’s facts', () => {
    expect(isConditionMet({ kind: 'paid-declared' }, zero, { paidAt: NOW })).toBe(true);
    expect(isConditionMet({ kind: 'paid-declared' }, zero, {})).toBe(false);
    expect(isConditionMet({ kind: 'paid-declared' }, zero)).toBe(false);
  });

  it('covers every condition kind', () => {
    const kinds = new Set([...cases.map(([c]) => c.kind), 'paid-declared']);
    expect(kinds.size).toBe(10);
  });
});
