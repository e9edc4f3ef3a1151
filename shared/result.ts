/** Expected failures travel as values; bugs throw. One shape for both main and renderer. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** A failure a user can act on: a stable machine-readable code plus a plain-words message. */
export interface AppError {
  code: string;
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Turns anything thrown into an Error, so callers never handle `unknown`. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  try {
    return new Error(JSON.stringify(thrown));
  } catch {
    return new Error(String(thrown));
  }
}
