/**
 * What the UI and main both need to know about a provider without talking to it: names,
 * pages a user is sent to, and the origins those pages may live on (the openExternal
 * allowlist is derived from here, so a link cannot be added without being allowed).
 */
import type { ProviderId } from './model';
import type { Lang } from './i18n/language';

export const LINK_KINDS = ['topUp', 'apiKeys', 'usage', 'status', 'errorCodes'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface ProviderInfo {
  id: ProviderId;
  displayName: string;
  /** Shown in the key field as a placeholder. */
  keyHint: string;
  defaultBaseUrl: string;
  /** A custom endpoint has no pages we know: its buttons are not shown. */
  links: Partial<Record<LinkKind, string>>;
  /** Key prefixes that are this provider's own, so the foreign-key guard does not refuse them (OpenRouter's `sk-or-`). */
  ownKeyPrefixes?: readonly string[];
  /**
   * The HTTP status a call gets once the balance is used up (../shared/provider-facts.md): the
   * number the diagnosis quotes. Absent where the provider's answer is unconfirmed or varies.
   */
  moneyStatus?: number;
}

const DEEPSEEK_LINKS: Record<LinkKind, string> = {
  topUp: 'https://platform.deepseek.com/top_up',
  apiKeys: 'https://platform.deepseek.com/api_keys',
  usage: 'https://platform.deepseek.com/usage',
  status: 'https://status.deepseek.com',
  errorCodes: 'https://api-docs.deepseek.com/quick_start/error_codes',
};

export const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  deepseek: {
    id: 'deepseek',
    displayName: 'DeepSeek',
    moneyStatus: 402,
    keyHint: 'sk-…',
    defaultBaseUrl: 'https://api.deepseek.com',
    links: DEEPSEEK_LINKS,
  },
  demo: {
    id: 'demo',
    displayName: 'DeepSeek (demo)',
    moneyStatus: 402,
    keyHint: '',
    defaultBaseUrl: 'demo://deepseek',
    links: DEEPSEEK_LINKS,
  },
  moonshot: {
    id: 'moonshot',
    displayName: 'Moonshot (Kimi)',
    moneyStatus: 429,
    keyHint: 'sk-…',
    defaultBaseUrl: 'https://api.moonshot.cn',
    links: {
      topUp: 'https://platform.moonshot.cn/console/pay',
      apiKeys: 'https://platform.moonshot.cn/console/api-keys',
      usage: 'https://platform.moonshot.cn/console/info',
      status: 'https://platform.moonshot.cn/docs/api/balance',
      errorCodes: 'https://platform.moonshot.cn/docs/api/chat',
    },
  },
  openrouter: {
    id: 'openrouter',
    displayName: 'OpenRouter',
    moneyStatus: 402,
    keyHint: 'sk-or-v1-…',
    defaultBaseUrl: 'https://openrouter.ai',
    links: {
      topUp: 'https://openrouter.ai/settings/credits',
      apiKeys: 'https://openrouter.ai/settings/keys',
      usage: 'https://openrouter.ai/activity',
      status: 'https://status.openrouter.ai',
      errorCodes: 'https://openrouter.ai/docs/api-reference/errors',
    },
    ownKeyPrefixes: ['sk-or-'],
  },
  siliconflow: {
    id: 'siliconflow',
    displayName: 'SiliconFlow',
    moneyStatus: 403,
    keyHint: 'sk-…',
    defaultBaseUrl: 'https://api.siliconflow.cn',
    links: {
      topUp: 'https://cloud.siliconflow.cn/expensebill',
      apiKeys: 'https://cloud.siliconflow.cn/account/ak',
      usage: 'https://cloud.siliconflow.cn/bills',
      status: 'https://docs.siliconflow.cn/cn/release-notes/overview',
      errorCodes: 'https://docs.siliconflow.cn/cn/faqs/error-code',
    },
  },
  stepfun: {
    id: 'stepfun',
    displayName: 'StepFun',
    keyHint: '',
    defaultBaseUrl: 'https://api.stepfun.com',
    links: {
      topUp: 'https://platform.stepfun.com/account-overview',
      apiKeys: 'https://platform.stepfun.com/interface-key',
      usage: 'https://platform.stepfun.com/account-overview',
      status: 'https://platform.stepfun.com/docs/overview/concept',
      errorCodes: 'https://platform.stepfun.com/docs/api-reference/error-code',
    },
  },
  novita: {
    id: 'novita',
    displayName: 'Novita AI',
    keyHint: 'sk_…',
    defaultBaseUrl: 'https://api.novita.ai',
    links: {
      topUp: 'https://novita.ai/billing',
      apiKeys: 'https://novita.ai/settings/key-management',
      usage: 'https://novita.ai/billing',
      status: 'https://status.novita.ai',
      errorCodes: 'https://novita.ai/docs/api-reference/basic-error-code',
    },
  },
  relay: {
    id: 'relay',
    displayName: 'one-api / new-api relay',
    moneyStatus: 403,
    keyHint: 'sk-…',
    // No default: the user names their relay.
    defaultBaseUrl: '',
    // Top-up, keys and usage live on the user's own relay, whose pages we do not know: no
    // button beats one that opens a project's GitHub page. The docs explain its errors.
    links: {
      status: 'https://github.com/songquanpeng/one-api',
      errorCodes: 'https://github.com/QuantumNous/new-api',
    },
  },
  custom: {
    id: 'custom',
    displayName: 'Custom endpoint',
    keyHint: '',
    // No default: the user gives the full URL of the balance GET.
    defaultBaseUrl: '',
    links: {},
  },
};

/** Every https origin a link may open; `openExternal` refuses anything else. */
export const EXTERNAL_ORIGINS: ReadonlySet<string> = new Set(
  Object.values(PROVIDERS).flatMap((p) =>
    Object.values(p.links).flatMap((u) => (u ? [new URL(u).origin] : [])),
  ),
);

/** Shows enough of a key to recognise it, never enough to use it: `sk-…a1b2`. */
export function maskKey(key: string): string {
  const k = key.trim();
  if (k.length <= 8) return '…';
  const prefix = k.startsWith('sk-') ? 'sk-' : '';
  return `${prefix}…${k.slice(-4)}`;
}

/** The simulated account's label, in the language the user reads (a Chinese window must not show "Demo"). */
export const DEMO_LABEL: Record<Lang, string> = { en: 'Demo', 'zh-CN': '演示账户' };
