/** Presenter keys while a walkthrough runs: Space / → Next, ← Back, Escape exits. Never taken from fields or open dialogs. */
import { useEffect } from 'react'
import { isTyping } from '../app/useHotkeys'
import { walkthrough } from './controller'

export function useWalkthroughKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || isTyping(e)) return
      if (document.querySelector('[role="dialog"]')) return
      const target = e.target as HTMLElement | null
      // a focused caption-bar button handles Space itself (its own click)
      if (e.key === ' ' && target?.closest('[data-walkthrough-controls]')) return
      if (e.key === ' ' || e.key === 'ArrowRight') {
        e.preventDefault()
        void walkthrough.next()
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault()
        void walkthrough.back()
      } else if (e.key === 'Escape') {
        e.preventDefault()
        walkthrough.exit()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active])
}
