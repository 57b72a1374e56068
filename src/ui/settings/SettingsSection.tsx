/** One settings pane: a titled white card with an anchor id for the settings menu. */
import type { ReactNode } from 'react'

export function SettingsSection(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={`settings-${props.id}`} aria-labelledby={`settings-${props.id}-title`} tabIndex={-1} className="scroll-mt-3 rounded border border-slate-200 bg-white shadow-sm outline-none" data-testid={`settings-${props.id}`}>
      <h2 id={`settings-${props.id}-title`} className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-800">
        {props.title}
      </h2>
      <div className="flex flex-col gap-3 p-4 text-sm text-slate-700">{props.children}</div>
    </section>
  )
}
