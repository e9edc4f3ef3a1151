/**
 * The dashboard list's words for a screen reader when an account changes level ("Work:
 * Low"): the badge in its row is redrawn, the row may move, and neither is announced. The
 * list shows these words in a status region that is on the page from its first render.
 */
import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { AccountStatus } from '../../../shared/model';

/** Levels of the accounts that have been checked (a level before the first check is a placeholder). */
const levelsOf = (accounts: readonly AccountStatus[]): Record<string, string> =>
  Object.fromEntries(accounts.filter((a) => a.checkedAt).map((a) => [a.account.id, a.level]));

/** The latest change of level, said in words ('' until one happens; a first check is not news). */
export function useLevelNews(accounts: readonly AccountStatus[], t: TFunction): string {
  const key = accounts.map((a) => `${a.account.id}=${a.checkedAt ? a.level : ''}`).join(',');
  const [seen, setSeen] = useState(() => ({ key, levels: levelsOf(accounts), said: '' }));
  if (seen.key !== key) {
    // React's "adjust state when a prop changes": compared while rendering, not in an effect.
    const changed = accounts.filter((a) => {
      const before = seen.levels[a.account.id];
      return before !== undefined && before !== a.level;
    });
    const said = changed
      .map((a) => t('dashboard.cardLabel', { label: a.account.label, level: t(`level.${a.level}`) }))
      .join('. ');
    setSeen({ key, levels: levelsOf(accounts), said: said || seen.said });
  }
  return seen.said;
}
