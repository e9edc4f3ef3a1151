/**
 * Plain-words title and hint for a provider failure or an IPC failure, in the UI language.
 * Provider failures use shared/i18n/errors.ts, so the window, tray, notifications and CLI
 * all say the same thing; other AppError codes fall back to a generic title.
 */
import type { TFunction } from 'i18next';
import { describeError } from '../../shared/i18n/errors';
import { ERROR_KINDS, type ErrorKind } from '../../shared/model';
import type { UiLanguage } from '../i18n/language';

export interface ProblemText {
  title: string;
  hint: string;
}

const isKind = (code: string): code is ErrorKind => (ERROR_KINDS as readonly string[]).includes(code);

/** Codes main may use for an AppError that are really one of the provider error kinds. */
const CODE_ALIASES: Record<string, ErrorKind> = {
  'invalid-key': 'auth',
  unauthorized: 'auth',
  offline: 'network',
  'keychain-unavailable': 'keychain',
  'keychain-locked': 'keychain',
  'keychain-denied': 'keychain',
  'bad-base-url': 'config',
  'insecure-base-url': 'config',
};

/** Describes a failure by kind; unknown codes fall back to a generic title and main's message. */
export function describeProblem(
  t: TFunction,
  lang: string,
  problem: { kind?: string; code?: string; status?: number | null; message: string },
): ProblemText {
  const raw = problem.kind ?? problem.code ?? '';
  const kind = isKind(raw) ? raw : CODE_ALIASES[raw];
  if (!kind) return { title: t('errors.title'), hint: t('errors.unknown', { message: problem.message }) };
  const uiLang: UiLanguage = lang === 'zh-CN' ? 'zh-CN' : 'en';
  return describeError({ kind, status: problem.status ?? null, message: problem.message, code: problem.code ?? raw }, uiLang);
}
