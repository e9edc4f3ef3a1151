/**
 * The paste-an-error box: the user pastes what their program printed and presses Analyse;
 * the engine (in main) says what it is, with "not a balance problem" stated plainly when
 * the status shows it is something else.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedError } from '../../../shared/diagnosis/types';
import { Icon } from '../../components/Icon';

/** Same cap as the IPC schema: longer text is cut, not refused. */
export const PASTE_MAX = 64 * 1024;

interface Props {
  /** The text last analysed ('' when none). */
  analysed: string;
  parsed: ParsedError | null;
  note: string | null;
  onAnalyse(text: string): void;
  busy: boolean;
}

/** A labelled textarea, Analyse/Clear, and the parsed result as a small definition list. */
export function PastedErrorBox({ analysed, parsed, note, onAnalyse, busy }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(analysed);
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Analyse stays focusable while a run is busy or the box is empty (aria-disabled, not disabled).
  const idle = !busy && !!text.trim();
  const verdict = !parsed ? null : !parsed.recognised || parsed.isBalanceProblem === null ? 'unknown' : parsed.isBalanceProblem ? 'balance' : 'notBalance';
  return (
    <section className="panel dx-paste" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('diagnosis.paste.title')}
      </h2>
      <form
        className="dx-paste-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!idle) return;
          onAnalyse(text.slice(0, PASTE_MAX));
        }}
      >
        <label htmlFor={`${id}-text`} className="dx-label">
          {t('diagnosis.paste.label')}
        </label>
        <textarea
          id={`${id}-text`}
          ref={textarea}
          className="dx-textarea mono"
          rows={4}
          value={text}
          maxLength={PASTE_MAX}
          spellCheck={false}
          placeholder={t('diagnosis.paste.placeholder')}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${id}-hint`} className="field-note">
          <Icon name="lock" size={14} />
          <span>{t('diagnosis.paste.hint')}</span>
        </p>
        <div className="form-actions">
          {text || analysed ? (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setText('');
                if (analysed) onAnalyse('');
                // Clear goes away with the text: the focus goes to the emptied box, not to <body>.
                textarea.current?.focus();
              }}
            >
              {t('diagnosis.paste.clear')}
            </button>
          ) : null}
          <button type="submit" className="btn btn-primary" aria-disabled={!idle || undefined}>
            {t('diagnosis.paste.analyse')}
          </button>
        </div>
      </form>
      {/* On the page from the start, so the first result is announced as well as later ones. */}
      <div aria-live="polite" aria-atomic="true" data-testid="pasted-live">
        {parsed && verdict ? (
          <div className={`dx-parsed dx-parsed-${verdict}`} data-testid="pasted-result">
            <p className="dx-verdict">
              <Icon name={verdict === 'balance' ? 'wallet' : verdict === 'notBalance' ? 'healthy' : 'help'} size={16} />
              <strong>{t(`diagnosis.paste.${verdict}`)}</strong>
            </p>
            {note ? <p>{note}</p> : null}
            {parsed.recognised ? (
              <dl className="dx-parsed-fields">
                <div>
                  <dt>{t('diagnosis.paste.source')}</dt>
                  <dd>{t(`diagnosis.paste.sources.${parsed.source}`)}</dd>
                </div>
                {parsed.status !== null ? (
                  <div>
                    <dt>{t('diagnosis.paste.status')}</dt>
                    <dd className="mono">{parsed.status}</dd>
                  </div>
                ) : null}
                {parsed.type ? (
                  <div>
                    <dt>{t('diagnosis.paste.type')}</dt>
                    <dd className="mono">{parsed.type}</dd>
                  </div>
                ) : null}
                {parsed.message ? (
                  <div>
                    <dt>{t('diagnosis.paste.message')}</dt>
                    <dd>{parsed.message}</dd>
                  </div>
                ) : null}
              </dl>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
