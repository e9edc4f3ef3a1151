/**
 * The vocabulary of "why do I get 402?": what the engine is given, what it answers, and the
 * conditions the app checks by itself to tick a step off. Plain data (it crosses IPC and is
 * printed as JSON by the CLI), no classes, epoch milliseconds for times.
 */
import type { AccountStatus, ErrorKind, ProviderError, Snapshot } from '../model';
import type { LinkKind } from '../providers';

/** Stable ids: the window, the CLI's JSON and tests key on them. Never rename one. */
export const CAUSE_IDS = [
  'balance-depleted',
  'balance-low',
  'gift-credit-expired',
  'account-unavailable',
  'usage-spike',
  'wrong-account',
  'top-up-pending',
  'invalid-key',
  'rate-limited',
  'server-error',
  'network',
  'request-error',
  // Added beyond the list, each backed by its own evidence:
  'key-mismatch', // a pasted 402 while this account has money: the program bills another account
  'headline-row-empty', // the headline currency row is empty while another currency row is funded
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

/** What the user told us that no poll can see. */
export interface DeclaredFacts {
  /** "I topped up at ..." (epoch ms). */
  paidAt?: number;
}

/** Everything the engine looks at; it reads nothing else (no clock, no network). */
export interface DiagnosisInput {
  /** The account being diagnosed. */
  account: AccountStatus;
  /** Its history, oldest first. */
  history: Snapshot[];
  /** Recent poll errors, newest last. */
  recentErrors: ProviderError[];
  /** Error text the user pasted from their own program. */
  pastedError?: string;
  facts?: DeclaredFacts;
  /** The other configured accounts. */
  others: AccountStatus[];
  /** Optional histories of the other accounts (by account id): shows where a top-up landed. */
  othersHistory?: Record<string, Snapshot[]>;
  now: number;
  /** IANA zone for printed times; defaults to the runtime's (tests and the CLI may pin it). */
  timeZone?: string;
}

/** One concrete fact behind a cause, already worded for the user. */
export interface Evidence {
  kind: EvidenceKind;
  text: string;
  values?: Record<string, string | number>;
}
export type EvidenceKind =
  | 'balance'
  | 'available'
  | 'pasted'
  | 'poll-error'
  | 'gift-drop'
  | 'spend-rate'
  | 'other-account'
  | 'paid'
  | 'key'
  | 'stale';

/** What a step asks for: a page (from the provider's allowlisted links) or an in-app action. */
export type StepAction =
  | { kind: 'open-link'; link: LinkKind }
  | { kind: 'recheck' }
  | { kind: 'replace-key' }
  | { kind: 'switch-headline'; currency: string }
  | { kind: 'mark-paid' }
  | { kind: 'none' };

/**
 * What the app watches for to mark a step done without asking the user. Conditions with
 * `after` need an observation newer than that time (so an old success cannot tick a step).
 */
export type VerifyCondition =
  | { kind: 'balance-above-zero-and-available' }
  | { kind: 'balance-above'; currency: string; micros: number }
  | { kind: 'balance-increased'; currency: string; fromMicros: number }
  | { kind: 'available' }
  | { kind: 'poll-succeeds'; after: number }
  | { kind: 'auth-ok'; after: number }
  | { kind: 'reachable'; after: number }
  | { kind: 'key-replaced'; previousMask: string }
  | { kind: 'headline-is'; currency: string }
  | { kind: 'paid-declared' };
export type VerifyKind = VerifyCondition['kind'];

/** One thing to do, why, and how the app will know it worked (null: it cannot know). */
export interface Step {
  id: string;
  title: string;
  why: string;
  action: StepAction;
  verify: VerifyCondition | null;
  done: boolean;
}

/** One candidate explanation, with its evidence and playbook. */
export interface Cause {
  id: CauseId;
  /** 0..1; causes are sorted by it, highest first. */
  confidence: number;
  summary: string;
  evidence: Evidence[];
  steps: Step[];
  /** Set by trackProgress when a cause from an earlier diagnosis no longer holds. */
  cleared?: boolean;
}

/** What the user pasted, taken apart. */
export interface ParsedError {
  recognised: boolean;
  status: number | null;
  /** The provider's error `type` (e.g. `authentication_error`) when the text carried one. */
  type: string | null;
  message: string | null;
  source: PastedSource;
  /** Our classification of it (from status first, then type, then message). */
  kind: ErrorKind | null;
  /** true only for 402; false for a recognised non-balance error; null when unknown. */
  isBalanceProblem: boolean | null;
}
export type PastedSource = 'deepseek-json' | 'curl' | 'openai-python' | 'openai-js' | 'langchain' | 'plain' | 'unknown';

/** The engine's answer. */
export interface Diagnosis {
  /** Sorted by confidence, highest first. */
  causes: Cause[];
  /** True when no cause holds (cleared causes from trackProgress do not count). */
  healthy: boolean;
  pasted: ParsedError | null;
  /** One sentence about the pasted text: what it is, or what to try when it is not recognised. */
  pastedNote: string | null;
}
