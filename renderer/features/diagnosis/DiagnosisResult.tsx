/**
 * The engine's answer laid out: a healthy state when no cause holds (saying "healthy
 * again" when earlier causes were cleared), else the live causes, most likely first, then
 * the ones a re-check has cleared, under "Fixed".
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../../shared/diagnosis/types';
import { Icon } from '../../components/Icon';
import { CauseCard } from './CauseCard';
import type { StepActions } from './StepItem';

/**
 * What a screen reader hears when the diagnosis changes: the verdict, then every cleared cause
 * with its step progress ("Fixed (3 of 3 done): The balance is used up: ..."). The view keeps it
 * in a status region that is on the page before the first answer, because a cause that clears
 * moves to "Fixed" as a new element, which a live region inside it could never announce.
 */
export function diagnosisStatusText(t: TFunction, diagnosis: Diagnosis | null): string {
  if (!diagnosis) return '';
  const live = diagnosis.causes.filter((c) => !c.cleared);
  const cleared = diagnosis.causes.filter((c) => c.cleared);
  const verdict = diagnosis.healthy
    ? cleared.length > 0
      ? t('diagnosis.healthyAgain')
      : t('diagnosis.healthy')
    : t('diagnosis.causesCount', { count: live.length });
  const fixed = cleared.map((c) =>
    t('diagnosis.fixedCause', {
      summary: c.summary,
      progress: t('diagnosis.stepsDone', {
        done: c.steps.filter((s) => s.done).length,
        total: c.steps.length,
      }),
    }),
  );
  // The parts are sentences of their own; a summary's full stop is dropped so they join evenly.
  return [verdict, ...fixed].map((s) => s.replace(/[.。\s]+$/u, '')).join('. ');
}

/** Live causes and cleared ones are separate lists, each with its own heading. */
export function DiagnosisResult({ diagnosis, actions }: { diagnosis: Diagnosis; actions: StepActions }) {
  const { t } = useTranslation();
  const live = diagnosis.causes.filter((c) => !c.cleared);
  const cleared = diagnosis.causes.filter((c) => c.cleared);
  return (
    <div className="dx-result" data-healthy={diagnosis.healthy}>
      {diagnosis.healthy ? (
        <div className="dx-healthy" data-testid="diagnosis-healthy">
          <Icon name="healthy" size={28} />
          <div>
            <h2 tabIndex={-1}>{cleared.length > 0 ? t('diagnosis.healthyAgain') : t('diagnosis.healthy')}</h2>
            <p className="muted">{cleared.length > 0 ? t('diagnosis.healthyAgainHint') : t('diagnosis.healthyHint')}</p>
          </div>
        </div>
      ) : (
        <section className="dx-causes" aria-labelledby="dx-causes-title">
          <div className="dx-causes-head">
            <h2 id="dx-causes-title" tabIndex={-1}>{t('diagnosis.causesTitle')}</h2>
            <p className="muted small">
              {t('diagnosis.causesCount', { count: live.length })}
            </p>
          </div>
          <p className="field-note">
            <Icon name="refresh" size={14} />
            <span>{t('diagnosis.boosted')}</span>
          </p>
          {live.map((c, i) => (
            <CauseCard key={c.id} cause={c} rank={i + 1} actions={actions} />
          ))}
        </section>
      )}
      {cleared.length > 0 ? (
        <section className="dx-causes" aria-labelledby="dx-fixed-title">
          <h2 id="dx-fixed-title" tabIndex={-1}>{t('diagnosis.fixedTitle')}</h2>
          {cleared.map((c, i) => (
            <CauseCard key={c.id} cause={c} rank={i + 1} actions={actions} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
