/**
 * One fix step: what to do, why, its action button, and its live status said in words
 * ("Done" / "Not yet") with the condition the app watches for, so nobody has to guess
 * whether it worked.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step } from '../../../shared/diagnosis/types';
import type { LinkKind } from '../../../shared/providers';
import { useFocusFallback } from '../../app/useFocusFallback';
import { Icon } from '../../components/Icon';
import { actionText, verifyText } from './describe';

/** What the view does for each kind of step action. */
export interface StepActions {
  /** `provider`: the page belongs to the provider of a pasted error, not to the account. */
  openLink(link: LinkKind, provider?: string): void;
  /** Whether main has a page of this kind for that provider (error-only providers included). */
  canOpen(provider: string, link: LinkKind): boolean;
  recheck(): void;
  replaceKey(): void;
  switchHeadline(currency: string): void;
  markPaid(): void;
  /** A re-check is running: its buttons say so and wait. */
  rechecking: boolean;
}

interface Props {
  step: Step;
  actions: StepActions;
  /** Steps of a cleared cause show their status but offer no actions. */
  cleared: boolean;
}

/** A list item; the heading carries the status word so a screen reader hears both together. */
export function StepItem({ step, actions, cleared }: Props) {
  const { t, i18n } = useTranslation();
  const a0 = step.action;
  const label =
    a0.kind === 'open-link' && a0.provider && !actions.canOpen(a0.provider, a0.link)
      ? null
      : actionText(t, a0);
  const status = step.done ? 'done' : step.verify ? 'pending' : 'manual';
  const statusText = step.done
    ? t('diagnosis.stepDone')
    : step.verify
      ? t('diagnosis.stepPending')
      : t('diagnosis.stepManual');
  const busy = step.action.kind === 'recheck' && actions.rechecking;
  const onAction = () => {
    if (busy) return;
    const a = step.action;
    if (a.kind === 'open-link') actions.openLink(a.link, a.provider);
    else if (a.kind === 'recheck') actions.recheck();
    else if (a.kind === 'replace-key') actions.replaceKey();
    else if (a.kind === 'switch-headline') actions.switchHeadline(a.currency);
    else if (a.kind === 'mark-paid') actions.markPaid();
  };
  // Its action goes once the step is done ("I have paid"): the focus moves to the step's title,
  // which now says "Done", instead of falling to <body>.
  const title = useRef<HTMLParagraphElement>(null);
  const keepFocus = useFocusFallback(() => title.current);
  return (
    <li
      className={`dx-step dx-step-${status}`}
      data-step={step.id}
      data-done={step.done}
      {...keepFocus}
    >
      <span className="dx-step-mark" aria-hidden="true">
        <Icon name={step.done ? 'healthy' : 'stale'} size={18} />
      </span>
      <div className="dx-step-body">
        <p className="dx-step-title" ref={title} tabIndex={-1}>
          <span>{step.title}</span>
          <span className={`dx-status dx-status-${status}`} data-testid="step-status">
            {statusText}
          </span>
        </p>
        <p className="muted small">{step.why}</p>
        {step.verify ? (
          <p className="dx-verify small">
            {t('diagnosis.checksItself', { condition: verifyText(t, step.verify, i18n.language) })}
          </p>
        ) : null}
        {label && !cleared && !step.done ? (
          <div className="dx-step-actions">
            <button
              type="button"
              className="btn btn-sm"
              onClick={onAction}
              aria-disabled={busy || undefined}
              aria-busy={busy}
            >
              <Icon
                name={
                  step.action.kind === 'open-link'
                    ? 'external'
                    : step.action.kind === 'recheck'
                      ? 'refresh'
                      : step.action.kind === 'replace-key'
                        ? 'key'
                        : 'spark'
                }
                size={14}
                className={busy ? 'spin' : undefined}
              />
              <span>{busy ? t('diagnosis.action.rechecking') : label}</span>
            </button>
          </div>
        ) : null}
      </div>
    </li>
  );
}
