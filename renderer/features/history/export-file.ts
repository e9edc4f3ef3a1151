/** Names for files the window saves (pure, so they are unit-tested without a browser). */

/** The formats history is exported in. */
export type Format = 'csv' | 'json';

/** `creditray-<label>-<YYYY-MM-DD>.<ext>`, with the label made safe for any file system. */
export function exportFileName(label: string, at: Date, format: Format): string {
  const safe =
    [...label.normalize('NFKC')]
      .map((c) => (c.charCodeAt(0) < 32 || /[\\/:*?"<>|\s]/.test(c) ? '-' : c))
      .join('')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'account';
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `creditray-${safe}-${date}.${format}`;
}
