/**
 * Keeps one broken part of the window from blanking all of it. React unmounts the whole tree
 * when a render throws and nothing catches it; an account card fed something unexpected (a
 * currency Intl rejects, a field a newer core added) must cost that card, not the dashboard.
 * `resetKey` lets the next state push try again: a fixed reading renders normally.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead; gets the error message for the "details" line. */
  fallback: (message: string) => ReactNode;
  /** When this changes (a new AppState), the boundary tries to render its children again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

/** A plain error boundary (React still has no hook for this). */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.key) return { key: props.resetKey, error: null };
    return null;
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error.message) : this.props.children;
  }
}
