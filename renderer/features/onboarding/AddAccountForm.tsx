/**
 * The add-account form: pick the provider (DeepSeek first), its site or relay address where
 * that matters, then the key. Whitespace around a pasted key is trimmed; main verifies the
 * key against that provider before anything is saved, and a failure is shown by kind.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import { PROVIDERS } from '../../../shared/providers';
import type { AppError } from '../../../shared/result';
import { describeProblem } from '../../app/describe-error';
import { Icon } from '../../components/Icon';
import { CustomMappingFields } from './CustomMappingFields';
import { checkDraft, EMPTY_DRAFT, type DraftError, type MappingDraft } from './custom-mapping-draft';
import { EndpointFields } from './EndpointFields';
import { ProviderPicker } from './ProviderPicker';
import {
  asLabel,
  inSentence,
  keyPrefix,
  needsBaseUrl,
  REGIONS,
  type Pickable,
} from './provider-choices';

/** A key of the provider's known prefix and a plausible length; anything else only earns a warning (the server decides). */
const looksLikeKey = (key: string, prefix: string): boolean =>
  key.startsWith(prefix) && /^[A-Za-z0-9_-]{16,}$/.test(key.slice(prefix.length));

/** Failures that are about the key itself (refused, malformed, already in use). */
const KEY_FAULTS: ReadonlySet<string> = new Set(['auth', 'bad-key', 'duplicate-key']);

/** The host of a typed URL, or null while it is not one yet. */
function hostOf(url: string): string | null {
  try {
    return new URL(url.trim()).host || null;
  } catch {
    return null;
  }
}

/** The base URL a provider starts with in the form: its first site, or empty for a relay. */
const initialBaseUrl = (p: Pickable): string => REGIONS[p]?.[0]?.baseUrl ?? '';

