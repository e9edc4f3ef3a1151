/**
 * The "it was never the balance" causes: a 401, 429, 5xx, network failure or bad request,
 * seen in the pasted error or in Creditray's own checks. Each says plainly that topping up
 * will not help.
 */
import type { ErrorKind, ProviderError } from '../../model';
import type { Ctx } from '../context';
import { pastedEvidence, pollEvidence, recheck, step } from '../steps';
import { makeCause, type CauseRule } from './make';
import { lookalikeEvidence } from './pasted-money';
import type { CauseId, Evidence, Step } from '../types';

const HOUR_MS = 3_600_000;

interface Signals {
  evidence: Evidence[];
  confidence: number;
}

/** Gathers pasted, current and repeated recent errors of these kinds into evidence. */
function signals(
  ctx: Ctx,
  kinds: readonly ErrorKind[],
  strength: { pasted: number; poll: number; repeated: number },
): Signals | null {
  const evidence: Evidence[] = [];
  let confidence = 0;
  if (ctx.pasted?.kind && kinds.includes(ctx.pasted.kind)) {
    evidence.push(pastedEvidence(ctx, ctx.pasted));
    const twin = lookalikeEvidence(ctx);
    if (twin) evidence.push(twin);
    confidence = strength.pasted;
  }
  const current: ProviderError | null =
    ctx.pollError && kinds.includes(ctx.pollError.kind) ? ctx.pollError : null;
  if (current) {
    evidence.push(...pollEvidence(ctx, current));
    confidence = Math.max(confidence, strength.poll);
  }
  const recent = ctx.input.recentErrors.filter(
    (e) => kinds.includes(e.kind) && e.at > ctx.now - HOUR_MS,
  );
  if (recent.length >= 2) {
    evidence.push({
      kind: 'poll-error',
      text: ctx.t('ev.poll-repeated', { count: recent.length }),
      values: { count: recent.length },
    });
    confidence = Math.max(confidence, strength.repeated) + (current ? 0.03 : 0);
  }
  return confidence > 0 ? { evidence, confidence } : null;
}

function errorCause(
  ctx: Ctx,
  id: CauseId,
  s: Signals | null,
  steps: () => Step[],
): ReturnType<CauseRule> {
  return s ? makeCause(ctx, id, s.confidence, s.evidence, steps()) : null;
}

/** `invalid-key`: a 401. When Creditray's own key works, the program must send another key. */
export const invalidKey: CauseRule = (ctx) => {
  const s = signals(ctx, ['auth'], { pasted: 0.95, poll: 0.97, repeated: 0.6 });
  if (!s) return null;
  const mask = ctx.status.account.keyMask;
  // The simulated account has no key: there is nothing of ours to compare or replace.
  const keyless = mask === '';
  const ownKeyWorks = !keyless && ctx.fresh && ctx.pollError === null && !!ctx.snap;
  if (ownKeyWorks && ctx.snap) {
    s.evidence.push({
      kind: 'key',
      text: ctx.t('ev.key-works', { keyMask: mask, time: ctx.time(ctx.snap.at) }),
      values: { keyMask: mask },
    });
  }
  return errorCause(ctx, 'invalid-key', s, () =>
    ownKeyWorks
      ? [
          step(ctx, 'use-same-key', { kind: 'none' }, null, { vars: { keyMask: mask } }),
          step(ctx, 'check-key', { kind: 'open-link', link: 'apiKeys' }, null),
        ]
      : keyless
        ? [step(ctx, 'check-key', { kind: 'open-link', link: 'apiKeys' }, null)]
        : [
            step(ctx, 'check-key', { kind: 'open-link', link: 'apiKeys' }, null),
            step(
              ctx,
              'replace-key',
              { kind: 'replace-key' },
              { kind: 'key-replaced', previousMask: mask },
            ),
            recheck(ctx, { kind: 'auth-ok', after: ctx.now }),
          ],
  );
};

/** `rate-limited`: a 429. */
export const rateLimited: CauseRule = (ctx) =>
  errorCause(
    ctx,
    'rate-limited',
    signals(ctx, ['rate-limit'], { pasted: 0.9, poll: 0.8, repeated: 0.5 }),
    () => [
      step(ctx, 'slow-down', { kind: 'none' }, null),
      recheck(ctx, { kind: 'poll-succeeds', after: ctx.now }),
    ],
  );

/** `server-error`: a 500 or 503 on DeepSeek's side. */
export const serverError: CauseRule = (ctx) =>
  errorCause(
    ctx,
    'server-error',
    signals(ctx, ['server'], { pasted: 0.9, poll: 0.85, repeated: 0.5 }),
    () => [
      step(ctx, 'check-status', { kind: 'open-link', link: 'status' }, null),
      step(ctx, 'wait-retry', { kind: 'recheck' }, { kind: 'poll-succeeds', after: ctx.now }),
    ],
  );

/** `network`: DNS, proxy, TLS, timeout; a non-JSON answer usually means a proxy in between. */
export const network: CauseRule = (ctx) => {
  const s =
    signals(ctx, ['network', 'timeout'], { pasted: 0.85, poll: 0.85, repeated: 0.5 }) ??
    signals(ctx, ['bad-response'], { pasted: 0.6, poll: 0.6, repeated: 0.4 });
  const reachable = { kind: 'reachable', after: ctx.now } as const;
  return errorCause(ctx, 'network', s, () => [
    step(ctx, 'check-connection', { kind: 'none' }, reachable),
    step(ctx, 'check-status', { kind: 'open-link', link: 'status' }, null),
    recheck(ctx, reachable),
  ]);
};

/** `request-error`: a 400 or 422. Only the user can fix the request, so nothing self-verifies. */
export const requestError: CauseRule = (ctx) =>
  errorCause(
    ctx,
    'request-error',
    signals(ctx, ['request'], { pasted: 0.9, poll: 0.6, repeated: 0.4 }),
    () => [
      step(ctx, 'read-error-codes', { kind: 'open-link', link: 'errorCodes' }, null),
      step(ctx, 'fix-request', { kind: 'none' }, null),
    ],
  );
