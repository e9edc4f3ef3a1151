/**
 * What the add-account form offers per provider: the order of the picker (DeepSeek first),
 * the sites a key can belong to (a Moonshot or SiliconFlow key works only on the site that
 * issued it, and the site decides the currency), and whether the user must name the base
 * URL (a relay or a custom endpoint has no default). Names, links and key hints stay in `shared/providers.ts`.
 */
import type { TFunction } from 'i18next';
import type { ProviderId } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';

/** The providers a user can add, in picker order; `demo` has its own button. */
export const PICKABLE = [
  'deepseek',
  'moonshot',
  'openrouter',
  'siliconflow',
  'stepfun',
  'novita',
  'relay',
  'custom',
] as const satisfies readonly ProviderId[];
export type Pickable = (typeof PICKABLE)[number];

/** A site a key can belong to, expressed as the base URL the core is given. */
export interface Region {
  id: 'cn' | 'intl';
  baseUrl: string;
}

/** Providers whose keys are bound to one of two sites; the first is the provider's default. */
export const REGIONS: Partial<Record<Pickable, readonly Region[]>> = {
  moonshot: [
    { id: 'cn', baseUrl: 'https://api.moonshot.cn' },
    { id: 'intl', baseUrl: 'https://api.moonshot.ai' },
  ],
  siliconflow: [
    { id: 'cn', baseUrl: 'https://api.siliconflow.cn' },
    { id: 'intl', baseUrl: 'https://api.siliconflow.com' },
  ],
};

/** A relay or a custom endpoint has no default address: the form asks for one and refuses to send without it. */
export const needsBaseUrl = (p: Pickable): boolean => PROVIDERS[p].defaultBaseUrl === '';

/** The prefix its keys start with ("sk-"), or null where keys have no recognisable shape. */
export function keyPrefix(p: Pickable): string | null {
  if (p === 'relay' || p === 'custom') return null; // relays and custom services issue keys of any shape
  const hint = PROVIDERS[p].keyHint.replace('…', '');
  return hint || null;
}

/** How sentences name the provider ("sent only to Moonshot (Kimi)", "… to your relay"). */
export function inSentence(p: Pickable, t: TFunction): string {
  if (p === 'relay') return t('onboarding.relayInSentence');
  return p === 'custom' ? t('onboarding.custom.inSentence') : PROVIDERS[p].displayName;
}

/** How a field label names it ("Moonshot (Kimi) API key", "Relay API key"). */
export function asLabel(p: Pickable, t: TFunction): string {
  if (p === 'relay') return t('onboarding.relayName');
  return p === 'custom' ? t('onboarding.custom.name') : PROVIDERS[p].displayName;
}

/** How the picker titles it: a relay and a custom endpoint are kinds of service, not brands. */
export function pickerTitle(p: Pickable, t: TFunction): string {
  if (p === 'relay') return t('onboarding.relayTitle');
  return p === 'custom' ? t('onboarding.custom.title') : PROVIDERS[p].displayName;
}
