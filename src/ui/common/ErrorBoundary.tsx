/**
 * A crash inside a page or dialog shows a panel with the error and a way back, never a blank
 * app (issue 21). `resetKey` changing (e.g. another page) clears it.
 */
import { Component, type ReactNode } from 'react'

interface Props {
  /** what failed, e.g. "The Runs page" */
  what: string
  children: ReactNode
  /** the way back: a label and what it does */
  back: { label: string; onClick: () => void }
  resetKey?: string
}

export class ErrorBoundary extends Component<Props, { error: Error | null; key?: string }> {
  override state: { error: Error | null; key?: string } = { error: null, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'an unknown error') }
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key?: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null
  }

  override componentDidCatch(error: unknown): void {
    console.error(`${this.props.what} failed`, error)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    const msg = error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message
    return (
      <div role="alert" data-testid="error-panel" className="m-3 rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900">
        <p className="font-semibold">{this.props.what} failed and could not be shown.</p>
        <p className="mt-1 font-mono text-xs break-words">{msg || error.name}</p>
        <p className="mt-2 text-[13px]">The simulation itself is not affected.</p>
        <div className="mt-3 flex gap-2">
          <button type="button" className="btn-primary" onClick={this.props.back.onClick}>
            {this.props.back.label}
          </button>
          <button type="button" className="btn-secondary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    )
  }
}
