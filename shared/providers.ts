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
  links: Record<LinkKind, string>;
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
    keyHint: 'sk-…',
    defaultBaseUrl: 'https://api.deepseek.com',
    links: DEEPSEEK_LINKS,
  },
  demo: {
    id: 'demo',
    displayName: 'DeepSeek (demo)',
    keyHint: '',
    defaultBaseUrl: 'demo://deepseek',
    links: DEEPSEEK_LINKS,
  },
};

/** Every https origin a link may open; `openExternal` refuses anything else. */
export const EXTERNAL_ORIGINS: ReadonlySet<string> = new Set(
  Object.values(PROVIDERS).flatMap((p) => Object.values(p.links).map((u) => new URL(u).origin)),
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
