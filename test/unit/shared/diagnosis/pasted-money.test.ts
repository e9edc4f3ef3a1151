/**
 * The money causes a pasted error proves by itself (causes/pasted-money.ts), next to a
 * configured account: when the pasted text or the reading decides, how sure each is, and
 * whose pages its steps open.
 */
import { describe, expect, it } from 'vitest';
import { cause, run } from './fixtures/causes';
import { explainPasted } from '../../../../shared/diagnosis/pasted-only';
import type { Cause, Diagnosis } from '../../../../shared/diagnosis/types';
import type { AccountConfig } from '../../../../shared/model';
import { cny, input, MIN, NOW, PASTE, status } from './fixtures/build';

const ids = (d: Diagnosis) => d.causes.map((c) => c.id);
const actions = (c: Cause) => c.steps.map((s) => [s.id, s.action]);

const MOONSHOT_MONEY =
  '429 Your account org-1 <ak-2> is suspended due to insufficient balance, please recharge your account or check your plan and billing details';
const never = (provider: AccountConfig['provider'] = 'deepseek') =>
  status(null, { checkedAt: NOW - MIN, config: { provider } });
const funded = () => status(cny(NOW - 5 * MIN, '0.00', '80.00'));

describe('balance-depleted from the pasted text', () => {
  it('on the account’s own provider that was never read: 0.80, the account’s own pages', () => {
    const c = cause(run(input(never(), { pastedError: PASTE.py402 })), 'balance-depleted');
    expect(c.confidence).toBe(0.8);
    expect(c.summary).toBe('The balance is used up: API calls fail with 402 until you top up.');
    expect(c.evidence.map((e) => [e.kind, e.values])).toEqual([
      ['pasted', { status: 402, source: 'openai-python' }],
      ['pasted', { provider: 'deepseek' }],
    ]);
    expect(actions(c)).toEqual([
      ['top-up', { kind: 'open-link', link: 'topUp', url: 'https://platform.deepseek.com/top_up' }],
      [
        'check-usage',
        { kind: 'open-link', link: 'usage', url: 'https://platform.deepseek.com/usage' },
      ],
    ]);
  });

  it('another provider’s money error: 0.90, named in the summary, with that provider’s pages', () => {
    for (const account of [never(), funded()]) {
      const c = cause(run(input(account, { pastedError: MOONSHOT_MONEY })), 'balance-depleted');
      expect(c.confidence).toBe(0.9);
      expect(c.summary).toBe(
        'Moonshot (Kimi) says the account is out of money: calls fail until you top up.',
      );
      expect(c.evidence[1]!.text).toBe(
        'This is how Moonshot (Kimi) says the account has no money left, whatever HTTP status came with it.',
      );
      expect(actions(c)).toEqual([
        [
          'top-up',
          {
            kind: 'open-link',
            link: 'topUp',
            provider: 'moonshot',
            url: 'https://platform.moonshot.cn/console/pay',
          },
        ],
        [
          'check-usage',
          {
            kind: 'open-link',
            link: 'usage',
            provider: 'moonshot',
            url: 'https://platform.moonshot.cn/console/info',
          },
        ],
      ]);
    }
  });

  it('a Moonshot account never read, with Moonshot’s money error: its own, 0.80, no provider tag', () => {
    const c = cause(
      run(input(never('moonshot'), { pastedError: MOONSHOT_MONEY })),
      'balance-depleted',
    );
    expect(c.confidence).toBe(0.8);
    expect(c.steps[0]!.action).toEqual({
      kind: 'open-link',
      link: 'topUp',
      url: 'https://platform.moonshot.cn/console/pay',
    });
  });

  it('leaves an empty reading to the reading and a funded one of the same provider to key-mismatch', () => {
    const empty = run(
      input(status(cny(NOW - 5 * MIN, '0.00', '0.00')), { pastedError: PASTE.py402 }),
    );
    expect(ids(empty).filter((id) => id === 'balance-depleted')).toHaveLength(1);
    expect(cause(empty, 'balance-depleted').evidence.map((e) => e.kind)).toEqual([
      'balance',
      'pasted',
    ]);
    const mix = run(input(funded(), { pastedError: PASTE.py402 }));
    expect(ids(mix)).toContain('key-mismatch');
    expect(ids(mix)).not.toContain('balance-depleted');
  });

  it('a body the SDK hid is only likely money: 0.60, a step to print the body first', () => {
    const text =
      'Error: 403 status code (no body)\n  url: https://api.siliconflow.cn/v1/chat/completions';
    const c = cause(explainPasted(text, 'en', NOW).diagnosis, 'balance-depleted');
    expect(c.confidence).toBe(0.6);
    expect(c.evidence.map((e) => e.kind)).toEqual(['pasted', 'pasted']);
    expect(c.evidence[1]!.values).toEqual({ provider: 'siliconflow' });
    expect(c.steps.map((s) => s.id)).toEqual(['curl-body', 'top-up', 'check-usage']);
    expect(c.steps[0]!.action).toEqual({ kind: 'none' });
  });

  it('a relay’s empty account is topped up on the relay, which has no page we know', () => {
    const text =
      "Error code: 403 - {'error': {'message': 'user quota is not enough', 'type': 'one_api_error', 'code': 'insufficient_user_quota'}}";
    const c = cause(explainPasted(text, 'en', NOW).diagnosis, 'balance-depleted');
    expect(c.confidence).toBe(0.9);
    expect(actions(c)).toEqual([['top-up-relay', { kind: 'none' }]]);
  });

  it('words a DeepSeek money error without a provider the plain way', () => {
    const c = cause(explainPasted('Insufficient Balance', 'en', NOW).diagnosis, 'balance-depleted');
    expect(c.summary).toBe('The balance is used up: API calls fail with 402 until you top up.');
  });
});

