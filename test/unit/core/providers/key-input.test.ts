import { describe, expect, it } from 'vitest';
import { checkKeyInput } from '../../../../main/core/account-input';
import { createProviders } from '../../../../main/core/providers/registry';
import { PROVIDER_IDS } from '../../../../shared/model';
import { PROVIDERS } from '../../../../shared/providers';

const OR_KEY = `sk-or-v1-${'0123456789abcdef'.repeat(4)}`;

describe('keys across providers', () => {
  it("accepts OpenRouter's own sk-or- key for OpenRouter and still refuses it for every other provider", () => {
    expect(checkKeyInput(OR_KEY, PROVIDERS.openrouter).ok).toBe(true);
    for (const id of ['deepseek', 'moonshot', 'siliconflow', 'relay'] as const) {
      const r = checkKeyInput(OR_KEY, PROVIDERS[id]);
      expect(r.ok ? null : r.error.message).toMatch(/OpenRouter/);
    }
  });
  it('registers a provider for every id, each with its own key-shape hint', () => {
    const providers = createProviders({
      http: () => Promise.reject(new Error('no network')),
      now: () => 0,
    });
    for (const id of PROVIDER_IDS) expect(providers[id].id).toBe(id);
    expect(providers.openrouter.checkKeyShape(OR_KEY)).toBeNull();
    expect(providers.openrouter.checkKeyShape('sk-0123')).toMatch(/sk-or-/);
    expect(providers.moonshot.checkKeyShape(' sk-abc')).toMatch(/spaces/);
  });
});
