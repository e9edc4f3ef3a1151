/**
 * Each provider's own words for "out of money" and for the errors that only look like it.
 * The same HTTP status means different things per provider (Moonshot's 429 is money or a rate
 * limit depending on `type`; Zhipu's money error is a 429; MiniMax answers HTTP 200), so the
 * provider's `type`/`code`/message decides first and the status only fills in the rest.
 * Bodies come from ../shared/provider-facts.md and users' reports (see the fixtures).
 */
import type { ErrorKind } from '../model';
import type { PastedProviderId } from './error-providers';
import type { MoneyCauseId } from './types';

/** What the recogniser pulled out of the text, before any provider is considered. */
export interface Words {
  /** The status the text printed (null when none was). */
  status: number | null;
  type: string | null;
  code: string | null;
  message: string | null;
  /** The whole (redacted) text: wordings nested in wrappers are still found. */
  raw: string;
  /** The OpenAI JS SDK said `status code (no body)`. */
  noBody: boolean;
}

/** A provider's verdict on the text. */
export interface WordingMatch {
  provider: PastedProviderId | null;
  /** Set when the text is one of the provider's out-of-money errors. */
  moneyCause: MoneyCauseId | null;
  /** The error kind the provider's wording means, when it overrides the status. */
  kind: ErrorKind | null;
  /** The status this wording always comes with, when the text printed none. */
  impliedStatus: number | null;
  /** OpenRouter's "requested up to N tokens, but can only afford M". */
  tokens: { requested: number; affordable: number } | null;
  /** The provider hides the body from the SDK: the text cannot say which money error it was. */
  bodyHidden: boolean;
}

interface Rule {
  provider: PastedProviderId | ((w: Words) => PastedProviderId | null);
  when: (w: Words) => boolean;
  money?: MoneyCauseId;
  kind?: ErrorKind;
  status?: number;
}

const has = (w: Words, token: string) =>
  new RegExp(`(?:^|[^A-Za-z0-9_.])${token.replace(/\./g, '\\.')}(?:$|[^A-Za-z0-9_])`).test(w.raw);
const says = (w: Words, re: RegExp) => re.test(w.raw);
const codeIs = (w: Words, ...codes: string[]) => w.code !== null && codes.includes(w.code);
const OPENROUTER_AFFORD = /requires more credits, or fewer max_tokens/i;
const ANTHROPIC_ENVELOPE = /['"]type['"]\s*:\s*['"]error['"]\s*,\s*['"]error['"]\s*:/;

