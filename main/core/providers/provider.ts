/**
 * What every balance provider implements, so OpenRouter, Moonshot and friends plug in
 * later without touching the poller, tray or UI.
 */
import type { CustomEndpoint } from '../../../shared/custom-endpoint';
import type { ProviderId, Snapshot } from '../../../shared/model';
import { PROVIDERS, type ProviderInfo } from '../../../shared/providers';
import { ok } from '../../../shared/result';
import type { ProviderResult } from '../ports';

export interface ProviderRequest {
  key: string;
  /** The account's base URL; the provider refuses to send the key anywhere unsafe. */
  baseUrl: string;
  /** The user's description of the endpoint: only accounts of the `custom` provider have one. */
  custom?: CustomEndpoint;
  /** Lets the caller cancel (app quit, account removed); the provider adds its own timeout. */
  signal?: AbortSignal;
}

export interface Provider {
  readonly id: ProviderId;
  readonly info: ProviderInfo;
  /** A warning when a key does not look like this provider's (the server still decides). */
  checkKeyShape(key: string): string | null;
  /** One balance reading; every failure is a typed value, never a throw. */
  fetchBalance(req: ProviderRequest): Promise<ProviderResult<Snapshot>>;
  /** Confirms the key works without spending tokens. */
  verifyKey(req: ProviderRequest): Promise<ProviderResult<void>>;
}

/**
 * A provider whose key check is one balance read: the cheapest call that proves the key works
 * spends nothing, so verifying and polling are the same request.
 */
export function verifiedByReading(
  id: ProviderId,
  checkKeyShape: (key: string) => string | null,
  fetchBalance: (req: ProviderRequest) => Promise<ProviderResult<Snapshot>>,
): Provider {
  return {
    id,
    info: PROVIDERS[id],
    checkKeyShape,
    fetchBalance,
    async verifyKey(req) {
      const r = await fetchBalance(req);
      return r.ok ? ok(undefined) : r;
    },
  };
}
