/**
 * What a pasted key and a wanted label must be before anything else happens: the key trimmed
 * and refused when it cannot be a key (empty, broken lines, non-ASCII, far too long, another
 * vendor's key), a label made unique among the accounts. Pure rules, shared by the window's
 * add and replace flows and the CLI.
 */
import type { AppError, Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ProviderInfo } from '../../shared/providers';

export const MAX_KEY_LENGTH = 512;
const LABEL_MAX = 60;

/** " at <keys page>", or nothing for a custom endpoint, whose pages we do not know. */
export const atKeysPage = (info: ProviderInfo): string =>
  info.links.apiKeys ? ` at ${info.links.apiKeys}` : '';

/** Refuses pasted text that cannot be a key, saying what is wrong with it; returns the trimmed key. */
export function checkKeyInput(raw: string, info: ProviderInfo): Result<string, AppError> {
  const key = raw.trim();
  const bad = (message: string) => err({ code: 'bad-key', message });
  if (key === '')
    return bad(
      `The API key is empty. Copy it from ${info.links.apiKeys ?? 'the page where the service issues keys'} and paste it here.`,
    );
  if (/[\r\n]/.test(key))
    return bad('The key contains a line break. Paste it again as a single line.');
  if (/\s/.test(key))
    return bad('The key contains a space or tab inside it. Copy it again without spaces.');
  if (/[^\x21-\x7e]/.test(key)) {
    return bad(
      'The key contains characters that are not plain ASCII (often curly quotes or an invisible character from a chat app or document). Copy it again from the platform.',
    );
  }
  if (key.length > MAX_KEY_LENGTH) {
    return bad(
      `The key is ${key.length} characters long, more than the ${MAX_KEY_LENGTH} any API key uses. Did you paste more than the key?`,
    );
  }
  const vendor = FOREIGN_KEY_PREFIXES.find(
    ([prefix]) =>
      key.startsWith(prefix) && !info.ownKeyPrefixes?.some((own) => prefix.startsWith(own)),
  );
  if (vendor) {
    return bad(
      `This looks like ${vendor[1]} key (it starts with "${vendor[0]}"), not a ${info.displayName} key. It was not sent anywhere. Create a ${info.displayName} key${atKeysPage(info)}.`,
    );
  }
  return ok(key);
}

/**
 * Prefixes that positively identify another vendor's key. Sending such a key to DeepSeek
 * would hand a stranger's payment credential to a third party, so it is refused before any
 * request; keys of unknown shape still go to the server, which decides (provider-facts.md).
 */
const FOREIGN_KEY_PREFIXES: readonly (readonly [string, string])[] = [
  ['sk-proj-', 'an OpenAI project'],
  ['sk-svcacct-', 'an OpenAI service account'],
  ['sk-admin-', 'an OpenAI admin'],
  ['sk-ant-', 'an Anthropic'],
  ['sk-or-', 'an OpenRouter'],
  ['AIza', 'a Google'],
  ['gsk_', 'a Groq'],
  ['xai-', 'an xAI'],
  ['hf_', 'a Hugging Face'],
  ['ghp_', 'a GitHub'],
  ['github_pat_', 'a GitHub'],
];

/** "DeepSeek", "DeepSeek 2", "DeepSeek 3"...: labels are how users tell accounts apart. */
export function uniqueLabel(wanted: string, taken: readonly string[]): string {
  const base = wanted.trim().slice(0, LABEL_MAX);
  const used = new Set(taken.map((l) => l.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = base.slice(0, LABEL_MAX - suffix.length).trimEnd() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