describe('the other money causes', () => {
  it('paid-balance-required: 0.90, top up with paid money or use another model', () => {
    const text =
      "Error code: 403 - {'code': 30011, 'message': 'The selected model requires paid balance.', 'data': None}";
    const c = cause(run(input(funded(), { pastedError: text })), 'paid-balance-required');
    expect(c.confidence).toBe(0.9);
    expect(c.evidence.map((e) => e.kind)).toEqual(['pasted', 'pasted']);
    expect(c.steps.map((s) => s.id)).toEqual(['top-up', 'other-model']);
    expect(c.steps[0]!.action).toMatchObject({ provider: 'siliconflow', link: 'topUp' });
    expect(c.steps[0]!.why).not.toBe(
      cause(run(input(never(), { pastedError: MOONSHOT_MONEY })), 'balance-depleted').steps[0]!.why,
    );
  });

  it('request-exceeds-balance: quotes the tokens and asks for fewer than can be afforded', () => {
    const text =
      '402 This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford 222. To increase, visit https://openrouter.ai/settings/credits';
    const c = cause(run(input(funded(), { pastedError: text })), 'request-exceeds-balance');
    expect(c.confidence).toBe(0.9);
    expect(c.evidence[1]!.text).toContain('4096');
    expect(c.evidence[1]!.text).toContain('222');
    expect(c.steps.map((s) => s.id)).toEqual(['lower-max-tokens', 'top-up']);
    expect(c.steps[0]!.title + c.steps[0]!.why).toContain('222');
    expect(c.steps[1]!.action).toMatchObject({ provider: 'openrouter', link: 'topUp' });
  });

  it('request-exceeds-balance without the numbers says so instead of quoting them', () => {
    const text = '402 This request requires more credits, or fewer max_tokens.';
    const c = cause(explainPasted(text, 'en', NOW).diagnosis, 'request-exceeds-balance');
    const withTokens = cause(
      explainPasted(`${text} You requested up to 10 tokens, but can only afford 5.`, 'en', NOW)
        .diagnosis,
      'request-exceeds-balance',
    );
    expect(c.evidence[1]!.text).not.toBe(withTokens.evidence[1]!.text);
    expect(c.steps[0]!.why).not.toBe(withTokens.steps[0]!.why);
    expect(c.steps[0]!.id).toBe('lower-max-tokens');
  });

  it('key-limit-reached: raise the key’s limit on the provider, or ask the relay’s admin', () => {
    const or =
      '402 Prompt tokens limit exceeded: 230799 > 91442. To increase, visit https://openrouter.ai/settings/keys and create a key with a higher monthly limit';
    const c = cause(explainPasted(or, 'en', NOW).diagnosis, 'key-limit-reached');
    expect(c.confidence).toBe(0.9);
    expect(actions(c)).toEqual([
      [
        'raise-key-limit',
        {
          kind: 'open-link',
          link: 'apiKeys',
          provider: 'openrouter',
          url: 'https://openrouter.ai/settings/keys',
        },
      ],
      [
        'check-usage',
        {
          kind: 'open-link',
          link: 'usage',
          provider: 'openrouter',
          url: 'https://openrouter.ai/activity',
        },
      ],
    ]);
    const relay = cause(
      explainPasted('401 该令牌额度已用尽 (request id: 1)', 'en', NOW).diagnosis,
      'key-limit-reached',
    );
    expect(actions(relay)).toEqual([['ask-relay-admin', { kind: 'none' }]]);
    expect(relay.evidence[1]!.text).not.toBe(c.evidence[1]!.text);
  });

  it('account-overdue: pay the arrears and check the bill on the provider’s pages', () => {
    const text =
      "Error code: 400 - {'error': {'code': 'Arrearage', 'message': 'Access denied, please make sure your account is in good standing.', 'type': 'Arrearage'}}";
    const c = cause(explainPasted(text, 'en', NOW).diagnosis, 'account-overdue');
    expect(c.confidence).toBe(0.9);
    expect(c.evidence.map((e) => [e.kind, e.values])).toEqual([
      ['pasted', { status: 400, source: 'openai-python' }],
      ['pasted', { provider: 'dashscope' }],
    ]);
    expect(c.steps.map((s) => [s.id, s.action.kind])).toEqual([
      ['pay-overdue', 'open-link'],
      ['check-billing', 'open-link'],
    ]);
    expect(c.steps[0]!.title + c.steps[0]!.why).toContain('DashScope');
  });
});
