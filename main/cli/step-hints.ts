/**
 * What a terminal user needs to act on a diagnosis step: the page to open (a terminal cannot
 * click a button) and, for an action the window does with a button, the CLI command that does
 * the same thing (issue 13). Actions with no CLI equivalent say so instead of naming a button.
 */
import type { Lang } from '../../shared/i18n/language';
import type { Step } from '../../shared/diagnosis';
import type { ProviderId } from '../../shared/model';
import { PROVIDERS } from '../../shared/providers';

/** How a command line names the diagnosed account: `--account "Work"`, `--demo`, or none (ad hoc). */
export type AccountArgs = string | null;

/** `"Work"` for a shell: double quotes, with the characters a shell expands inside them escaped. */
export function shellQuote(text: string): string {
  return `"${text.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** The flags that select a configured account by label, or the demo; null for an ad-hoc key. */
export function accountArgs(label: string, kind: 'configured' | 'demo' | 'ad-hoc'): AccountArgs {
  if (kind === 'demo') return '--demo';
  return kind === 'configured' ? `--account ${shellQuote(label)}` : null;
}

/** The page a step opens: the resolved URL, else the account's provider's own page of that kind. */
export function stepUrl(st: Step, provider: ProviderId): string | null {
  if (st.action.kind !== 'open-link') return null;
  if (st.action.url) return st.action.url;
  // A step about the pasted error's provider without a known page has no link of ours to offer.
  if (st.action.provider) return null;
  return PROVIDERS[provider].links[st.action.link] || null;
}

/** The CLI command doing what the window's button does; null when there is none. */
export function stepCommand(st: Step, args: AccountArgs): string | null {
  if (args === null) return null;
  switch (st.action.kind) {
    case 'replace-key':
      return args === '--demo' ? null : `creditray accounts set-key ${args}`;
    case 'recheck':
      return `creditray diagnose ${args}`;
    case 'mark-paid':
      return `creditray diagnose ${args} --paid-at <when you paid, ISO 8601>`;
    default:
      return null;
  }
}

/** A short note for an in-app action the CLI cannot do, in the user's language. */
export function appOnlyNote(st: Step, lang: Lang): string | null {
  if (st.action.kind !== 'switch-headline') return null;
  return lang === 'zh-CN'
    ? '（仅在应用中：账户设置里的“主显示币种”）'
    : '(in the app only: the account’s settings, “Headline currency”)';
}
