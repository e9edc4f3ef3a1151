/**
 * Where an account's key may be sent. The key is a payment credential: it goes only over
 * https to the account's own API origin. Plain http is allowed for loopback alone (the
 * fake servers in tests, a local relay in development).
 */
import { err, ok, type AppError, type Result } from '../../shared/result';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for hosts that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Normalises a base URL a user typed or pasted: trims, drops a trailing slash and a
 * trailing `/v1` (DeepSeek's balance endpoint is not under /v1), and refuses URLs the key
 * must not travel to. Returns the origin plus any path prefix a relay needs.
 */
export function normalizeBaseUrl(input: string): Result<string, AppError> {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err({ code: 'bad-base-url', message: `"${text.slice(0, 80)}" is not a URL (expected e.g. https://api.deepseek.com).` });
  }
  if (url.username || url.password) {
    return err({ code: 'bad-base-url', message: 'The base URL must not contain a user name or password.' });
  }
  if (url.search || url.hash) {
    return err({ code: 'bad-base-url', message: 'The base URL must not contain a query (?…) or fragment (#…).' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err({
      code: 'insecure-base-url',
      message: `"${url.protocol}" is not a web address: the base URL must start with https:// (e.g. https://api.deepseek.com; plain http only for localhost).`,
    });
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return err({
      code: 'insecure-base-url',
      message: `Your key would travel unencrypted to ${url.host}: only https is allowed (plain http only for localhost).`,
    });
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '');
  return ok(`${url.protocol}//${url.host}${path}`);
}

/** Builds an endpoint URL under a normalised base, re-checking the policy right before the key is sent. */
export function endpoint(baseUrl: string, path: string): Result<string, AppError> {
  const base = normalizeBaseUrl(baseUrl);
  if (!base.ok) return base;
  return ok(`${base.value}${path.startsWith('/') ? path : '/' + path}`);
}
