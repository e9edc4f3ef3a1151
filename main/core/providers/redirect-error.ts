/** How a redirect is reported: the key is never sent along a 3xx, so the user must fix the base URL. */
import type { ProviderError } from '../../../shared/model';
import type { RawAnswer } from './http-call';
import { providerError } from './http-errors';

/** A redirect is never followed with the key: say where it pointed so the user can fix the base URL. */
export function redirectError(ans: RawAnswer, url: string, at: number): ProviderError {
  const location = ans.headers.get('location');
  let target = 'another address';
  if (location) {
    try {
      target = new URL(location, url).host;
    } catch {
      target = 'an unreadable address';
    }
  }
  const status = ans.status || null;
  return providerError(
    'config',
    `The base URL redirects${status ? ` (${status})` : ''} to ${target}; the key is not sent along redirects. On a hotel, airport or company network this is usually a login page or proxy intercepting the connection: sign in there, then re-check. If the API really moved and you trust the new address, use it as the base URL.`,
    at,
    { status },
  );
}
