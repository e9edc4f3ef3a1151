/**
 * The providers a pasted error can come from, with the pages a fix step sends the user to.
 * Balance providers get their links from `shared/providers.ts`; the error-only providers (no
 * balance readable with an ordinary key) live only here, so the diagnosis can name them and point
 * at their own billing pages without pretending to watch them.
 * Every link must be https; `EXTRA_LINK_ORIGINS` lists the origins the openExternal allowlist
 * has to learn before the window may open them.
 */
import { PROVIDERS, type LinkKind } from '../providers';

/** Provider ids the recogniser reports (`relay` = any one-api / new-api gateway). */
export const PASTED_PROVIDER_IDS = [
  'deepseek',
  'moonshot',
  'siliconflow',
  'relay',
  'openrouter',
  'stepfun',
  'novita',
  'openai',
  'anthropic',
  'zhipu',
  'dashscope',
  'volcengine',
  'xai',
  'minimax',
] as const;
export type PastedProviderId = (typeof PASTED_PROVIDER_IDS)[number];

/** Names as the providers write them; shown inside sentences in both languages. */
export const PASTED_PROVIDER_NAMES: Record<PastedProviderId, string> = {
  deepseek: 'DeepSeek',
  moonshot: 'Moonshot (Kimi)',
  siliconflow: 'SiliconFlow',
  relay: 'one-api / new-api relay',
  openrouter: 'OpenRouter',
  stepfun: 'StepFun',
  novita: 'Novita',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  zhipu: 'Zhipu (BigModel / Z.ai)',
  dashscope: 'Alibaba Cloud Model Studio (DashScope)',
  volcengine: 'Volcengine Ark',
  xai: 'xAI',
  minimax: 'MiniMax',
};

type Links = Partial<Record<LinkKind, string>>;

/** A provider we watch: its pages are in `shared/providers.ts`, the one place for them. */
type WatchedId = Extract<PastedProviderId, keyof typeof PROVIDERS>;
const isWatched = (id: PastedProviderId): id is WatchedId => Object.hasOwn(PROVIDERS, id);

/**
 * Pages of the providers whose errors we explain but whose balance an ordinary key cannot read.
 * The watched ones are not repeated here: a second copy of their links would go stale unseen.
 */
const ERROR_ONLY_LINKS: Record<Exclude<PastedProviderId, WatchedId>, Links> = {
  openai: {
    topUp: 'https://platform.openai.com/settings/organization/billing/overview',
    apiKeys: 'https://platform.openai.com/api-keys',
    usage: 'https://platform.openai.com/usage',
    status: 'https://status.openai.com',
    errorCodes: 'https://platform.openai.com/docs/guides/error-codes',
  },
  anthropic: {
    topUp: 'https://console.anthropic.com/settings/billing',
    apiKeys: 'https://console.anthropic.com/settings/keys',
    usage: 'https://console.anthropic.com/usage',
    status: 'https://status.anthropic.com',
    errorCodes: 'https://docs.anthropic.com/en/api/errors',
  },
  zhipu: {
    topUp: 'https://open.bigmodel.cn/finance/overview',
    apiKeys: 'https://open.bigmodel.cn/usercenter/apikeys',
    errorCodes: 'https://open.bigmodel.cn/dev/api/error-code/service-error',
  },
  dashscope: {
    topUp: 'https://usercenter2.aliyun.com/finance/fund-management/recharge',
    apiKeys: 'https://bailian.console.aliyun.com/?apiKey=1',
    usage: 'https://usercenter2.aliyun.com/home',
    errorCodes: 'https://help.aliyun.com/zh/model-studio/error-code',
  },
  volcengine: {
    topUp: 'https://console.volcengine.com/finance/fund/recharge',
    apiKeys: 'https://console.volcengine.com/ark/region:ark+cn-beijing/apiKey',
    usage: 'https://console.volcengine.com/finance/bill/overview',
    errorCodes: 'https://www.volcengine.com/docs/82379/1299023',
  },
  xai: {
    topUp: 'https://console.x.ai',
    apiKeys: 'https://console.x.ai',
    status: 'https://status.x.ai',
  },
  minimax: {
    topUp: 'https://platform.minimaxi.com/user-center/payment/balance',
    apiKeys: 'https://platform.minimaxi.com/user-center/basic-information/interface-key',
    errorCodes: 'https://platform.minimaxi.com/document/error_code',
  },
};

/** The provider's page of this kind, or null when it has none we can point at. */
export function pastedProviderLink(id: PastedProviderId, kind: LinkKind): string | null {
  // A relay's pages are on the user's own gateway; project pages are no place to top up.
  if (id === 'relay') return null;
  const links: Links = isWatched(id) ? PROVIDERS[id].links : ERROR_ONLY_LINKS[id];
  return links[kind] ?? null;
}

/** The error-only providers' https origins, which `EXTERNAL_ORIGINS` (watched providers) lacks. */
export const EXTRA_LINK_ORIGINS: readonly string[] = [
  ...new Set(
    Object.values(ERROR_ONLY_LINKS)
      .flatMap((l) => Object.values(l))
      .map((u) => new URL(u).origin),
  ),
].sort();

/** Maps an account's provider to the id its pasted errors carry (`demo` is DeepSeek's wording). */
export function pastedIdOf(accountProvider: string): PastedProviderId | null {
  if (accountProvider === 'demo') return 'deepseek';
  return (PASTED_PROVIDER_IDS as readonly string[]).includes(accountProvider)
    ? (accountProvider as PastedProviderId)
    : null;
}
