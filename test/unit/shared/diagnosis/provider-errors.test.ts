import { describe, expect, it } from 'vitest';
import { explainPasted } from '../../../../shared/diagnosis/pasted-only';
import {
  EXTRA_LINK_ORIGINS,
  PASTED_PROVIDER_IDS,
  pastedProviderLink,
} from '../../../../shared/diagnosis/error-providers';
import { MONEY_CAUSE_IDS, type Cause } from '../../../../shared/diagnosis/types';
import { EXTERNAL_ORIGINS, LINK_KINDS } from '../../../../shared/providers';
import { NOW } from './fixtures/build';
import { providerErrorFixtures } from './fixtures/provider-errors';

const money = (id: string) => (MONEY_CAUSE_IDS as readonly string[]).includes(id);
const links = (c: Cause) =>
  c.steps.flatMap((s) => (s.action.kind === 'open-link' ? [s.action] : []));

describe('pasted errors from every provider', () => {
  it('has at least 40 new fixtures across the providers, with look-alikes', () => {
    const fresh = providerErrorFixtures.filter((f) => f.provider !== 'deepseek');
    expect(fresh.length).toBeGreaterThanOrEqual(40);
    expect(providerErrorFixtures.filter((f) => f.lookalike).length).toBeGreaterThanOrEqual(6);
    for (const id of PASTED_PROVIDER_IDS)
      expect(
        providerErrorFixtures.map((f) => f.provider),
        id,
      ).toContain(id);
    for (const id of MONEY_CAUSE_IDS)
      expect(
        providerErrorFixtures.map((f) => f.top),
        id,
      ).toContain(id);
  });

  for (const f of providerErrorFixtures) {
    it(f.name, () => {
      const r = explainPasted(f.text, 'en', NOW);
      const ids = r.diagnosis.causes.map((c) => c.id);
      expect({
        provider: r.provider,
        status: r.status,
        top: ids[0] ?? null,
        balanceProblem: r.balanceProblem,
      }).toEqual({
        provider: f.provider,
        status: f.status,
        top: f.top,
        balanceProblem: f.balanceProblem,
      });
      if (f.lookalike) for (const id of ids) expect(money(id), `${id} in a look-alike`).toBe(false);
      const top = r.diagnosis.causes[0];
      if (!top) return;
      // The pasted text is quoted as evidence, and a money cause says what the wording means.
      expect(top.evidence[0]?.kind).toBe('pasted');
      if (money(top.id)) {
        expect(top.evidence.length, 'the wording is explained').toBeGreaterThanOrEqual(2);
        expect(top.confidence).toBeGreaterThanOrEqual(r.diagnosis.pasted?.bodyHidden ? 0.5 : 0.8);
        expect(top.steps.length).toBeGreaterThan(0);
      }
      // Every link opens a page of the provider the error came from, never a placeholder's.
      for (const a of links(top)) {
        expect(a.provider).toBe(f.provider);
        expect(a.url).toBe(pastedProviderLink(f.provider!, a.link));
        expect(a.url?.startsWith('https://')).toBe(true);
      }
      const zh = explainPasted(f.text, 'zh-CN', NOW).diagnosis;
      for (const c of zh.causes) {
        expect(c.summary).toMatch(/[\u4e00-\u9fff]/);
        for (const t of [
          c.summary,
          ...c.evidence.map((e) => e.text),
          ...c.steps.flatMap((s) => [s.title, s.why]),
        ])
          expect(t).not.toMatch(/\{\{|\}\}/);
      }
    });
  }
});

