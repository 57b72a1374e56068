import type { ReactNode } from 'react'

/** A Prism dashboard card: title bar, optional actions, body. */
export function Widget(props: { title: string; actions?: ReactNode; children: ReactNode; testId?: string; className?: string }) {
  const headingId = `w-${props.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`
  return (
    <section
      aria-labelledby={headingId}
      data-testid={props.testId}
      className={`flex min-w-0 flex-col rounded border border-slate-200 bg-white shadow-sm ${props.className ?? ''}`}
    >
      <header className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <h2 id={headingId} className="text-[13px] font-semibold uppercase tracking-wide text-slate-600">
          {props.title}
        </h2>
        {props.actions}
      </header>
      <div className="flex-1 p-3">{props.children}</div>
    </section>
  )
}
