/**
 * Storage faults as something a caller can report: a stable code (for the i18n text in
 * shared/i18n/history.ts) plus the OS code, never a raw stack. Thrown by the store because
 * the HistoryStore port returns plain promises; the poller catches and reports them.
 */
export type HistoryErrorCode =
  'history-disk-full' | 'history-read-only' | 'history-permission' | 'history-io';

/** A history write or read that the disk refused. What was already stored is intact. */
export class HistoryStorageError extends Error {
  override readonly name = 'HistoryStorageError';
  constructor(
    readonly code: HistoryErrorCode,
    readonly osCode: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** Wraps an fs error into a HistoryStorageError with plain words. */
export function storageError(op: string, file: string, thrown: unknown): HistoryStorageError {
  const osCode = (thrown as { code?: unknown })?.code;
  const c = typeof osCode === 'string' ? osCode : null;
  const code: HistoryErrorCode =
    c === 'ENOSPC' || c === 'EDQUOT'
      ? 'history-disk-full'
      : c === 'EROFS'
        ? 'history-read-only'
        : c === 'EACCES' || c === 'EPERM'
          ? 'history-permission'
          : 'history-io';
  const why = {
    'history-disk-full': 'the disk is full',
    'history-read-only': 'the disk is read-only',
    'history-permission': 'permission denied',
    'history-io':
      c === 'ELOCKED'
        ? 'another Creditray process kept it locked'
        : (c ?? (thrown instanceof Error ? thrown.message : 'unknown error')),
  }[code];
  return new HistoryStorageError(
    code,
    c,
    `Could not ${op} balance history (${file}): ${why}. Earlier history is unchanged.`,
  );
}
