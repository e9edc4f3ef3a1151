/**
 * The vocabulary of "why do I get 402?": what the engine is given, what it answers, and the
 * conditions the app checks by itself to tick a step off. Plain data (it crosses IPC and is
 * printed as JSON by the CLI), no classes, epoch milliseconds for times.
 */
import type { AccountStatus, ErrorKind, ProviderError, Snapshot } from '../model';
import type { LinkKind } from '../providers';
import type { PastedProviderId } from './error-providers';

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
  // Issue 12: other providers' out-of-money errors.
  'paid-balance-required', // SiliconFlow 30011: gift credit cannot pay for this model
  'request-exceeds-balance', // OpenRouter: this request's max_tokens costs more than is left
  'key-limit-reached', // a cap on the key (or project) is used up; the account may still have money
  'account-overdue', // arrears or an inactive account block calls whatever the balance
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

/** The causes a pasted error alone can prove are about money (`balanceProblem` in the CLI). */
export const MONEY_CAUSE_IDS = [
  'balance-depleted',
  'paid-balance-required',
  'request-exceeds-balance',
  'key-limit-reached',
  'account-overdue',
] as const satisfies readonly CauseId[];
export type MoneyCauseId = (typeof MONEY_CAUSE_IDS)[number];

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
  /**
   * No account at all: `account` is a placeholder and only the pasted text is explained
   * (steps link to the pasted provider's pages, never to the placeholder's).
   */
  pastedOnly?: boolean;
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
  /**
   * `provider` is set when the page belongs to the provider the pasted error came from rather
   * than the account's own, with the resolved `url` (what the CLI prints).
   */
  | { kind: 'open-link'; link: LinkKind; provider?: PastedProviderId; url?: string }
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
  /** true for an out-of-money error (whatever its status); false for a recognised other error; null when unknown. */
  isBalanceProblem: boolean | null;
  /** Which provider's wording or host the text carried; null when it names none. */
  provider: PastedProviderId | null;
  /** The provider's error code (`30011`, `1113`, `insufficient_quota`...), when printed. */
  code: string | null;
  /** Which money cause the provider's wording means; null when not money or not known. */
  moneyCause: MoneyCauseId | null;
  /** OpenRouter's "requested up to N tokens, but can only afford M". */
  tokens: { requested: number; affordable: number } | null;
  /** The SDK printed no body, so which money error it was is a likely guess, not read. */
  bodyHidden: boolean;
}
export type PastedSource =
  | 'deepseek-json'
  | 'json'
  | 'curl'
  | 'openai-python'
  | 'openai-js'
  | 'langchain'
  | 'plain'
  | 'unknown';

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
