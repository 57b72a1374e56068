/** A replay cursor that sweeps 0 → 120 s of an incident's timeline in a few seconds (display only). */
import { useEffect, useRef, useState } from 'react'

export const REPLAY_SECONDS = 120
const WALL_MS = 6000

export function useReplay(): { cursor: number | null; start: () => void; stop: () => void } {
  const [cursor, setCursor] = useState<number | null>(null)
  const raf = useRef(0)
  const stop = () => {
    cancelAnimationFrame(raf.current)
    setCursor(null)
  }
  const start = () => {
    cancelAnimationFrame(raf.current)
    const t0 = performance.now()
    const tick = (now: number) => {
      const x = Math.min(REPLAY_SECONDS, ((now - t0) / WALL_MS) * REPLAY_SECONDS)
      setCursor(x)
      if (x < REPLAY_SECONDS) raf.current = requestAnimationFrame(tick)
    }
    raf.current = requestAnimationFrame(tick)
  }
  useEffect(() => () => cancelAnimationFrame(raf.current), [])
  return { cursor, start, stop }
}
