/**
 * The designed empty / loading / error panel. It reserves the same height as the content
 * it stands in for, so nothing jumps when data arrives.
 */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

interface Props {
  kind: 'empty' | 'loading' | 'error';
  title: string;
  hint?: string;
  icon?: IconName;
  minHeight?: number;
  children?: ReactNode;
}

/** Announced politely to screen readers (role=status), errors assertively (role=alert). */
export function StateBlock({ kind, title, hint, icon, minHeight, children }: Props) {
  return (
    <div
      className={`state-block state-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      style={minHeight ? { minHeight } : undefined}
    >
      {kind === 'loading' ? <span className="spinner" aria-hidden="true" /> : <Icon name={icon ?? (kind === 'error' ? 'error' : 'chart')} size={28} />}
      <p className="state-title">{title}</p>
      {hint ? <p className="state-hint">{hint}</p> : null}
      {children}
    </div>
  );
}
