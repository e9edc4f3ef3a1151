/**
 * "Why am I getting 402?" for one account: ranked causes with their evidence, fix steps
 * that tick themselves off as main's re-checks observe them, and a paste-an-error box.
 * Opened from the dashboard, the tray menu and notification clicks (a 'navigate' push).
 * The diagnosis runs in main; this view re-runs it when a push changes the account.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import { canOpenLink } from '../../../shared/external-links';
import { HEADLINE_PREFS, type AccountStatus, type AppState, type HeadlinePref } from '../../../shared/model';
import type { LinkKind } from '../../../shared/providers';
import type { AppError, Result } from '../../../shared/result';
import { describeProblem } from '../../app/describe-error';
import { dateTime, relativeTime } from '../../app/format';
import { useFocusFallback } from '../../app/useFocusFallback';
import type { Route } from '../../app/useNavigation';
import { useNow } from '../../app/useNow';
import { Icon } from '../../components/Icon';
import { LevelBadge } from '../../components/LevelBadge';
import { StateBlock } from '../../components/StateBlock';
import { DiagnosisResult, diagnosisStatusText } from './DiagnosisResult';
import { PastedErrorBox } from './PastedErrorBox';
import { ReplaceKeyForm } from './ReplaceKeyForm';
import type { StepActions } from './StepItem';
import { accountSignature, useDiagnosis } from './useDiagnosis';
import './diagnosis.css';

interface Props {
  api: CreditrayApi;
  state: AppState;
  accountId: string | undefined;
  go: (r: Route) => void;
}

/** Picks the account (the one asked for, else the first); a new account starts a fresh screen. */
export function DiagnosisView({ api, state, accountId, go }: Props) {
  const { t } = useTranslation();
  const status = state.accounts.find((a) => a.account.id === accountId) ?? state.accounts[0];
  const back = (
    <button type="button" className="btn btn-ghost back" onClick={() => go({ view: 'dashboard' })}>
      <Icon name="back" />
      <span>{t('diagnosis.back')}</span>
    </button>
  );
  if (!status) {
    return (
      <section className="screen" aria-labelledby="diagnosis-title">
        {back}
        <h1 id="diagnosis-title">{t('diagnosis.title')}</h1>
        <StateBlock kind="empty" icon="help" title={t('diagnosis.noAccount')} />
      </section>
    );
  }
  return <DiagnosisScreen key={status.account.id} api={api} state={state} status={status} back={back} />;
}

