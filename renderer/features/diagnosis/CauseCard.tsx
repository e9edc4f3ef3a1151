/**
 * One ranked cause: its summary, how sure the engine is (a word, a percentage and a bar,
 * never colour alone), the evidence behind it, and its steps with live status. A cause a
 * re-check no longer supports is shown as "Fixed" with its steps ticked.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cause } from '../../../shared/diagnosis/types';
import { Icon } from '../../components/Icon';
import { confidenceLabel, confidenceWord } from './describe';
import { StepItem, type StepActions } from './StepItem';

interface Props {
  cause: Cause;
  rank: number;
  actions: StepActions;
}

/** An article per cause; its heading names the rank so the list reads in order. */
export function CauseCard({ cause, rank, actions }: Props) {
  const { t, i18n } = useTranslation();
  const cleared = !!cause.cleared;
  const word = confidenceWord(cause.confidence);
  const uid = useId();
  const headingId = `${uid}-title`;
  // Every cause has an Evidence and a Steps section: each landmark is named with its cause
  // ("Evidence Your balance is used up") so a screen reader's landmark list tells them apart.
  const evidenceId = `${uid}-evidence`;
  const stepsId = `${uid}-steps`;
  return (
    <article className={`dx-cause${cleared ? ' dx-cause-cleared' : ''}`} data-cause={cause.id} data-cleared={cleared} aria-labelledby={headingId}>
      <header className="dx-cause-head">
        <div className="dx-cause-title">
          <p className="caption">{cleared ? t('diagnosis.fixed') : t('diagnosis.rank', { n: rank })}</p>
          <h3 id={headingId}>{cause.summary}</h3>
        </div>
        {cleared ? (
          <span className="badge level-healthy dx-fixed">
            <Icon name="healthy" size={14} />
            <span>{t('diagnosis.fixed')}</span>
          </span>
        ) : (
          <div className={`dx-confidence dx-confidence-${word}`}>
            <span className="dx-confidence-text">{confidenceLabel(t, cause.confidence, i18n.language)}</span>
            <span className="dx-bar" aria-hidden="true">
              <span className="dx-bar-fill" style={{ width: `${Math.round(Math.min(1, Math.max(0, cause.confidence)) * 100)}%` }} />
            </span>
          </div>
        )}
      </header>
      {cause.evidence.length > 0 && !cleared ? (
        <section className="dx-evidence" aria-labelledby={`${evidenceId} ${headingId}`}>
          <h4 className="dx-subtitle" id={evidenceId}>{t('diagnosis.evidence')}</h4>
          <ul>
            {cause.evidence.map((e, i) => (
              <li key={i} data-kind={e.kind}>
                {e.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {cause.steps.length > 0 ? (
        <section aria-labelledby={`${stepsId} ${headingId}`}>
          <div className="dx-steps-head">
            <h4 className="dx-subtitle" id={stepsId}>{t('diagnosis.steps')}</h4>
            <p className="muted small" aria-live="polite" data-testid="steps-progress">
              {t('diagnosis.stepsDone', { done: cause.steps.filter((s) => s.done).length, total: cause.steps.length })}
            </p>
          </div>
          <ol className="dx-steps">
            {cause.steps.map((s) => (
              <StepItem key={s.id} step={s} actions={actions} cleared={cleared} />
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
