/** Shared bits for the providers' parser unit tests. */
import type { AnswerCtx } from '../../../../main/core/providers/answer-classify';
import type { RawAnswer } from '../../../../main/core/providers/http-call';

export const KEY = 'sk-0123456789abcdef0123456789abcdef';

export const ctxFor = (name: string, host: string): AnswerCtx => ({ at: 7, host, key: KEY, name });

export const answer = (
  status: number,
  body = '',
  headers: Record<string, string> = {},
): RawAnswer => ({
  status,
  body,
  headers: new Headers(headers),
  type: 'basic',
});

/** The error of a failed Result, or a thrown error when it did not fail. */
export function failure<E>(r: { ok: true } | { ok: false; error: E }): E {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

/** The value of a Result, or a thrown error when it failed. */
export function value<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.error)}`);
  return r.value;
}
