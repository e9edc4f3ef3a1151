/**
 * An account's level as colour AND icon AND word, so it reads the same for colour-blind
 * users, in grayscale and to a screen reader.
 */
import { useTranslation } from 'react-i18next';
import type { Level } from '../../shared/model';
import { Icon } from './Icon';

/** The pill shown on cards and in lists. */
export function LevelBadge({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <span className={`badge level-${level}`} data-level={level}>
      <Icon name={level} size={14} />
      <span>{t(`level.${level}`)}</span>
    </span>
  );
}
