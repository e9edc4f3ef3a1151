/**
 * The one table the window may open pages from: the balance providers' links
 * (`shared/providers.ts`) plus the pages of providers whose errors the diagnosis explains
 * but whose balances we do not read (`shared/diagnosis/error-providers.ts`). It lives here,
 * not in `providers.ts`, because the diagnosis already imports `providers.ts`: combining the
 * two sets there would make a cycle.
 */
import {
  PASTED_PROVIDER_IDS,
  pastedProviderLink,
  EXTRA_LINK_ORIGINS,
} from './diagnosis/error-providers';
import { PROVIDER_IDS, type ProviderId } from './model';
import { EXTERNAL_ORIGINS, PROVIDERS, type LinkKind } from './providers';

/** A provider the window can name when it asks main to open one of its pages. */
export type LinkProviderId = ProviderId | (typeof PASTED_PROVIDER_IDS)[number];
/** Every id `external:open` accepts: watched providers and error-only ones, each once. */
export const LINK_PROVIDER_IDS = [
  ...new Set<LinkProviderId>([...PROVIDER_IDS, ...PASTED_PROVIDER_IDS]),
] as unknown as readonly [LinkProviderId, ...LinkProviderId[]];

const isWatched = (id: string): id is ProviderId =>
  (PROVIDER_IDS as readonly string[]).includes(id);

/**
 * The page of this kind for this provider, or null when it has none. Main resolves every
 * `external:open` through this, so the renderer names a link and never supplies a URL.
 */
export function providerLink(provider: string, link: LinkKind): string | null {
  if (isWatched(provider)) return PROVIDERS[provider].links[link] ?? null;
  if ((PASTED_PROVIDER_IDS as readonly string[]).includes(provider))
    return pastedProviderLink(provider as (typeof PASTED_PROVIDER_IDS)[number], link);
  return null;
}

/** Every origin a provider page may live on; `openExternal` refuses any other. */
export const LINK_ORIGINS: ReadonlySet<string> = new Set([
  ...EXTERNAL_ORIGINS,
  ...EXTRA_LINK_ORIGINS,
]);

/** Whether main would open a page of this kind for this provider: the window hides the button otherwise. */
export function canOpenLink(provider: string, link: LinkKind): provider is LinkProviderId {
  return providerLink(provider, link) !== null;
}