/** Calls `onAdded` after main has verified and stored the key. */
export function AddAccountForm({ api, onAdded }: { api: CreditrayApi; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const ids = { label: useId(), key: useId(), note: useId(), err: useId() };
  const [provider, setProvider] = useState<Pickable>('deepseek');
  const [baseUrl, setBaseUrl] = useState('');
  const [urlMissing, setUrlMissing] = useState(false);
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | 'empty' | null>(null);
  const [draft, setDraft] = useState<MappingDraft>(EMPTY_DRAFT);
  const [draftError, setDraftError] = useState<DraftError | null>(null);

  const trimmed = key.trim();
  const prefix = keyPrefix(provider);
  const shapeWarning = trimmed.length > 0 && prefix !== null && !looksLikeKey(trimmed, prefix);
  const who = inSentence(provider, t);
  // A custom endpoint is named by its host until the user names it: "Custom endpoint" twice would tell nothing apart.
  const defaultLabel = (provider === 'custom' && hostOf(baseUrl)) || asLabel(provider, t);

  const pick = (p: Pickable) => {
    setProvider(p);
    setBaseUrl(initialBaseUrl(p));
    setUrlMissing(false);
    setFailure(null);
    setDraftError(null);
  };

  /** The custom mapping to send, or null after marking the field to fix. */
  const customMapping = () => {
    const m = checkDraft(draft, t);
    if (m.ok) return m.mapping;
    setDraftError(m.error);
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return; // the button keeps its focus while main verifies (aria-disabled)
    const url = baseUrl.trim();
    const noUrl = needsBaseUrl(provider) && !url;
    setUrlMissing(noUrl);
    if (!trimmed || noUrl) {
      setFailure(trimmed ? null : 'empty');
      return;
    }
    setDraftError(null);
    const custom = provider === 'custom' ? customMapping() : undefined;
    if (custom === null) return;
    setBusy(true);
    setFailure(null);
    const r = await api.invoke('accounts:add', {
      provider,
      label: label.trim() || defaultLabel,
      key: trimmed,
      ...(url ? { baseUrl: url } : {}),
      ...(custom ? { custom } : {}),
    });
    setBusy(false);
    if (r.ok) {
      setKey('');
      onAdded();
    } else {
      setFailure(r.error);
    }
  };

  // A custom endpoint whose answer could not be read: the generic "a proxy answered" would
  // mislead, since the usual cause is a path that does not fit; the detail says which.
  const misfit = provider === 'custom' && failure !== null && failure !== 'empty' && failure.code === 'bad-response';
  const problem =
    failure && failure !== 'empty'
      ? misfit
        ? { title: t('onboarding.custom.misfitTitle'), hint: t('onboarding.custom.misfitHint') }
        : describeProblem(t, i18n.language, failure)
      : null;
  // Only a failure about the key itself marks the key field; a network or mapping problem does not.
  const keyAtFault = failure === 'empty' || (failure !== null && KEY_FAULTS.has(failure.code));
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <ProviderPicker value={provider} onChange={pick} disabled={busy} />
      <EndpointFields
        provider={provider}
        baseUrl={baseUrl}
        onChange={(u) => {
          setBaseUrl(u);
          setUrlMissing(false);
        }}
        missing={urlMissing}
        disabled={busy}
      />
      {provider === 'custom' ? (
        <CustomMappingFields
          draft={draft}
          onChange={(d) => {
            setDraft(d);
            setDraftError(null);
          }}
          error={draftError}
          disabled={busy}
        />
      ) : null}
      <div className="field">
        <label htmlFor={ids.label}>{t('onboarding.labelField')}</label>
        <input
          id={ids.label}
          type="text"
          value={label}
          maxLength={60}
          placeholder={defaultLabel}
          onChange={(e) => setLabel(e.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor={ids.key}>
            {t('onboarding.keyField', { provider: asLabel(provider, t) })}
          </label>
          {provider === 'relay' || provider === 'custom' ? null : (
            // A relay's or custom service's key page is on the user's own server: nothing of ours to open.
            <button
              type="button"
              className="btn-link"
              onClick={() => void api.invoke('external:open', { provider, link: 'apiKeys' })}
            >
              <Icon name="external" size={14} />
              <span>{t('onboarding.keysLink')}</span>
            </button>
          )}
        </div>
        <div className="input-with-button">
          <input
            id={ids.key}
            name="api-key"
            type={reveal ? 'text' : 'password'}
            value={key}
            placeholder={PROVIDERS[provider].keyHint || t('onboarding.keyPlaceholder')}
            onChange={(e) => setKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids.note}${problem || failure === 'empty' ? ' ' + ids.err : ''}`}
            aria-invalid={keyAtFault ? true : undefined}
            className="mono"
          />
          <button
            type="button"
            className="btn btn-icon"
            onClick={() => setReveal((v) => !v)}
            aria-label={reveal ? t('onboarding.hideKey') : t('onboarding.showKey')}
            aria-pressed={reveal}
          >
            <Icon name={reveal ? 'eyeOff' : 'eye'} />
          </button>
        </div>
        <p id={ids.note} className="field-note">
          <Icon name="lock" size={13} />
          <span>{t('onboarding.keychainNote', { provider: who })}</span>
        </p>
        {shapeWarning ? (
          <p className="field-warn">{t('onboarding.shapeWarning', { provider: who, prefix })}</p>
        ) : null}
      </div>
      <div id={ids.err} aria-live="assertive">
        {failure === 'empty' ? <p className="form-error">{t('onboarding.emptyKey')}</p> : null}
        {problem ? (
          <div className="callout callout-error" role="alert" data-testid="add-error">
            <Icon name="error" size={18} />
            <div>
              <p className="callout-title">{problem.title}</p>
              <p>{problem.hint}</p>
              {provider === 'custom' && failure && failure !== 'empty' ? (
                // For a service we do not know, main's own words (which path did not fit, what
                // the server said) are the part that says what to change.
                <p className="mono small">{t('onboarding.custom.detail', { message: failure.message })}</p>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" aria-disabled={busy || undefined}>
          {busy ? <span className="spinner spinner-sm" aria-hidden="true" /> : <Icon name="key" />}
          <span>
            {busy ? t('onboarding.verifying', { provider: who }) : t('onboarding.submit')}
          </span>
        </button>
      </div>
    </form>
  );
}
