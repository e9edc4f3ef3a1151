/**
 * The provider's name as a row or card subtitle shows it. The demo account says it is
 * simulated instead of repeating "Demo" beside a label that usually already says "Demo".
 */
import type { TFunction } from 'i18next';
import type { ProviderId } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';

/** "DeepSeek", "Moonshot"…, or "Simulated, no key" for the built-in demo account. */
export function providerName(provider: ProviderId, t: TFunction): string {
  return provider === 'demo' ? t('dashboard.demoProvider') : PROVIDERS[provider].displayName;
}
