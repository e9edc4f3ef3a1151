/**
 * App-wide settings (applied as soon as they change, like a native preferences window)
 * and one panel per account (edited, then saved, because they hold typed amounts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi, InvokeRequest } from '../../../shared/ipc';
import { LANGUAGES, THEMES, type AppSettings, type AppState } from '../../../shared/model';
import { useFocusFallback } from '../../app/useFocusFallback';
import { AccountSettings } from './AccountSettings';
import { intervalLabel, POLL_CHOICES } from './intervals';

/** Minutes before the same alert for the same account may show again (a hand-edited value is kept as a choice). */
const COOLDOWN_CHOICES: readonly number[] = [15, 30, 60, 180, 360, 720, 1440];

/** Days ahead the "runs out" alert may look (any value the settings file holds is kept as a choice). */
const RUN_OUT_CHOICES: readonly number[] = [1, 2, 3, 5, 7, 14];

interface Props {
  api: CreditrayApi;
  state: AppState;
  focusAccountId?: string;
}

/** Settings screen; every write goes through 'settings:update' or 'accounts:update'. */
export function SettingsView({ api, state, focusAccountId }: Props) {
  const { t } = useTranslation();
  const ids = { lang: useId(), theme: useId(), poll: useId(), login: useId(), runOut: useId(), cooldown: useId() };
  // Shown at once (a switch must not flick back while main saves); dropped when main answers,
  // so a refused change falls back to what main really holds.
  const [pending, setPending] = useState<Partial<AppSettings>>({});
  const s: AppSettings = { ...state.settings, ...pending };
  const update = async (patch: InvokeRequest<'settings:update'>) => {
    setPending((p) => ({ ...p, ...patch }));
    await api.invoke('settings:update', patch);
    setPending((p) => {
      const next = { ...p };
      for (const k of Object.keys(patch) as (keyof AppSettings)[]) delete next[k];
      return next;
    });
  };
  const pollChoices = POLL_CHOICES.includes(s.pollIntervalSec) ? POLL_CHOICES : [...POLL_CHOICES, s.pollIntervalSec].sort((a, b) => a - b);
  const cooldownChoices = COOLDOWN_CHOICES.includes(s.notifyCooldownMin) ? COOLDOWN_CHOICES : [...COOLDOWN_CHOICES, s.notifyCooldownMin].sort((a, b) => a - b);
  const runOutChoices = RUN_OUT_CHOICES.includes(s.runOutDays) ? RUN_OUT_CHOICES : [...RUN_OUT_CHOICES, s.runOutDays].sort((a, b) => a - b);

  // A removed account takes its panel and the focused Remove button with it: the focus goes to
  // the next account's heading (the previous one's at the end, "Accounts" when none is left).
  const section = useRef<HTMLElement>(null);
  const removedAt = useRef(0);
  const accountsTitle = useRef<HTMLHeadingElement>(null);
  const keepFocus = useFocusFallback(() => {
    const titles = section.current?.querySelectorAll<HTMLElement>('form.account-settings h3') ?? [];
    return titles[Math.min(removedAt.current, titles.length - 1)] ?? accountsTitle.current;
  });

  useEffect(() => {
    if (focusAccountId) document.getElementById(`account-settings-${focusAccountId}`)?.scrollIntoView();
  }, [focusAccountId]);

  return (
    <section className="screen settings" aria-labelledby="settings-title" ref={section} {...keepFocus}>
      <header className="screen-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <section className="panel" aria-labelledby="general-title">
        <h2 id="general-title" className="panel-title">{t('settings.general')}</h2>
        <div className="setting-row">
          <label htmlFor={ids.lang}>{t('settings.language')}</label>
          <select id={ids.lang} value={s.language} onChange={(e) => void update({ language: e.target.value as (typeof LANGUAGES)[number] })}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l === 'system' ? undefined : l}>{t(`settings.languages.${l}`)}</option>
            ))}
          </select>
        </div>
        <div className="setting-row">
          <label htmlFor={ids.theme}>{t('settings.theme')}</label>
          <select id={ids.theme} value={s.theme} onChange={(e) => void update({ theme: e.target.value as (typeof THEMES)[number] })}>
            {THEMES.map((th) => (
              <option key={th} value={th}>{t(`settings.themes.${th}`)}</option>
            ))}
          </select>
        </div>
        <div className="setting-row">
          <div>
            <label htmlFor={ids.poll}>{t('settings.pollInterval')}</label>
            <p id={`${ids.poll}-hint`} className="muted small">{t('settings.pollHint')}</p>
          </div>
          <select id={ids.poll} aria-describedby={`${ids.poll}-hint`} value={s.pollIntervalSec} onChange={(e) => void update({ pollIntervalSec: Number(e.target.value) })}>
            {pollChoices.map((sec) => (
              <option key={sec} value={sec}>{intervalLabel(t, sec)}</option>
            ))}
          </select>
        </div>
        <div className="setting-row">
          <div>
            <label htmlFor={ids.runOut}>{t('settings.runOutDays')}</label>
            <p id={`${ids.runOut}-hint`} className="muted small">{t('settings.runOutHint')}</p>
          </div>
          <select id={ids.runOut} aria-describedby={`${ids.runOut}-hint`} value={s.runOutDays} onChange={(e) => void update({ runOutDays: Number(e.target.value) })}>
            {runOutChoices.map((d) => (
              <option key={d} value={d}>{t('settings.runOutChoice', { count: d })}</option>
            ))}
          </select>
        </div>
        <div className="setting-row">
          <div>
            <label htmlFor={ids.cooldown}>{t('settings.cooldown')}</label>
            <p id={`${ids.cooldown}-hint`} className="muted small">{t('settings.cooldownHint')}</p>
          </div>
          <select id={ids.cooldown} aria-describedby={`${ids.cooldown}-hint`} value={s.notifyCooldownMin} onChange={(e) => void update({ notifyCooldownMin: Number(e.target.value) })}>
            {cooldownChoices.map((min) => (
              <option key={min} value={min}>{intervalLabel(t, min * 60)}</option>
            ))}
          </select>
        </div>
        <div className="setting-row">
          <label htmlFor={ids.login}>{t('settings.launchAtLogin')}</label>
          <input id={ids.login} type="checkbox" role="switch" className="switch" checked={s.launchAtLogin} onChange={(e) => void update({ launchAtLogin: e.target.checked })} />
        </div>
      </section>
      <h2 className="section-title" ref={accountsTitle} tabIndex={-1}>
        {t('settings.accounts')}
      </h2>
      {state.accounts.length === 0 ? <p className="muted">{t('settings.noAccounts')}</p> : null}
      {state.accounts.map((a, i) => (
        <AccountSettings
          key={a.account.id}
          api={api}
          status={a}
          onRemove={() => {
            removedAt.current = i;
          }}
        />
      ))}
    </section>
  );
}
