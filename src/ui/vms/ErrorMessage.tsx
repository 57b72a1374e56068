/** Prism's inline error message: a red box that names the problem, dismissible. */
export function ErrorMessage(props: { title: string; message: string; onDismiss: () => void }) {
  return (
    <div role="alert" data-testid="error-message" className="flex items-start gap-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      <span aria-hidden="true" className="mt-px flex h-4 w-4 shrink-0 items-center justify-center rounded-full bg-red-600 text-[11px] font-bold text-white">!</span>
      <div className="flex-1">
        <div className="font-semibold">{props.title}</div>
        <div className="break-words">{props.message}</div>
      </div>
      <button type="button" aria-label="Dismiss error" className="rounded px-1 text-red-700 hover:bg-red-100" onClick={props.onDismiss}>
        ×
      </button>
    </div>
  )
}
