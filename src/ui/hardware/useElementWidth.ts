/**
 * The content width of an element, kept current with a ResizeObserver. Measured in a
 * layout effect, so the first paint already has the right width (0 until measured).
 */
import { useLayoutEffect, useState } from 'react'

export function useElementWidth(el: HTMLElement | null): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    if (!el) return
    setWidth(el.clientWidth)
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? el.clientWidth)
      setWidth((prev) => (prev === w ? prev : w))
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [el])
  return width
}
