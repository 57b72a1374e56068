/** Props that make an SVG group a real button: focusable, named, Enter/Space activate. */
import type { KeyboardEvent, MouseEvent } from 'react'

export function svgButtonProps(label: string, onActivate: (el: SVGGElement) => void) {
  return {
    role: 'button' as const,
    tabIndex: 0,
    'aria-label': label,
    className: 'group cursor-pointer outline-none',
    onClick: (e: MouseEvent<SVGGElement>) => onActivate(e.currentTarget),
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        onActivate(e.currentTarget)
      }
    },
  }
}

/** A focus ring drawn around `box`, visible only on keyboard focus of the enclosing group. */
export const FOCUS_RING_CLASS = 'fill-none stroke-transparent group-focus-visible:stroke-sky-500'
