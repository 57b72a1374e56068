import { useSim } from '../store/simStore'

/**
 * Transient messages, only for what needs attention (our rule): errors and results the
 * page does not already show. An action whose effect is on screen (a failed disk, a load,
 * a reset) is announced to screen readers only.
 */
export function Toasts() {
  const toasts = useSim((s) => s.toasts)
  const dismiss = useSim((s) => s.dismissToast)
  return (
    <div className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-96 flex-col gap-2" aria-live="polite">
      <div className="sr-only" role="status" data-testid="announcements">
        {toasts.filter((t) => t.kind === 'done').map((t) => (
          <p key={t.id}>{t.text}</p>
        ))}
      </div>
      {toasts.filter((t) => t.kind !== 'done').map((t) => (
        <div key={t.id} role={t.kind === 'error' ? 'alert' : 'status'} className={`pointer-events-auto flex items-start gap-2 rounded border px-3 py-2 text-sm shadow-lg ${t.kind === 'error' ? 'border-red-300 bg-red-50 text-red-800' : 'border-slate-200 bg-white text-slate-800'}`}>
          <span className="flex-1 whitespace-pre-line">{t.text}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => dismiss(t.id)} className="text-slate-500">
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
