/**
 * "Why did my program fail?" with no account at all: the CLI user pastes an error from any
 * provider and gets it explained from the text alone (issue 12). The engine runs as usual over
 * a placeholder account that has never been read, so only causes the text proves can hold, and
 * every link step points at the pasted provider's pages.
 */
import type { Lang } from '../i18n/language';
import { DEFAULT_NOTIFY, type AccountStatus } from '../model';
import { diagnose } from './engine';
import type { PastedProviderId } from './error-providers';
import { MONEY_CAUSE_IDS, type Cause, type Diagnosis } from './types';

/** The pasted text alone, explained. */
export interface PastedExplanation {
  provider: PastedProviderId | null;
  status: number | null;
  /** True when the text is an out-of-money error of any kind (see MONEY_CAUSE_IDS). */
  balanceProblem: boolean;
  diagnosis: Diagnosis;
}

/** An account nobody configured: never read, keyless (so no key comparison is offered). */
function placeholder(now: number): AccountStatus {
  // Stryker disable all: equivalent mutants. With no snapshot, no history and no errors every
  // account cause stays silent, and pasted-only links come from the pasted provider, so no
  // value of this placeholder can reach an answer (pasted-only.test.ts shows what does).
  return {
    account: {
      id: '',
      label: '',
      provider: 'deepseek',
      baseUrl: '',
      headlineCurrency: 'auto',
      thresholds: null,
      budget: { kind: 'since-top-up' },
      pollIntervalSec: null,
      notify: DEFAULT_NOTIFY,
      keyMask: '',
      createdAt: now,
    },
    level: 'error',
    snapshot: null,
    headline: null,
    error: null,
    stale: false,
    checkedAt: null,
    nextCheckAt: null,
    gaugeFill: null,
    insights: null,
  };
  // Stryker restore all
}

/** True when any cause that holds is a money cause. */
export function isBalanceProblem(causes: readonly Cause[]): boolean {
  return causes.some((c) => !c.cleared && (MONEY_CAUSE_IDS as readonly string[]).includes(c.id));
}

/** Explains pasted error text without any account. */
export function explainPasted(text: string, lang: Lang, now: number): PastedExplanation {
  const diagnosis = diagnose(
    {
      account: placeholder(now),
      history: [],
      recentErrors: [],
      pastedError: text,
      others: [],
      now,
      pastedOnly: true,
    },
    lang,
  );
  return {
    provider: diagnosis.pasted?.provider ?? null,
    status: diagnosis.pasted?.status ?? null,
    balanceProblem: isBalanceProblem(diagnosis.causes),
    diagnosis,
  };
}
