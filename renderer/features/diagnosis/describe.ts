/**
 * Words for what the engine hands over as data: how sure a cause is (a word, not only a
 * number or a colour) and what the app watches for to tick a step off by itself.
 */
import type { TFunction } from 'i18next';
import type { StepAction, VerifyCondition } from '../../../shared/diagnosis/types';
import { microsToDecimal } from '../../../shared/money';
import { money, percent } from '../../app/format';

export type ConfidenceWord = 'high' | 'medium' | 'low';

/** Three bands are enough to act on; the exact share is shown next to the word. */
export function confidenceWord(confidence: number): ConfidenceWord {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.45) return 'medium';
  return 'low';
}

/** "Very likely (85%)". */
export function confidenceLabel(t: TFunction, confidence: number, lang: string): string {
  return t('diagnosis.confidence.label', { word: t(`diagnosis.confidence.${confidenceWord(confidence)}`), percent: percent(confidence, lang) });
}

/** The verification condition in words, to complete "Ticks itself off when …". */
export function verifyText(t: TFunction, cond: VerifyCondition, lang: string): string {
  switch (cond.kind) {
    case 'balance-above':
      return t('diagnosis.verify.balance-above', { amount: money(microsToDecimal(cond.micros, 2), cond.currency, lang) });
    case 'balance-increased':
      return t('diagnosis.verify.balance-increased', { currency: cond.currency, amount: money(microsToDecimal(cond.fromMicros, 2), cond.currency, lang) });
    case 'key-replaced':
      return t('diagnosis.verify.key-replaced', { mask: cond.previousMask });
    case 'headline-is':
      return t('diagnosis.verify.headline-is', { currency: cond.currency });
    default:
      return t(`diagnosis.verify.${cond.kind}`);
  }
}

/** The button text for a step's action; null when the step has nothing to press. */
export function actionText(t: TFunction, action: StepAction): string | null {
  switch (action.kind) {
    case 'open-link':
      return t(`diagnosis.action.${action.link}`);
    case 'recheck':
      return t('diagnosis.action.recheck');
    case 'replace-key':
      return t('diagnosis.action.replaceKey');
    case 'switch-headline':
      return t('diagnosis.action.switchHeadline', { currency: action.currency });
    case 'mark-paid':
      return t('diagnosis.action.markPaid');
    case 'none':
      return null;
  }
}
