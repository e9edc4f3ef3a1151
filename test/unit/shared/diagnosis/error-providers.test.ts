/**
 * Which provider an account's pasted errors belong to, and which page a fix step may open
 * (shared/diagnosis/error-providers.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  EXTRA_LINK_ORIGINS,
  PASTED_PROVIDER_IDS,
  PASTED_PROVIDER_NAMES,
  pastedIdOf,
  pastedProviderLink,
  type PastedProviderId,
} from '../../../../shared/diagnosis/error-providers';
import { LINK_KINDS, PROVIDERS } from '../../../../shared/providers';

describe('pastedIdOf', () => {
  it('maps the demo account to DeepSeek’s wording, known providers to themselves, others to none', () => {
    expect(pastedIdOf('demo')).toBe('deepseek');
    expect(pastedIdOf('deepseek')).toBe('deepseek');
    expect(pastedIdOf('moonshot')).toBe('moonshot');
    expect(pastedIdOf('relay')).toBe('relay');
    expect(pastedIdOf('custom')).toBeNull();
    expect(pastedIdOf('')).toBeNull();
    expect(pastedIdOf('Moonshot')).toBeNull();
  });
});

describe('pastedProviderLink', () => {
  it('takes a registered provider’s own links first', () => {
    expect(pastedProviderLink('deepseek', 'topUp')).toBe(PROVIDERS.deepseek.links.topUp);
    expect(pastedProviderLink('deepseek', 'topUp')).toBe('https://platform.deepseek.com/top_up');
  });

  it('falls back to the error-only providers’ pages, and to none where a page is unknown', () => {
    expect(pastedProviderLink('anthropic', 'usage')).toBe('https://console.anthropic.com/usage');
    expect(pastedProviderLink('zhipu', 'usage')).toBeNull();
    expect(pastedProviderLink('xai', 'status')).toBe('https://status.x.ai');
  });

  it('never links into a relay: its pages are on the user’s own gateway', () => {
    for (const kind of ['topUp', 'apiKeys', 'usage', 'status', 'errorCodes'] as const)
      expect(pastedProviderLink('relay', kind), kind).toBeNull();
  });

  it('names every provider, and lists each extra https origin once, sorted', () => {
    for (const id of PASTED_PROVIDER_IDS)
      expect(PASTED_PROVIDER_NAMES[id].length, id).toBeGreaterThan(0);
    expect([...EXTRA_LINK_ORIGINS].sort()).toEqual(EXTRA_LINK_ORIGINS);
    expect(new Set(EXTRA_LINK_ORIGINS).size).toBe(EXTRA_LINK_ORIGINS.length);
    for (const o of EXTRA_LINK_ORIGINS) expect(o).toMatch(/^https:\/\/[^/]+$/);
    expect(EXTRA_LINK_ORIGINS).toContain('https://console.anthropic.com');
    // A watched provider's origins are already allowed through shared/providers.ts.
    expect(EXTRA_LINK_ORIGINS).not.toContain('https://platform.moonshot.cn');
  });

  it('takes every watched provider’s pages from shared/providers.ts, kind by kind', () => {
    for (const id of [
      'deepseek',
      'moonshot',
      'siliconflow',
      'openrouter',
      'stepfun',
      'novita',
    ] as const)
      for (const kind of LINK_KINDS)
        expect(pastedProviderLink(id, kind), `${id} ${kind}`).toBe(
          PROVIDERS[id].links[kind] ?? null,
        );
    expect(pastedProviderLink('moonshot', 'status')).toBe(
      'https://platform.moonshot.cn/docs/api/balance',
    );
  });

  it('every page is https on the provider’s own site; each provider but a relay has a top-up and a keys page', () => {
    const SITES: Record<PastedProviderId, RegExp> = {
      deepseek: /(^|\.)deepseek\.com$/,
      moonshot: /(^|\.)moonshot\.(cn|ai)$/,
      siliconflow: /(^|\.)siliconflow\.(cn|com)$/,
      relay: /^$/,
      openrouter: /(^|\.)openrouter\.ai$/,
      stepfun: /(^|\.)stepfun\.com$/,
      novita: /(^|\.)novita\.ai$/,
      openai: /(^|\.)openai\.com$/,
      anthropic: /(^|\.)anthropic\.com$/,
      zhipu: /(^|\.)bigmodel\.cn$/,
      dashscope: /(^|\.)aliyun\.com$/,
      volcengine: /(^|\.)volcengine\.com$/,
      xai: /(^|\.)x\.ai$/,
      minimax: /(^|\.)minimaxi\.com$/,
    };
    for (const id of PASTED_PROVIDER_IDS) {
      if (id === 'relay') continue;
      for (const kind of LINK_KINDS) {
        const url = pastedProviderLink(id, kind);
        if (url === null) continue;
        const u = new URL(url);
        expect(u.protocol, `${id} ${kind}`).toBe('https:');
        expect(u.hostname, `${id} ${kind}`).toMatch(SITES[id]);
      }
      expect(pastedProviderLink(id, 'topUp'), id).not.toBeNull();
      expect(pastedProviderLink(id, 'apiKeys'), id).not.toBeNull();
    }
  });
});
