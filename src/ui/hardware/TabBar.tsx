/** A row of tabs (role="tablist"): click or Left/Right/Home/End to switch. */
import { useRef, type KeyboardEvent } from 'react'

export interface TabDef<K extends string> {
  key: K
  label: string
  /** shortcut shown as a hint, e.g. "o" */
  hotkey?: string
}

export function tabId(prefix: string, key: string): string {
  return `${prefix}-tab-${key}`
}
export function panelId(prefix: string, key: string): string {
  return `${prefix}-panel-${key}`
}

export function TabBar<K extends string>(props: { label: string; idPrefix: string; tabs: TabDef<K>[]; current: K; onSelect: (key: K) => void }) {
  const ref = useRef<HTMLDivElement>(null)
  const { tabs, current, onSelect } = props
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.key === current)
    let j: number | null = null
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length
    if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length
    if (e.key === 'Home') j = 0
    if (e.key === 'End') j = tabs.length - 1
    if (j === null) return
    e.preventDefault()
    onSelect(tabs[j].key)
    ref.current?.querySelector<HTMLElement>(`#${tabId(props.idPrefix, tabs[j].key)}`)?.focus()
  }
  return (
    <div ref={ref} role="tablist" aria-label={props.label} className="flex items-end gap-1" onKeyDown={onKeyDown}>
      {tabs.map((t) => {
        const selected = t.key === current
        return (
          <button
            key={t.key}
            id={tabId(props.idPrefix, t.key)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId(props.idPrefix, t.key)}
            tabIndex={selected ? 0 : -1}
            title={t.hotkey ? `${t.label} (${t.hotkey})` : undefined}
            className="tab"
            onClick={() => onSelect(t.key)}
          >
            {t.label}
          </button>
        )
      })}
    </div>
  )
}
