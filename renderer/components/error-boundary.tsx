import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { readonly children: ReactNode };
type State = { readonly failed: boolean };

/** One root boundary: a rendering bug shows a calm message instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Deliberately not logged with its message: it could contain what the user typed.
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="rr-main">
        <h1>Something went wrong on this screen</h1>
        <p>Your saved logs are safe. Close this window and open ReadyRoom again from the tray.</p>
      </div>
    );
  }
}
