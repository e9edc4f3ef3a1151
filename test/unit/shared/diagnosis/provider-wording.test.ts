/**
 * Each provider's wording rule on its own (shared/diagnosis/provider-wording.ts): every
 * alternative of a rule decides alone (a code without the words, the words without a code),
 * and spacing and quoting variants of the same body are read the same way.
 */
import { describe, expect, it } from 'vitest';
import { matchWording, type Words } from '../../../../shared/diagnosis/provider-wording';

const words = (over: Partial<Words>): Words => ({
  status: null,
  type: null,
  code: null,
  message: null,
  raw: '',
  noBody: false,
  ...over,
});
const verdict = (over: Partial<Words>) => {
  const m = matchWording(words(over));
  return m && { provider: m.provider, money: m.moneyCause, kind: m.kind, status: m.impliedStatus };
};

describe('relays', () => {
  const depleted = {
    provider: 'relay',
    money: 'balance-depleted',
    kind: 'insufficient-balance',
    status: null,
  };

  it('an exhausted user quota by its code alone, or by its name or words in the text', () => {
    expect(verdict({ code: 'insufficient_user_quota', raw: 'x' })).toEqual(depleted);
    expect(verdict({ raw: '{"code":"insufficient_user_quota"}' })).toEqual(depleted);
    expect(verdict({ raw: '用户额度不足, 剩余额度: $0' })).toEqual(depleted);
    expect(verdict({ raw: 'User quota is not enough' })).toEqual(depleted);
  });

  it('one-api and new-api errors each name a relay alone', () => {
    for (const t of ['one_api_error', 'new_api_error'])
      expect(verdict({ raw: `{"type":"${t}"}` }), t).toEqual({
        provider: 'relay',
        money: null,
        kind: null,
        status: null,
      });
    expect(verdict({ raw: 'new_api_errors' })).toBeNull();
  });
});

describe('OpenRouter', () => {
  it('a key cap with or without "monthly"', () => {
    for (const raw of [
      'visit https://openrouter.ai/settings/keys and create a key with a higher limit',
      'create a key with a higher monthly limit',
    ])
      expect(verdict({ raw })?.money, raw).toBe('key-limit-reached');
  });

  it('an unknown user, quoted or not, and missing credentials are key problems', () => {
    for (const raw of ['"User not found."', 'User not found.', 'No auth credentials found'])
      expect(verdict({ raw }), raw).toEqual({
        provider: 'openrouter',
        money: null,
        kind: 'auth',
        status: null,
      });
  });
});

describe('SiliconFlow', () => {
  it('30011 by its code alone or its words alone; 30001 the same', () => {
    expect(verdict({ code: '30011', raw: '{}' })?.money).toBe('paid-balance-required');
    expect(verdict({ raw: 'The selected model requires paid balance' })?.money).toBe(
      'paid-balance-required',
    );
    expect(verdict({ code: '30001', raw: '{}' })?.money).toBe('balance-depleted');
    expect(verdict({ raw: 'Sorry, your account balance is insufficient' })).toMatchObject({
      provider: 'siliconflow',
      money: 'balance-depleted',
    });
    expect(verdict({ code: '30002', raw: '{}' })).toBeNull();
  });
});

describe('MiniMax', () => {
  it('base_resp status_code 1008 is money and 1004 a bad key, quoted or not, spaced or not', () => {
    for (const sc of [
      '"status_code":1008',
      "'status_code': 1008",
      'status_code : 1008',
      'status_code:1008',
    ])
      expect(verdict({ raw: `{"base_resp":{${sc}}}` }), sc).toEqual({
        provider: 'minimax',
        money: 'balance-depleted',
        kind: 'insufficient-balance',
        status: 200,
      });
    for (const sc of ['"status_code":1004', "'status_code': 1004", 'status_code : 1004'])
      expect(verdict({ raw: `{"base_resp":{${sc}}}` }), sc).toEqual({
        provider: 'minimax',
        money: null,
        kind: 'auth',
        status: 200,
      });
  });

  it('needs base_resp next to the code, and the whole code', () => {
    expect(verdict({ raw: '{"status_code":1008}' })).toBeNull();
    expect(verdict({ raw: '{"status_code":1004}' })).toBeNull();
    expect(verdict({ raw: '{"base_resp":{"status_code":10080}}' })).toBeNull();
    expect(verdict({ raw: '{"base_resp":{"status_code":10040}}' })).toBeNull();
  });
});

