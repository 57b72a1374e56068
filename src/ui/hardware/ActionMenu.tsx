/**
 * A small popup menu (role="menu"): focus goes to the first item, arrows / Home / End
 * move, Escape or Tab closes and hands focus back, a click outside closes it.
 */
import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react'

export interface MenuItem {
  key: string
  label: string
  danger?: boolean
  onSelect: () => void
}

export function ActionMenu(props: {
  label: string
  items: MenuItem[]
  onClose: () => void
  /** where focus returns on Escape */
  returnFocus?: HTMLElement | SVGElement | null
  style?: CSSProperties
  testId?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const { onClose, returnFocus } = props

  useEffect(() => {
    // an empty menu ("No actions apply now") takes focus itself, so Escape still closes it
    const first = ref.current?.querySelector<HTMLElement>('[role="menuitem"]')
    if (first) first.focus()
    else ref.current?.focus()
  }, [])

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose()
    }
    window.addEventListener('mousedown', onDown)
    return () => window.removeEventListener('mousedown', onDown)
  }, [onClose])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const i = items.indexOf(document.activeElement as HTMLElement)
    const focus = (j: number) => items[(j + items.length) % items.length]?.focus()
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        focus(i + 1)
        break
      case 'ArrowUp':
        e.preventDefault()
        focus(i - 1)
        break
      case 'Home':
        e.preventDefault()
        focus(0)
        break
      case 'End':
        e.preventDefault()
        focus(items.length - 1)
        break
      case 'Escape':
        e.preventDefault()
        e.stopPropagation()
        onClose()
        returnFocus?.focus()
        break
      case 'Tab':
        onClose()
        break
      default:
        // keep page hotkeys (o/d/t…) from firing while the menu has focus
        if (e.key.length === 1) e.stopPropagation()
    }
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      style={props.style}
      className="absolute z-30 min-w-44 rounded border border-slate-300 bg-white py-1 text-sm shadow-lg"
    >
      <div aria-hidden="true" className="border-b border-slate-100 px-3 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        {props.label}
      </div>
      <ul role="menu" aria-label={props.label} data-testid={props.testId}>
        {props.items.length === 0 && (
          <li role="none" className="px-3 py-1.5 text-slate-500" data-testid="action-menu-empty">
            No actions apply now
          </li>
        )}
        {props.items.map((item) => (
          <li key={item.key} role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                props.onClose()
                item.onSelect()
              }}
              className={`block w-full px-3 py-1.5 text-left outline-none hover:bg-slate-100 focus:bg-sky-50 ${item.danger ? 'text-red-700' : 'text-slate-800'}`}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
