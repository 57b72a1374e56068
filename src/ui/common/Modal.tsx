import { useEffect, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { ErrorBoundary } from './ErrorBoundary'

/**
 * An accessible dialog: focus moves in, Escape closes, focus returns on close. Rendered in
 * document.body with its own colours, so it never inherits the dark top bar's light text.
 */
export function Modal(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const { onClose } = props
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null
    ref.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        onClose()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      prev?.focus?.()
    }
  }, [onClose])
  return createPortal(
    <div className="fixed inset-0 z-40 flex items-start justify-center bg-slate-900/40 pt-16" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        tabIndex={-1}
        data-testid={props.testId}
        className={`max-h-[80vh] overflow-auto rounded bg-white text-slate-800 shadow-xl outline-none ${props.wide ? 'w-[min(1000px,95vw)]' : 'w-[min(560px,95vw)]'}`}
      >
        <header className="sticky top-0 flex items-center justify-between border-b border-slate-200 bg-slate-50 px-4 py-2">
          <h2 className="text-sm font-semibold text-slate-800">{props.title}</h2>
          <button type="button" aria-label="Close" onClick={props.onClose} className="rounded px-2 text-lg leading-none text-slate-600 hover:bg-slate-200">
            ×
          </button>
        </header>
        <div className="p-4">
          <ErrorBoundary what={`The dialog “${props.title}”`} back={{ label: 'Close the dialog', onClick: props.onClose }}>
            {props.children}
          </ErrorBoundary>
        </div>
      </div>
    </div>,
    document.body,
  )
}
