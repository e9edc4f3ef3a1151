/**
 * A provider's monogram in a small rounded square, so accounts of different providers can be
 * told apart at a glance. Decorative: the provider's name is always written beside it.
 */
import type { ProviderId } from '../../shared/model';
import './provider-mark.css';

/** One or two letters per provider; the demo account wears DeepSeek's. */
const MONOGRAMS: Record<ProviderId, string> = {
  deepseek: 'DS',
  demo: 'DS',
  moonshot: 'K',
  openrouter: 'OR',
  siliconflow: 'SF',
  stepfun: 'St',
  novita: 'N',
  relay: 'R',
  custom: '{}',
};

/** Hidden from screen readers: the name next to it says the same. */
export function ProviderMark({ provider }: { provider: ProviderId }) {
  return (
    <span className={`provider-mark provider-${provider}`} aria-hidden="true">
      {MONOGRAMS[provider]}
    </span>
  );
}
