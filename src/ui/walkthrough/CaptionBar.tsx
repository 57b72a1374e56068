/** The walkthrough caption: the step's narration in large type, step n of N, Back / Next / Exit. */
import { formatSimTime } from '../format'
import type { NarratedStep } from './narratedSteps'
import { walkthrough } from './controller'

export function CaptionBar(props: { onElement?: (el: HTMLElement | null) => void; title: string; steps: NarratedStep[]; index: number; busy: boolean; error: string | null }) {
  const { steps, index, busy, title, error, onElement } = props
  const step = steps[index]
  const last = index === steps.length - 1
  return (
    <section
      ref={onElement}
      aria-label="Walkthrough"
      data-testid="walkthrough-caption"
      data-step={index + 1}
      data-busy={busy}
      className="fixed inset-x-0 bottom-0 z-40 border-t-4 border-amber-400 bg-[#1b2027]/95 px-6 py-4 text-white shadow-2xl"
    >
      <div className="mx-auto flex max-w-6xl items-start gap-6">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <p className="text-xs uppercase tracking-wide text-amber-300">
            <span data-testid="walkthrough-progress">
              Step {index + 1} of {steps.length}
            </span>
            <span className="mx-2" aria-hidden="true">·</span>
            <span data-testid="walkthrough-time">{formatSimTime(step.at)}</span>
            <span className="mx-2" aria-hidden="true">·</span>
            <span className="normal-case tracking-normal text-slate-300">{title}</span>
          </p>
          <p className="text-xl leading-snug" aria-live="polite" data-testid="walkthrough-text">
            {step.say}
          </p>
          {error && (
            <p role="alert" className="text-sm text-red-300" data-testid="walkthrough-error">
              {error}
            </p>
          )}
          <p className="text-xs text-slate-300">Space or → next · ← back · Esc leaves (w comes back to this step)</p>
        </div>
        <div className="flex shrink-0 items-center gap-2 pt-5" data-walkthrough-controls="">
          <button type="button" className="rounded border border-slate-400 px-4 py-2 text-sm font-semibold hover:bg-slate-700 disabled:opacity-40" disabled={index === 0 || busy} onClick={() => void walkthrough.back()}>
            Back
          </button>
          {last ? (
            <button type="button" className="rounded bg-amber-400 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-amber-300" onClick={() => walkthrough.exit(false)}>
              Finish
            </button>
          ) : (
            <button type="button" className="rounded bg-amber-400 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-amber-300 disabled:opacity-60" disabled={busy} onClick={() => void walkthrough.next()}>
              Next
            </button>
          )}
          <button type="button" className="rounded px-3 py-2 text-sm text-slate-300 hover:bg-slate-700 hover:text-white" onClick={() => walkthrough.exit()} aria-label="Exit walkthrough">
            Exit
          </button>
        </div>
      </div>
    </section>
  )
}
