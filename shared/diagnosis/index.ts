/** The diagnosis module's public surface, for main, the window and the CLI. */
export { diagnose, trackProgress } from './engine';
export { parsePastedError, kindForStatus, redactKeys } from './pasted-error';
export { isConditionMet } from './verify';
export { PENDING_AFTER_MS } from './causes/top-up';
export * from './types';
export { explainPasted, isBalanceProblem, type PastedExplanation } from './pasted-only';
export {
  PASTED_PROVIDER_IDS,
  PASTED_PROVIDER_NAMES,
  EXTRA_LINK_ORIGINS,
  pastedProviderLink,
  type PastedProviderId,
} from './error-providers';
