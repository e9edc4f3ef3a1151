/**
 * Shortens quoted error text for an evidence line without cutting a word in half: a line
 * that ends "is inva." reads like a different message (issue 13), one that ends "is…" does not.
 */

/** Text of at most `max` characters, cut at the last space before the limit and ended with "…". */
export function clipWords(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  // The last word is whole when the character after the kept part is a space.
  const space = /\s/.test(chars[max - 1] ?? '') ? head.length : head.search(/\s\S*$/);
  // One word longer than the whole budget (a URL, a token): cut it, but still mark the cut.
  const kept = space > 0 ? head.slice(0, space) : head;
  return `${kept.replace(/[\s,;:.。，；：]+$/, '')}…`;
}
