/** Overview / Diagram / Table style view switcher (a tablist of real buttons). */
export function ViewTabs(props: { label: string; views: Array<{ id: string; name: string }>; current: string; onSelect: (id: string) => void }) {
  return (
    <div role="tablist" aria-label={props.label} className="flex gap-1 border-b border-slate-300">
      {props.views.map((v) => (
        <button key={v.id} type="button" role="tab" aria-selected={v.id === props.current} className="tab" onClick={() => props.onSelect(v.id)}>
          {v.name}
        </button>
      ))}
    </div>
  )
}
