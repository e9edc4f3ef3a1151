/**
 * The custom provider: one GET the user described, on the account's own origin, with the key
 * where they said it goes. The shared transport and url policy apply as for every provider
 * (https only, loopback http, no redirects, capped body, typed errors); the path may never
 * leave the origin, so a mapping cannot send the key anywhere the base URL does not name.
 */
import type { CustomEndpoint } from '../../../../shared/custom-endpoint';
import type { ProviderError } from '../../../../shared/model';
import { PROVIDERS } from '../../../../shared/providers';
import { err, ok, type Result } from '../../../../shared/result';
import type { KeyHeader } from '../http-call';
import { providerError } from '../http-errors';
import { type ProviderDeps, getJson, jsonGetDeps } from '../json-get';
import { keyShapeWarning } from '../key-shape';
import { verifiedByReading, type Provider, type ProviderRequest } from '../provider';
import { providerEndpoint } from '../provider-url';
import { parseCustomAnswer } from './parse';

/** The header and prefix the mapping asks for. */
export function keyHeaderOf(mapping: CustomEndpoint): KeyHeader {
  if (mapping.keyPlacement === 'header')
    return { name: mapping.keyHeader ?? 'X-Api-Key', prefix: '' };
  return { name: 'Authorization', prefix: mapping.keyPlacement === 'bearer' ? 'Bearer ' : '' };
}

/** The endpoint URL on the account's origin, refused when the path would leave it. */
export function customUrl(
  baseUrl: string,
  mapping: CustomEndpoint,
  at: number,
): Result<string, ProviderError> {
  const base = providerEndpoint(baseUrl, '/', at);
  if (!base.ok) return base;
  const origin = new URL(base.value).origin;
  let url: URL;
  try {
    url = new URL(mapping.path, origin);
  } catch {
    return err(
      providerError(
        'config',
        `The endpoint path "${mapping.path.slice(0, 80)}" is not a usable URL path.`,
        at,
      ),
    );
  }
  if (url.origin !== origin || !mapping.path.startsWith('/') || mapping.path.startsWith('//'))
    return err(
      providerError(
        'config',
        `The endpoint path must stay on ${origin}; the key is sent nowhere else.`,
        at,
      ),
    );
  return ok(url.href);
}

/** Builds the custom provider over an injected Http. */
export function createCustomProvider(deps: ProviderDeps): Provider {
  const d = jsonGetDeps(deps);
  const info = PROVIDERS.custom;
  const balance = async (req: ProviderRequest) => {
    const mapping = req.custom;
    if (!mapping)
      return err(
        providerError(
          'config',
          'This custom account has no endpoint description: give its URL and mapping in Settings, "Where the key is sent" (or creditray accounts set-endpoint).',
          d.now(),
        ),
      );
    const url = customUrl(req.baseUrl, mapping, d.now());
    // Errors name the service by its host: "Custom endpoint said …" would tell the user nothing.
    const name = url.ok ? new URL(url.value).host : info.displayName;
    const got = await getJson(d, { ...req, keyHeader: keyHeaderOf(mapping) }, url, name);
    return got.ok ? parseCustomAnswer(got.value.json, mapping, got.value.ctx) : got;
  };
  // A custom service's keys can look like anything: only empty and padded keys are flagged.
  return verifiedByReading(
    'custom',
    (k) => keyShapeWarning(k, info.displayName, null, null),
    balance,
  );
}
