/**
 * The account service's failures in words that say what happened and what to do; every one
 * ends by saying what was (not) saved, and none carries the key.
 */
import type { ProviderError } from '../../shared/model';
import type { ProviderInfo } from '../../shared/providers';
import { toError, type AppError } from '../../shared/result';
import { atKeysPage } from './account-input';

/** A failed verification in words that say what to do; the code is the ProviderError kind. */
export function verifyFailure(e: ProviderError, info: ProviderInfo): AppError {
  if (e.kind === 'auth') {
    return {
      code: 'auth',
      message: `${info.displayName} refused this key${e.status ? ` (${e.status})` : ''}: it is wrong, was deleted, or was not copied completely. Check it, or create a new key${atKeysPage(info)}. Nothing was saved.`,
    };
  }
  return {
    code: e.kind,
    message: andThen(
      `The key could not be checked with ${info.displayName}: ${e.message}`,
      'Nothing was saved.',
    ),
  };
}

export const writeFailure = (e: unknown): AppError => ({
  code: 'settings-write-failed',
  message: `Could not save your settings: ${toError(e).message}.`,
});

/** Appends a sentence to a message that may or may not end with a full stop. */
export const andThen = (message: string, sentence: string) =>
  `${message.replace(/[.\s]+$/, '')}. ${sentence}`;

export const notFound = (): AppError => ({
  code: 'not-found',
  message: 'That account no longer exists.',
});
