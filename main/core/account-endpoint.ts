/**
 * Where a new account's key will be sent: the provider's default or the base URL the user
 * gave, normalised and checked by the url policy; for a custom endpoint, the full URL split
 * into that origin and the described GET. Nothing is sent until this has said yes.
 */
import {
  endpointFromUrl,
  type CustomEndpoint,
  type CustomMapping,
} from '../../shared/custom-endpoint';
import type { ProviderId } from '../../shared/model';
import { PROVIDERS } from '../../shared/providers';
import { err, ok, type AppError, type Result } from '../../shared/result';
import { normalizeBaseUrl } from './url-policy';

export interface AccountEndpoint {
  baseUrl: string;
  custom?: CustomEndpoint;
}

/** The endpoint for an add request, or a config error saying what is missing or refused. */
export function resolveEndpoint(req: {
  provider: ProviderId;
  baseUrl?: string;
  custom?: CustomMapping;
}): Result<AccountEndpoint, AppError> {
  const given = req.baseUrl?.trim() ?? '';
  if (req.provider !== 'custom') {
    if (req.custom)
      return err({
        code: 'config',
        message: 'An endpoint mapping only applies to a custom endpoint.',
      });
    const base = normalizeBaseUrl(given || PROVIDERS[req.provider].defaultBaseUrl);
    return base.ok ? ok({ baseUrl: base.value }) : base;
  }
  if (given === '')
    return err({
      code: 'bad-base-url',
      message:
        'A custom endpoint needs the full URL of its balance GET (e.g. https://gw.example.com/api/balance).',
    });
  if (!req.custom)
    return err({
      code: 'config',
      message:
        'A custom endpoint needs its mapping: where the balance and currency are in the answer.',
    });
  const split = endpointFromUrl(given, req.custom);
  if (!split.ok) return err({ code: 'bad-base-url', message: `The endpoint URL: ${split.error}.` });
  const origin = normalizeBaseUrl(split.origin);
  if (!origin.ok) return origin;
  return ok({ baseUrl: origin.value, custom: split.custom });
}
