/**
 * Where an account's key is sent, changeable without removing the account (and its history):
 * the other site for a Moonshot or SiliconFlow key, a proxy or mirror address, a moved relay,
 * a corrected custom URL or mapping. Main verifies the stored key at the new address before
 * anything is saved; a refusal leaves the old address in place and says why.
 *
 * It sits inside the account's settings form, so it has no form of its own: its button is a
 * plain button, and Enter in its fields runs its own check instead of the outer Save.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountUrl, type CustomMapping } from '../../../shared/custom-endpoint';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AccountConfig } from '../../../shared/model';
import type { AppError } from '../../../shared/result';
import { describeProblem } from '../../app/describe-error';
import { CustomMappingFields } from '../onboarding/CustomMappingFields';
import { checkDraft, draftFromMapping, type DraftError } from '../onboarding/custom-mapping-draft';
import { EndpointFields } from '../onboarding/EndpointFields';
import { REGIONS, type Pickable } from '../onboarding/provider-choices';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'moved'; url: string }
  | { kind: 'failed'; error: AppError };

export function EndpointSettings({ api, account }: { api: CreditrayApi; account: AccountConfig }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState(() => accountUrl(account));
  const [draft, setDraft] = useState(() => draftFromMapping(account.custom));
  const [draftError, setDraftError] = useState<DraftError | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  if (account.provider === 'demo') return null;
  const provider = account.provider as Pickable;
  const regions = REGIONS[provider];
  const edited = (next: () => void) => {
    next();
    setPhase({ kind: 'idle' });
  };

  const check = async () => {
    if (phase.kind === 'checking') return; // the button keeps its focus while main verifies
    let custom: CustomMapping | undefined;
    if (provider === 'custom') {
      const m = checkDraft(draft, t);
      if (!m.ok) {
        setDraftError(m.error);
        return;
      }
      custom = m.mapping;
    }
    setDraftError(null);
    setPhase({ kind: 'checking' });
    const r = await api.invoke('accounts:set-endpoint', {
      id: account.id,
      baseUrl: url.trim(),
      ...(custom ? { custom } : {}),
    });
    setPhase(
      r.ok ? { kind: 'moved', url: accountUrl(r.value) } : { kind: 'failed', error: r.error },
    );
  };
  const enterChecks = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      void check();
    }
  };

  const problem = phase.kind === 'failed' ? describeProblem(t, i18n.language, phase.error) : null;
  return (
    <div
      className="endpoint-settings"
      role="group"
      aria-labelledby={`${id}-title`}
      onKeyDown={enterChecks}
    >
      <h4 id={`${id}-title`} className="endpoint-title">
        {t('settings.endpoint.title')}
      </h4>
      {regions ? (
        <EndpointFields
          provider={provider}
          baseUrl={url}
          onChange={(u) => edited(() => setUrl(u))}
          missing={false}
        />
      ) : (
        <div className="field">
          <label htmlFor={`${id}-url`}>
            {provider === 'custom'
              ? t('onboarding.custom.baseUrlField')
              : t('settings.endpoint.url')}
          </label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            className="mono"
            value={url}
            maxLength={2048}
            onChange={(e) => edited(() => setUrl(e.target.value))}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="field-note">
            {t('settings.endpoint.hint')}
          </p>
        </div>
      )}
      {provider === 'custom' ? (
        <CustomMappingFields
          draft={draft}
          onChange={(d) =>
            edited(() => {
              setDraft(d);
              setDraftError(null);
            })
          }
          error={draftError}
        />
      ) : null}
      <div className="save-row">
        <span className="muted small" role="status">
          {phase.kind === 'moved' ? t('settings.endpoint.moved', { url: phase.url }) : ''}
        </span>
        <button
          type="button"
          className="btn"
          aria-disabled={phase.kind === 'checking' || undefined}
          onClick={() => void check()}
        >
          {phase.kind === 'checking'
            ? t('settings.endpoint.checking')
            : t('settings.endpoint.check')}
        </button>
      </div>
      <div aria-live="assertive">
        {problem && phase.kind === 'failed' ? (
          <div className="callout callout-error" role="alert" data-testid="endpoint-error">
            <div>
              <p className="callout-title">{problem.title}</p>
              <p>{problem.hint}</p>
              <p className="mono small">
                {t('onboarding.custom.detail', { message: phase.error.message })}
              </p>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
