/**
 * The provider's name as a row or card subtitle shows it. The demo account says it is
 * simulated instead of repeating "Demo" beside a label that usually already says "Demo".
 */
import type { TFunction } from 'i18next';
import type { ProviderId } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';

/** "DeepSeek", "Moonshot"…, "Simulated, no key" for the demo, and the user's language for the two kinds of service that are not brands. */
export function providerName(provider: ProviderId, t: TFunction): string {
  if (provider === 'demo') return t('dashboard.demoProvider');
  if (provider === 'relay') return t('onboarding.relayTitle');
  if (provider === 'custom') return t('onboarding.custom.name');
  return PROVIDERS[provider].displayName;
}
