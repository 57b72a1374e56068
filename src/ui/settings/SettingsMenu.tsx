/** Prism's settings list on the left: each entry brings its pane into view. */
export const SETTINGS_SECTIONS = [
  { id: 'threshold', name: 'Storage Summary threshold' },
  { id: 'fault-tolerance', name: 'Cluster Fault Tolerance' },
  { id: 'racks', name: 'Rack Configuration' },
  { id: 'ha', name: 'Manage VM High Availability' },
  { id: 'upgrade', name: 'Upgrade Software' },
  { id: 'scenario', name: 'Scenario' },
] as const

export function SettingsMenu() {
  const go = (id: string) => {
    const el = document.getElementById(`settings-${id}`)
    if (!el) return
    el.scrollIntoView({ block: 'start' })
    el.focus({ preventScroll: true })
  }
  return (
    <nav aria-label="Settings" className="rounded border border-slate-200 bg-white py-2 shadow-sm lg:sticky lg:top-3">
      <h2 className="px-3 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">Settings</h2>
      <ul>
        {SETTINGS_SECTIONS.map((s) => (
          <li key={s.id}>
            <button type="button" className="w-full px-3 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900" onClick={() => go(s.id)}>
              {s.name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