/** First match wins: specific wordings before generic ones, look-alikes right after their twin. */
const RULES: Rule[] = [
  // Moonshot / Kimi: classify by `type`, never by the shared 429.
  {
    provider: 'moonshot',
    when: (w) => has(w, 'exceeded_current_quota_error') && says(w, /is not active/i),
    money: 'account-overdue',
  },
  {
    provider: 'moonshot',
    when: (w) =>
      has(w, 'exceeded_current_quota_error') ||
      says(w, /suspended due to insufficient balance|exceeded your current token quota/i),
    money: 'balance-depleted',
  },
  { provider: 'moonshot', when: (w) => has(w, 'rate_limit_reached_error'), kind: 'rate-limit' },
  { provider: 'moonshot', when: (w) => has(w, 'engine_overloaded_error'), kind: 'server' },
  { provider: 'moonshot', when: (w) => has(w, 'invalid_authentication_error'), kind: 'auth' },
  // one-api / new-api relays: the key's own quota, the relay user's quota, dead tokens.
  { provider: 'relay', when: (w) => says(w, /该令牌额度已用尽/), money: 'key-limit-reached' },
  {
    provider: 'relay',
    when: (w) => says(w, /该令牌已过期|无效的令牌|该令牌状态不可用|令牌已被禁用/),
    kind: 'auth',
  },
  {
    provider: 'relay',
    when: (w) =>
      codeIs(w, 'insufficient_user_quota') ||
      has(w, 'insufficient_user_quota') ||
      says(w, /用户额度不足|user quota is not enough/i),
    money: 'balance-depleted',
  },
  { provider: 'relay', when: (w) => has(w, 'one_api_error') || has(w, 'new_api_error') },
  // OpenRouter: the per-key cap, "this request is more than you can afford", and no credits.
  {
    provider: 'openrouter',
    when: (w) =>
      says(w, /create a key with a higher (?:monthly )?limit/i) || has(w, 'openrouter_key_limit'),
    money: 'key-limit-reached',
  },
  {
    provider: 'openrouter',
    when: (w) => says(w, OPENROUTER_AFFORD) && says(w, /can only afford 0\b/i),
    money: 'balance-depleted',
  },
  {
    provider: 'openrouter',
    when: (w) => says(w, OPENROUTER_AFFORD),
    money: 'request-exceeds-balance',
  },
  {
    provider: 'openrouter',
    when: (w) => says(w, /Insufficient credits/i),
    money: 'balance-depleted',
  },
  {
    provider: 'openrouter',
    when: (w) => says(w, /"?User not found\."?|No auth credentials found/),
    kind: 'auth',
  },
  // SiliconFlow: business codes without an `error` object.
  {
    provider: 'siliconflow',
    when: (w) => codeIs(w, '30011') || says(w, /requires paid balance/i),
    money: 'paid-balance-required',
  },
  {
    provider: 'siliconflow',
    when: (w) => codeIs(w, '30001') || says(w, /your account balance is insufficient/i),
    money: 'balance-depleted',
  },
  // MiniMax before Anthropic: its newer API uses Anthropic's envelope, and 500/429 statuses.
  {
    provider: 'minimax',
    when: (w) => says(w, /status_code['"]?\s*:\s*1008\b/) && says(w, /base_resp/),
    money: 'balance-depleted',
    status: 200,
  },
  {
    provider: 'minimax',
    when: (w) => says(w, /insufficient balance \(1008\)/i) || has(w, 'insufficient_balance_error'),
    money: 'balance-depleted',
  },
  {
    provider: 'minimax',
    when: (w) => says(w, /status_code['"]?\s*:\s*1004\b/) && says(w, /base_resp/),
    kind: 'auth',
    status: 200,
  },
  // OpenAI: quota and spend limits are money; `rate_limit_exceeded` is not.
  {
    provider: 'openai',
    when: (w) =>
      has(w, 'organization_spend_limit_exceeded') || has(w, 'project_spend_limit_exceeded'),
    money: 'key-limit-reached',
  },
  {
    provider: 'openai',
    when: (w) =>
      codeIs(w, 'insufficient_quota', 'credit_balance_exhausted') ||
      has(w, 'insufficient_quota') ||
      says(w, /You exceeded your current quota|You have no credits remaining/i),
    money: 'balance-depleted',
  },
  {
    provider: (w) => (says(w, /in organization org-|platform\.openai\.com/) ? 'openai' : null),
    when: (w) => codeIs(w, 'rate_limit_exceeded') || has(w, 'rate_limit_exceeded'),
    kind: 'rate-limit',
  },
  // Anthropic: money is a 400 invalid_request_error, overload a 529.
  {
    provider: 'anthropic',
    when: (w) => says(w, /credit balance is too low/i),
    money: 'balance-depleted',
  },
  {
    provider: 'anthropic',
    when: (w) => says(w, ANTHROPIC_ENVELOPE) && has(w, 'rate_limit_error'),
    kind: 'rate-limit',
  },
  {
    provider: 'anthropic',
    when: (w) => says(w, ANTHROPIC_ENVELOPE) && has(w, 'overloaded_error'),
    kind: 'server',
  },
  // Zhipu / Z.ai: money is a 429 with code 1113.
  {
    provider: 'zhipu',
    when: (w) => codeIs(w, '1113') || says(w, /余额不足或无可用资源包|no resource package/i),
    money: 'balance-depleted',
  },
  {
    provider: 'zhipu',
    when: (w) => codeIs(w, '1002') && says(w, /Authorization Token/i),
    kind: 'auth',
  },
  // Alibaba DashScope and Volcengine Ark: arrears block calls whatever the balance shows.
  {
    provider: 'dashscope',
    when: (w) => has(w, 'Arrearage') || says(w, /make sure your account is in good standing/i),
    money: 'account-overdue',
  },
  { provider: 'dashscope', when: (w) => has(w, 'AllocationQuota.FreeTierOnly'), kind: 'request' },
  {
    provider: 'volcengine',
    when: (w) => has(w, 'AccountOverdueError') || says(w, /account has an overdue balance/i),
    money: 'account-overdue',
  },
  { provider: 'volcengine', when: (w) => codeIs(w, 'AuthenticationError'), kind: 'auth' },
  // xAI: the `error` field is a plain string; earlier answers were 429, now 403.
  {
    provider: 'xai',
    when: (w) =>
      says(
        w,
        /used all available credits|run out of credits or need a Grok subscription|doesn't have any credits or licenses/i,
      ),
    money: 'balance-depleted',
  },
  // DeepSeek's own words (its 402 and 401 share `code`, so the message decides).
  {
    provider: 'deepseek',
    when: (w) => /^insufficient balance$/i.test((w.message ?? '').trim()),
    money: 'balance-depleted',
    status: 402,
  },
  { provider: 'deepseek', when: (w) => says(w, /Authentication Fails/), kind: 'auth', status: 401 },
];

/** Host names in logs, URLs and stack traces name the provider when the wording does not. */
const HOSTS: [RegExp, PastedProviderId][] = [
  [/api\.deepseek\.com|platform\.deepseek\.com/i, 'deepseek'],
  [/moonshot\.(?:cn|ai)\b|api\.kimi\.com/i, 'moonshot'],
  [/siliconflow\.(?:cn|com)\b/i, 'siliconflow'],
  [/openrouter\.ai\b/i, 'openrouter'],
  [/stepfun\.com\b/i, 'stepfun'],
  [/novita\.ai\b|ppinfra\.com\b/i, 'novita'],
  [/api\.openai\.com|platform\.openai\.com/i, 'openai'],
  [/api\.anthropic\.com|console\.anthropic\.com/i, 'anthropic'],
  [/bigmodel\.cn\b|api\.z\.ai\b/i, 'zhipu'],
  [/dashscope(?:-intl)?\.aliyuncs\.com/i, 'dashscope'],
  [/volces\.com\b|volcengineapi\.com\b/i, 'volcengine'],
  [/api\.x\.ai\b|console\.x\.ai\b/i, 'xai'],
  [/minimaxi?\.(?:com|chat|io)\b/i, 'minimax'],
];

function tokens(w: Words): WordingMatch['tokens'] {
  const m = /requested up to (\d+) tokens, but can only afford (\d+)/i.exec(w.raw);
  return m ? { requested: Number(m[1]), affordable: Number(m[2]) } : null;
}

/** Which provider wrote the text and what its wording means; null when nothing is known. */
export function matchWording(w: Words): WordingMatch | null {
  const rule = RULES.find((r) => r.when(w));
  if (rule) {
    const provider = typeof rule.provider === 'function' ? rule.provider(w) : rule.provider;
    return {
      provider,
      moneyCause: rule.money ?? null,
      kind: rule.money ? 'insufficient-balance' : (rule.kind ?? null),
      impliedStatus: rule.status ?? null,
      tokens: rule.money === 'request-exceeds-balance' ? tokens(w) : null,
      bodyHidden: false,
    };
  }
  const host = HOSTS.find(([re]) => re.test(w.raw))?.[1] ?? null;
  if (!host) return null;
  // SiliconFlow answers its money errors without an `error` object, so the JS SDK prints
  // "403 status code (no body)": from that alone it is most likely, not certainly, money.
  const hidden = host === 'siliconflow' && w.noBody && (w.status === 402 || w.status === 403);
  return {
    provider: host,
    moneyCause: hidden ? 'balance-depleted' : null,
    kind: hidden ? 'insufficient-balance' : null,
    impliedStatus: null,
    tokens: null,
    bodyHidden: hidden,
  };
}
