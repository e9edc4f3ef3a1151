/**
 * The window: a sidebar and one screen at a time. State comes only from main (initial
 * `state:get`, then pushes); the screens get it as props and send user actions back
 * through the bridge.
 */
import { lazy, Suspense, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../shared/ipc';
import type { AppState } from '../shared/model';
import { getBridge } from './app/bridge';
import { useAppState } from './app/useAppState';
import { listenForNavigation, useNavigation, type Route } from './app/useNavigation';
import { useTheme } from './app/useTheme';
import { StateBlock } from './components/StateBlock';
import { Sidebar } from './components/Sidebar';
import { DashboardView } from './features/dashboard/DashboardView';
import { ErrorBoundary } from './components/ErrorBoundary';
import { OnboardingView } from './features/onboarding/OnboardingView';
import { SettingsView } from './features/settings/SettingsView';
import { DiagnosisView } from './features/diagnosis/DiagnosisView';
import { applyLanguage } from './i18n';

// The chart (uPlot) is only loaded when History opens: it keeps the first paint's JS small.
const HistoryView = lazy(() => import('./features/history/HistoryView'));

const api = getBridge();
listenForNavigation(api);

/** Root component; everything below receives `api` explicitly (easy to follow, easy to test). */
export function App() {
  const load = useAppState(api);
  const [route, go] = useNavigation();
  const state = load.phase === 'ready' ? load.state : null;
  useTheme(state?.settings.theme ?? 'system');
  useLayoutEffect(() => {
    applyLanguage(state?.settings.language ?? 'system', state?.systemLocale ?? navigator.language);
  }, [state?.settings.language, state?.systemLocale]);
  const { t } = useTranslation();

  const current: Route =
    state && state.accounts.length === 0 && route.view === 'dashboard'
      ? { view: 'onboarding' }
      : route;
  const mainRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // A new screen starts at its top, not at the previous screen's scroll position. A layout
    // effect, so it runs before the screens' own effects (Settings scrolling to an account,
    // the list focusing the row whose detail was closed) and never undoes them.
    if (mainRef.current) mainRef.current.scrollTop = 0;
    if (document.scrollingElement) document.scrollingElement.scrollTop = 0;
  }, [current.view, current.accountId]);
  useLayoutEffect(() => {
    // A screen change that left focus nowhere (a push from the tray or a notification, or the
    // pressed button is gone with its screen) puts it on the new screen, so keyboard and
    // screen-reader users land where the content is instead of at the top of the page.
    const active = document.activeElement;
    if (active === null || active === document.body)
      mainRef.current?.focus({ preventScroll: true });
    // A layout effect: the focus is never on <body> between the commit and the paint, and a
    // screen's own focus (the list's returning row, a form's first field) still wins after it.
  }, [current.view, current.accountId]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Sidebar route={current} go={go} hasAccounts={!!state && state.accounts.length > 0} />
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        {load.phase === 'loading' ? (
          <StateBlock kind="loading" title={t('app.loading')} minHeight={320} />
        ) : null}
        {load.phase === 'error' ? (
          <StateBlock
            kind="error"
            title={t('errors.title')}
            hint={load.message === 'bridge-missing' ? t('app.bridgeMissing') : load.message}
          />
        ) : null}
        {state && api ? <Screen api={api} state={state} route={current} go={go} /> : null}
      </main>
    </div>
  );
}

function Screen({
  api,
  state,
  route,
  go,
}: {
  api: CreditrayApi;
  state: AppState;
  route: Route;
  go: (r: Route) => void;
}) {
  const { t } = useTranslation();
  switch (route.view) {
    case 'onboarding':
      return <OnboardingView api={api} hasAccounts={state.accounts.length > 0} go={go} />;
    case 'history':
      return (
        <Suspense
          fallback={<StateBlock kind="loading" title={t('history.loading')} minHeight={420} />}
        >
          <HistoryView api={api} state={state} accountId={route.accountId} go={go} />
        </Suspense>
      );
    case 'settings':
      return <SettingsView api={api} state={state} focusAccountId={route.accountId} />;
    case 'diagnosis':
      return <DiagnosisView api={api} state={state} accountId={route.accountId} go={go} />;
    default:
      return (
        <ErrorBoundary
          resetKey={state}
          fallback={(message) => (
            <StateBlock kind="error" title={t('dashboard.failed')} hint={message.slice(0, 200)} />
          )}
        >
          <DashboardView api={api} state={state} go={go} accountId={route.accountId} />
        </ErrorBoundary>
      );
  }
}
