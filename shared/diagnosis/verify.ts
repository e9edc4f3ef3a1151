/**
 * The checks that tick a step off by themselves: the app re-checks the account and asks,
 * for each step, whether what the step was for can now be observed.
 */
import type { AccountStatus } from '../model';
import { rowMicros } from './rows';
import type { DeclaredFacts, VerifyCondition } from './types';

/** A reading taken by the latest check (not an old one kept through failures). */
function freshSnapshot(status: AccountStatus) {
  return status.snapshot && !status.stale ? status.snapshot : null;
}

function checkedAfter(status: AccountStatus, after: number): boolean {
  return status.checkedAt !== null && status.checkedAt > after;
}

/** True when the condition is observed in this status (and, for `paid-declared`, the facts). */
export function isConditionMet(cond: VerifyCondition, status: AccountStatus, facts?: DeclaredFacts): boolean {
  const snap = freshSnapshot(status);
  switch (cond.kind) {
    case 'balance-above-zero-and-available':
      return !!snap && snap.available && snap.rows.some((r) => rowMicros(snap, r.currency).total > 0);
    case 'balance-above':
      return !!snap && snap.available && rowMicros(snap, cond.currency).total > cond.micros;
    case 'balance-increased':
      return !!snap && rowMicros(snap, cond.currency).total > cond.fromMicros;
    case 'available':
      return !!snap && snap.available;
    case 'poll-succeeds':
      return checkedAfter(status, cond.after) && status.error === null && !!snap;
    case 'auth-ok':
      // A successful poll proves the key; a 402/429 also means the server got past auth.
      return (
        checkedAfter(status, cond.after) &&
        (status.error === null || status.error.kind === 'insufficient-balance' || status.error.kind === 'rate-limit')
      );
    case 'reachable':
      return (
        checkedAfter(status, cond.after) &&
        (status.error === null || (status.error.kind !== 'network' && status.error.kind !== 'timeout'))
      );
    case 'key-replaced':
      return status.account.keyMask !== cond.previousMask;
    case 'headline-is':
      return status.headline?.currency === cond.currency;
    case 'paid-declared':
      return facts?.paidAt !== undefined;
  }
}
