import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** A view that throws shows a message and a way back, never a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The message is on screen; nothing to send anywhere (no telemetry, no keys in logs).
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <div role="alert" className="view-error">
          <h1>This view could not be shown</h1>
          <p>{this.state.error.message}</p>
          <p>
            <a href="/">Back to the tokens</a>
          </p>
        </div>
      );
    }
    return this.props.children;
  }
}