describe('what each new cause says and offers', () => {
  const top = (text: string) => explainPasted(text, 'en', NOW).diagnosis.causes[0]!;

  it('tells OpenRouter users how many tokens the credit still pays for and to lower max_tokens first', () => {
    const c = top(
      '402 This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford 222. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account',
    );
    expect(c.evidence.map((e) => e.text)).toContain(
      'You asked for up to 4096 tokens, but the credit left pays for about 222.',
    );
    expect(c.steps.map((s) => s.id)).toEqual(['lower-max-tokens', 'top-up']);
    expect(c.steps[0]!.why).toContain('222');
    expect(c.steps[1]!.action).toEqual({
      kind: 'open-link',
      link: 'topUp',
      provider: 'openrouter',
      url: pastedProviderLink('openrouter', 'topUp'),
    });
  });

  it('sends a relay user whose key is exhausted to the relay operator, with no provider page', () => {
    const c = top('401 该令牌额度已用尽 (request id: 1)');
    expect(c.id).toBe('key-limit-reached');
    expect(c.steps.map((s) => [s.id, s.action.kind])).toEqual([['ask-relay-admin', 'none']]);
    expect(c.summary).toContain('one-api / new-api relay');
  });

  it('points an OpenRouter per-key cap at the keys page, saying the account may still have money', () => {
    const c = top(
      '402 Prompt tokens limit exceeded: 230799 > 91442. To increase, visit https://openrouter.ai/settings/keys and create a key with a higher monthly limit',
    );
    expect(c.summary).toMatch(/may still have money/);
    expect(c.steps[0]).toMatchObject({
      id: 'raise-key-limit',
      action: { link: 'apiKeys', provider: 'openrouter' },
    });
  });

  it('offers gift-credit models as the alternative to topping up for SiliconFlow 30011', () => {
    const c = top(
      '{"code":30011,"message":"The selected model requires paid balance. Your paid balance is insufficient. Please top up and try again.","data":null}',
    );
    expect(c.steps.map((s) => s.id)).toEqual(['top-up', 'other-model']);
    expect(c.steps[0]!.why).toMatch(/topped-up balance/);
  });

  it('asks for the body when the JS SDK hid SiliconFlow’s, and is less sure', () => {
    const r = explainPasted(
      'Error: 403 status code (no body)\n  url: https://api.siliconflow.com/v1/chat/completions',
      'en',
      NOW,
    );
    const c = r.diagnosis.causes[0]!;
    expect(c.confidence).toBeLessThan(0.75);
    expect(c.steps[0]!.id).toBe('curl-body');
    expect(c.evidence.some((e) => /printed no body/.test(e.text))).toBe(true);
  });

  it('says an overdue DashScope or Ark account must pay what is owed, on that provider’s pages', () => {
    const c = top(
      "openai.BadRequestError: Error code: 400 - {'error': {'code': 'Arrearage', 'message': 'Access denied, please make sure your account is in good standing.', 'type': 'Arrearage'}}",
    );
    expect(c.steps.map((s) => s.id)).toEqual(['pay-overdue', 'check-billing']);
    expect(c.steps[0]!.title).toContain('Alibaba Cloud Model Studio');
    expect(c.steps[0]!.action).toMatchObject({ provider: 'dashscope', link: 'topUp' });
  });

  it('explains why a Moonshot 429 rate limit is not money although the status matches', () => {
    const c = top(
      "openai.RateLimitError: Error code: 429 - {'error': {'message': 'request reached organization max RPM: 3', 'type': 'rate_limit_reached_error'}}",
    );
    expect(c.id).toBe('rate-limited');
    expect(c.evidence.map((e) => e.text)).toContain(
      'Moonshot (Kimi) uses the same HTTP status when money runs out, but this type (rate_limit_reached_error) is not about money.',
    );
  });

  it('names the provider in the pasted note in both languages', () => {
    const text =
      "openai.RateLimitError: Error code: 429 - {'error': {'code': '1113', 'message': '余额不足或无可用资源包,请充值。'}}";
    expect(explainPasted(text, 'en', NOW).diagnosis.pastedNote).toMatch(
      /from Zhipu.*This is a balance problem/,
    );
    expect(explainPasted(text, 'zh-CN', NOW).diagnosis.pastedNote).toMatch(
      /来自 Zhipu.*这是余额问题/,
    );
  });
});

describe('provider pages of the error-only providers', () => {
  it('are https and their origins are listed for the openExternal allowlist', () => {
    for (const id of PASTED_PROVIDER_IDS)
      for (const kind of LINK_KINDS) {
        const url = pastedProviderLink(id, kind);
        if (url === null) continue;
        expect(new URL(url).protocol).toBe('https:');
        const origin = new URL(url).origin;
        expect(EXTERNAL_ORIGINS.has(origin) || EXTRA_LINK_ORIGINS.includes(origin), origin).toBe(
          true,
        );
      }
    expect(pastedProviderLink('relay', 'topUp')).toBeNull();
  });
});
