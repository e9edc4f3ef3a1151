/**
 * Tiny `{{name}}` interpolation for text built outside React (tray, notifications, CLI),
 * using the same placeholder syntax as i18next so one message table serves both sides.
 */
import type { Lang } from './language';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Replaces `{{name}}` with `vars.name`. A placeholder without a value is a bug in the caller,
 * so it throws rather than showing "{{name}}" to a user.
 */
export function interpolate(template: string, vars: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    if (!Object.hasOwn(vars, name)) throw new Error(`missing interpolation value: ${name}`);
    return String(vars[name]);
  });
}

/**
 * The lookup function of one message table (`const trayText = translator(trayMessages)`), so
 * every namespace looks up and interpolates the same way.
 */
export function translator<K extends string>(messages: Record<Lang, Record<K, string>>) {
  return (lang: Lang, key: K, vars: Record<string, string | number> = {}): string =>
    interpolate(messages[lang][key], vars);
}