describe('OpenAI', () => {
  it('either money code alone, the code named in the text, or the words', () => {
    for (const code of ['insufficient_quota', 'credit_balance_exhausted'])
      expect(verdict({ code, raw: '{}' }), code).toMatchObject({
        provider: 'openai',
        money: 'balance-depleted',
      });
    expect(verdict({ raw: "'code': 'insufficient_quota'" })?.money).toBe('balance-depleted');
    expect(verdict({ raw: 'You have no credits remaining.' })?.money).toBe('balance-depleted');
    expect(verdict({ raw: 'You exceeded your current quota' })?.money).toBe('balance-depleted');
  });

  it('a rate limit by code or by name; named OpenAI only with its organisation or site', () => {
    expect(verdict({ code: 'rate_limit_exceeded', raw: '{}' })).toEqual({
      provider: null,
      money: null,
      kind: 'rate-limit',
      status: null,
    });
    expect(verdict({ raw: 'type: rate_limit_exceeded in organization org-abc' })).toEqual({
      provider: 'openai',
      money: null,
      kind: 'rate-limit',
      status: null,
    });
    expect(verdict({ raw: 'rate_limit_exceeded, see platform.openai.com' })?.provider).toBe(
      'openai',
    );
  });
});

describe('no wording: the host names the provider', () => {
  it('a SiliconFlow body the JS SDK hid is likely money for 402 and 403 only', () => {
    const raw = 'Error: 403 status code (no body) https://api.siliconflow.cn/v1';
    expect(matchWording(words({ raw, status: 403, noBody: true }))).toMatchObject({
      provider: 'siliconflow',
      moneyCause: 'balance-depleted',
      kind: 'insufficient-balance',
      bodyHidden: true,
    });
    expect(matchWording(words({ raw, status: 402, noBody: true }))?.bodyHidden).toBe(true);
    for (const over of [
      { status: 401, noBody: true },
      { status: 403, noBody: false },
    ])
      expect(matchWording(words({ raw, ...over })), JSON.stringify(over)).toEqual({
        provider: 'siliconflow',
        moneyCause: null,
        kind: null,
        impliedStatus: null,
        tokens: null,
        bodyHidden: false,
      });
    const other = 'Error: 403 status code (no body) https://api.stepfun.com/v1';
    expect(matchWording(words({ raw: other, status: 403, noBody: true }))?.bodyHidden).toBe(false);
  });
});

