import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from './ErrorFallback';

interface State {
  error: unknown;
}

/** Last line of defence around the whole app (outside the router's own error handling). */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Unhandled error in the UI', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div style={{ padding: 'var(--mantine-spacing-xl)' }}>
          <ErrorFallback error={this.state.error} />
        </div>
      );
    }
    return this.props.children;
  }
}
