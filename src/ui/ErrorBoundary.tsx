import { Component, type ReactNode } from 'react';

interface Props {
  name: string;
  className?: string;
  children: ReactNode;
}

/** A crash in one pane shows a message there; the text lives in the store and is never lost. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    const body = error ? (
      <div role="alert" className="pane-error">
        <strong>{this.props.name} failed to render.</strong> Your text is safe.
        <pre>{error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    ) : (
      this.props.children
    );
    return this.props.className ? <div className={this.props.className}>{body}</div> : body;
  }
}
