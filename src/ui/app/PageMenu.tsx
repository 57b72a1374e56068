/** The view selector: the page list, opened from the top bar or with the `m` key. */
import { useEffect, useRef } from 'react'
import { navigate, PAGES, type PageId } from './routes'

export function PageMenu(props: { current: PageId; onClose: () => void; onWalkthroughs: () => void }) {
  const ref = useRef<HTMLUListElement>(null)
  const { onClose } = props
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('[aria-current="page"]') ?? ref.current?.querySelector<HTMLElement>('a')
    first?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        const items = [...(ref.current?.querySelectorAll<HTMLElement>('a') ?? [])]
        const i = items.indexOf(document.activeElement as HTMLElement)
        const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]
        next?.focus()
      }
    }
    const onClick = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('mousedown', onClick)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('mousedown', onClick)
    }
  }, [onClose])
  const item = (p: (typeof PAGES)[number]) => (
    <li key={p.id} role="none">
      <a
        role="menuitem"
        href={`#/${p.id}`}
        aria-current={p.id === props.current ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault()
          navigate(p.id as PageId)
          onClose()
        }}
        className={`block px-4 py-1.5 text-sm outline-none hover:bg-slate-700 focus:bg-sky-700 ${p.id === props.current ? 'font-semibold text-white' : 'text-slate-200'}`}
      >
        {p.name}
      </a>
    </li>
  )
  return (
    <ul ref={ref} role="menu" aria-label="Pages" className="absolute left-0 top-full z-50 mt-1 w-60 rounded border border-slate-700 bg-slate-800 py-1 text-slate-200 shadow-xl">
      {PAGES.filter((p) => !p.sim).map(item)}
      <li role="separator" className="mt-1 border-t border-slate-600 px-4 pb-0.5 pt-1.5 text-[11px] font-semibold uppercase tracking-wide text-slate-300">
        Simulator
      </li>
      {PAGES.filter((p) => p.sim).map(item)}
      <li role="none">
        <a
          role="menuitem"
          href="#walkthroughs"
          onClick={(e) => {
            e.preventDefault()
            onClose()
            props.onWalkthroughs()
          }}
          className="block px-4 py-1.5 text-sm text-slate-200 outline-none hover:bg-slate-700 focus:bg-sky-700"
        >
          Walkthroughs…
        </a>
      </li>
    </ul>
  )
}
