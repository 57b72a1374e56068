/** Highlights the entity the current step talks about, on whatever page shows it, and scrolls it into view. */
import { useEffect } from 'react'
import { focusCss, focusSelector } from './focusView'

export function FocusHighlight(props: { focus: string; stepKey: string }) {
  const selector = focusSelector(props.focus)
  useEffect(() => {
    // the page may still be rendering after navigation: look for the element for a moment
    let tries = 0
    const timer = window.setInterval(() => {
      const el = document.querySelector(selector)
      if (el || ++tries > 20) window.clearInterval(timer)
      if (!el) return
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      // never under the caption bar: scroll it up above the caption's top edge
      const caption = document.querySelector('[data-testid="walkthrough-caption"]')
      const below = caption ? el.getBoundingClientRect().bottom - caption.getBoundingClientRect().top + 8 : 0
      if (below > 0) window.scrollBy(0, below)
    }, 50)
    return () => window.clearInterval(timer)
  }, [selector, props.stepKey])
  return <style data-testid="walkthrough-focus-style" data-focus={props.focus}>{focusCss(props.focus)}</style>
}
