/**
 * Where a provider's endpoint lives under the account's base URL. Users paste the base URL
 * their SDK uses (`…/v1`, `https://openrouter.ai/api/v1`, `https://api.novita.ai/v3/openai`);
 * each provider names the suffixes that are its API prefix, so the balance path is reached
 * either way. The url policy (https only, loopback http, no credentials) runs first.
 */
import type { ProviderError } from '../../../shared/model';
import { err, ok, type Result } from '../../../shared/result';
import { normalizeBaseUrl } from '../url-policy';
import { providerError } from './http-errors';

/** The endpoint URL, or a config error (the key is never sent to a refused base URL). */
export function providerEndpoint(
  baseUrl: string,
  path: string,
  at: number,
  stripSuffixes: readonly string[] = [],
): Result<string, ProviderError> {
  const base = normalizeBaseUrl(baseUrl);
  if (!base.ok) return err(providerError('config', base.error.message, at));
  let root = base.value;
  for (const suffix of stripSuffixes) {
    if (root.toLowerCase().endsWith(suffix.toLowerCase())) {
      root = root.slice(0, root.length - suffix.length);
      break;
    }
  }
  return ok(`${root}${path.startsWith('/') ? path : '/' + path}`);
}

/** True when the host is `domain` or one of its subdomains (region detection by host). */
export function hostIn(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return h === domain || h.endsWith('.' + domain);
}