function DiagnosisScreen({ api, state, status, back }: { api: CreditrayApi; state: AppState; status: AccountStatus; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const now = useNow();
  const id = status.account.id;
  const [pasted, setPasted] = useState('');
  const { load, rerun, runIfChanged } = useDiagnosis(api, id, accountSignature(status, state.settings.language, state.accounts), pasted);
  const [rechecking, setRechecking] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [paidAt, setPaidAt] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  /** Runs an invoke; a failure becomes the callout, not an exception. */
  const attempt = async <T,>(call: () => Promise<Result<T, AppError>>): Promise<boolean> => {
    setProblem(null);
    try {
      const r = await call();
      if (r.ok) return true;
      const p = describeProblem(t, lang, { code: r.error.code, message: r.error.message });
      setProblem(`${p.title}. ${p.hint}`);
    } catch (e) {
      setProblem(t('errors.unknown', { message: e instanceof Error ? e.message : String(e) }));
    }
    return false;
  };
  const recheck = async () => {
    if (rechecking) return; // busy: the buttons keep their focus (aria-disabled) and wait
    setRechecking(true);
    await attempt(() => api.invoke('accounts:refresh', { id }));
    setRechecking(false);
    await runIfChanged(); // the push usually got there first; then this is a no-op
  };
  const actions: StepActions = {
    rechecking,
    openLink: (link: LinkKind, provider?: string) => {
      const p = provider ?? status.account.provider;
      if (canOpenLink(p, link)) void attempt(() => api.invoke('external:open', { provider: p, link }));
    },
    canOpen: canOpenLink,
    recheck: () => void recheck(),
    replaceKey: () => openReplace(),
    switchHeadline: (currency) => {
      if (!(HEADLINE_PREFS as readonly string[]).includes(currency)) return;
      void attempt(() => api.invoke('accounts:update', { id, patch: { headlineCurrency: currency as HeadlinePref } }));
    },
    markPaid: () => {
      const at = Date.now();
      void attempt(() => api.invoke('diagnosis:mark-paid', { id, at })).then((done) => {
        if (!done) return;
        setPaidAt(at);
        void rerun();
      });
    },
  };
  // Focus never falls to <body> here: a closed Replace-key form hands it back to the control
  // that opened it (else the toolbar's Replace key); anything else that vanishes while focused
  // (a cause moving to "Fixed", the causes giving way to "healthy again") hands it to the
  // result's heading.
  const section = useRef<HTMLElement>(null);
  const replaceToggle = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const openReplace = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setReplacing(true);
  };
  const closeReplace = () => {
    returnTo.current = opener.current?.isConnected ? opener.current : replaceToggle.current;
    setReplacing(false);
  };
  const keepFocus = useFocusFallback(() => {
    const back = returnTo.current;
    if (back?.isConnected) return back;
    const s = section.current;
    return s?.querySelector<HTMLElement>('.dx-result h2') ?? s?.querySelector<HTMLElement>('h1');
  });
  useLayoutEffect(() => {
    returnTo.current = null; // used (or not needed) by the render that closed the form
  });
  const checked = status.checkedAt;
  const ready = load.phase === 'ready' ? load : null;

  return (
    <section
      className="screen dx"
      aria-labelledby="diagnosis-title"
      data-account={id}
      ref={section}
      {...keepFocus}
    >
      {back}
      <p className="sr-only" role="status" aria-atomic="true" data-testid="diagnosis-status">
        {diagnosisStatusText(t, ready?.diagnosis ?? null)}
      </p>
      <header className="screen-head">
        <div>
          <h1 id="diagnosis-title">{t('diagnosis.title')}</h1>
          <p className="dx-account">
            <span className="dx-account-label">{status.account.label}</span>
            {status.account.keyMask ? <span className="muted mono small">{status.account.keyMask}</span> : null}
            <LevelBadge level={status.level} />
          </p>
          <p className="muted small" title={checked ? dateTime(checked, lang) : undefined}>
            {checked ? t('diagnosis.lastCheck', { time: relativeTime(checked, now, lang, t('time.justNow')) }) : t('diagnosis.neverChecked')}
            {paidAt ? ` · ${t('diagnosis.action.paidNoted', { time: relativeTime(paidAt, now, lang, t('time.justNow')) })}` : ''}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => void recheck()} aria-disabled={rechecking || undefined} aria-busy={rechecking}>
            <Icon name="refresh" className={rechecking ? 'spin' : undefined} />
            <span>{rechecking ? t('diagnosis.action.rechecking') : t('diagnosis.action.recheck')}</span>
          </button>
          <button
            type="button"
            className="btn"
            ref={replaceToggle}
            onClick={() => (replacing ? setReplacing(false) : openReplace())}
            aria-expanded={replacing}
          >
            <Icon name="key" />
            <span>{t('diagnosis.action.replaceKey')}</span>
          </button>
        </div>
      </header>
      {replacing ? (
        <ReplaceKeyForm api={api} account={status.account} onDone={closeReplace} onCancel={closeReplace} />
      ) : null}
      {problem ? (
        <div className="callout callout-error" role="alert">
          <Icon name="error" />
          <p>{problem}</p>
        </div>
      ) : null}
      <div className="dx-layout">
        <div className="dx-main" aria-busy={load.phase === 'loading' || !!ready?.running}>
          {load.phase === 'loading' ? <StateBlock kind="loading" title={t('diagnosis.running')} minHeight={240} /> : null}
          {load.phase === 'error' ? (
            <StateBlock kind="error" title={t('diagnosis.failed')} hint={describeProblem(t, lang, { code: load.error.code, message: load.error.message }).hint}>
              <button type="button" className="btn" onClick={() => void rerun()}>
                {t('diagnosis.retry')}
              </button>
            </StateBlock>
          ) : null}
          {ready ? <DiagnosisResult diagnosis={ready.diagnosis} actions={actions} /> : null}
        </div>
        <aside className="dx-side">
          <PastedErrorBox
            analysed={pasted}
            parsed={ready?.diagnosis.pasted ?? null}
            note={ready?.diagnosis.pastedNote ?? null}
            busy={!!ready?.running}
            onAnalyse={setPasted}
          />
        </aside>
      </div>
    </section>
  );
}
