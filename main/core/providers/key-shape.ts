/** Key-shape hints shared by providers: warn (never refuse) when a key does not look like theirs. */

/** A warning for an empty, padded or odd-looking key; null when it looks right. The server decides. */
export function keyShapeWarning(
  key: string,
  name: string,
  shape: RegExp | null,
  prefix: string | null,
): string | null {
  if (key.trim() === '') return 'The key is empty.';
  if (key !== key.trim())
    return 'The key has spaces or line breaks around it; they were probably copied by accident.';
  if (shape === null || shape.test(key)) return null;
  if (prefix && !key.startsWith(prefix))
    return `${name} keys start with "${prefix}"; this one does not (is it a key from another provider?).`;
  return `This does not look like a usual ${name} key (it may still work).`;
}
