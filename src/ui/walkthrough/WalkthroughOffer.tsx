/** Offered when the loaded scenario narrates its steps: start the walkthrough (or press w), or resume where the presenter left it. */
import { walkthrough } from './controller'

export function WalkthroughOffer(props: { title: string; count: number; busy: boolean; resumeAt: number | null }) {
  return (
    <div data-testid="walkthrough-offer" className="flex items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-sm text-sky-900">
      <span>
        <strong>{props.title}</strong> has a narrated walkthrough ({props.count} steps).
      </span>
      {props.resumeAt === null ? (
        <button type="button" className="btn-primary ml-auto" disabled={props.busy} onClick={() => void walkthrough.start()} title="Start the walkthrough (w)">
          Start walkthrough
        </button>
      ) : (
        <span className="ml-auto flex gap-2">
          <button type="button" className="btn-primary" disabled={props.busy} onClick={() => void walkthrough.resume()} title="Back to the step you left (w)">
            Resume at step {props.resumeAt + 1}
          </button>
          <button type="button" className="btn" disabled={props.busy} onClick={() => void walkthrough.start()}>
            Restart
          </button>
        </span>
      )}
    </div>
  )
}