describe('Anthropic, Zhipu, DashScope, Volcengine and DeepSeek rules, each alternative alone', () => {
  it('Anthropic overload and rate limits need the error envelope, however it is spaced', () => {
    for (const env of [
      '{"type":"error","error":',
      '{ "type" : "error" , "error" : ',
      "{'type': 'error', 'error': ",
    ]) {
      expect(verdict({ raw: `${env}{"type":"overloaded_error"}}` }), env).toEqual({
        provider: 'anthropic',
        money: null,
        kind: 'server',
        status: null,
      });
      expect(verdict({ raw: `${env}{"type":"rate_limit_error"}}` })?.kind, env).toBe('rate-limit');
    }
    expect(verdict({ raw: '{"type":"overloaded_error"}' })).toBeNull();
    expect(verdict({ raw: '{"type":"error","error":{"type":"other"}}' })).toBeNull();
  });

  it('Zhipu money by code 1113 alone or by its words alone; auth needs code 1002 and its words', () => {
    expect(verdict({ code: '1113', raw: '{}' })).toMatchObject({
      provider: 'zhipu',
      money: 'balance-depleted',
    });
    expect(verdict({ raw: '余额不足或无可用资源包,请充值。' })?.money).toBe('balance-depleted');
    expect(verdict({ raw: 'No resource package available' })?.money).toBe('balance-depleted');
    expect(verdict({ code: '1002', raw: 'Authorization Token非法' })).toEqual({
      provider: 'zhipu',
      money: null,
      kind: 'auth',
      status: null,
    });
    expect(verdict({ code: '1002', raw: '{}' })).toBeNull();
    expect(verdict({ raw: 'invalid Authorization Token' })).toBeNull();
  });

  it('DashScope and Volcengine arrears by their code alone or their words alone', () => {
    for (const raw of ['{"code":"Arrearage"}', 'Please make sure your account is in good standing'])
      expect(verdict({ raw }), raw).toMatchObject({
        provider: 'dashscope',
        money: 'account-overdue',
      });
    for (const raw of ['{"code":"AccountOverdueError"}', 'Your account has an overdue balance'])
      expect(verdict({ raw }), raw).toMatchObject({
        provider: 'volcengine',
        money: 'account-overdue',
      });
  });

  it('DeepSeek’s "Insufficient Balance" must be the whole message, padding aside', () => {
    expect(verdict({ message: '  Insufficient Balance ', raw: 'x' })).toEqual({
      provider: 'deepseek',
      money: 'balance-depleted',
      kind: 'insufficient-balance',
      status: 402,
    });
    expect(verdict({ message: 'Insufficient Balance for this model', raw: 'x' })).toBeNull();
    expect(verdict({ message: 'Account has insufficient balance', raw: 'x' })).toBeNull();
  });
});

describe('host names in a log name the provider', () => {
  it('every known host, each spelling, names its own provider', () => {
    const HOSTS: [string, string][] = [
      ['api.deepseek.com', 'deepseek'],
      ['platform.deepseek.com', 'deepseek'],
      ['api.moonshot.cn', 'moonshot'],
      ['api.moonshot.ai', 'moonshot'],
      ['api.kimi.com', 'moonshot'],
      ['api.siliconflow.cn', 'siliconflow'],
      ['api.siliconflow.com', 'siliconflow'],
      ['openrouter.ai', 'openrouter'],
      ['api.stepfun.com', 'stepfun'],
      ['api.novita.ai', 'novita'],
      ['api.ppinfra.com', 'novita'],
      ['api.openai.com', 'openai'],
      ['platform.openai.com', 'openai'],
      ['api.anthropic.com', 'anthropic'],
      ['console.anthropic.com', 'anthropic'],
      ['open.bigmodel.cn', 'zhipu'],
      ['api.z.ai', 'zhipu'],
      ['dashscope.aliyuncs.com', 'dashscope'],
      ['dashscope-intl.aliyuncs.com', 'dashscope'],
      ['ark.cn-beijing.volces.com', 'volcengine'],
      ['open.volcengineapi.com', 'volcengine'],
      ['api.x.ai', 'xai'],
      ['console.x.ai', 'xai'],
      ['api.minimax.chat', 'minimax'],
      ['api.minimaxi.com', 'minimax'],
      ['api.minimax.io', 'minimax'],
    ];
    for (const [host, provider] of HOSTS)
      expect(
        verdict({ raw: `POST https://${host}/v1/chat/completions: ECONNREFUSED` }),
        host,
      ).toEqual({ provider, money: null, kind: null, status: null });
  });

  it('a look-alike host names nobody', () => {
    for (const host of [
      'deepseek.example',
      'openrouter.aix',
      'stepfun.community',
      'x.ai.example.org',
    ])
      expect(verdict({ raw: `https://${host}/v1 ECONNREFUSED` }), host).toBeNull();
  });
});
