/**
 * The one AccountConfig fixture for tests: a configured DeepSeek account with default
 * thresholds, no budget and every notification on. Tests override only what they are about.
 */
import { DEFAULT_NOTIFY, type AccountConfig } from '../../shared/model';

export function testAccount(over: Partial<AccountConfig> = {}): AccountConfig {
  return {
    id: 'a1',
    label: 'Work',
    provider: 'deepseek',
    baseUrl: 'https://api.deepseek.com',
    headlineCurrency: 'auto',
    thresholds: null,
    budget: { kind: 'none' },
    pollIntervalSec: null,
    notify: { ...DEFAULT_NOTIFY },
    keyMask: 'sk-…a1b2',
    createdAt: 0,
    ...over,
  };
}
