/**
 * Walkthrough mode for presenters (mounted once under the top bar): the offer to start,
 * then the caption bar, the focus highlight and the presenter keys. Loading another
 * scenario ends the walkthrough.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useHotkeys } from '../app/useHotkeys'
import { useSim } from '../store/simStore'
import { CaptionBar } from './CaptionBar'
import { resumeIndex, walkthrough } from './controller'
import { FocusHighlight } from './FocusHighlight'
import { narratedSteps } from './narratedSteps'
import { useWalkthroughKeys } from './useWalkthroughKeys'
import { useWalkthrough } from './walkthroughStore'
import { WalkthroughList } from './WalkthroughList'
import { WalkthroughOffer } from './WalkthroughOffer'

export function Walkthrough() {
  const structure = useSim((s) => s.structure)
  const steps = narratedSteps(structure)
  const active = useWalkthrough((s) => s.active)
  const index = useWalkthrough((s) => s.index)
  const busy = useWalkthrough((s) => s.busy)
  const error = useWalkthrough((s) => s.error)
  const ownLoad = useWalkthrough((s) => s.loadId)
  const loadId = structure?.loadId ?? -1
  const listOpen = useWalkthrough((s) => s.listOpen)
  useWalkthrough((s) => s.resume) // the offer says Resume once there is a saved position
  const keys = useMemo(() => ({ w: () => void walkthrough.key() }), [])
  const closeList = useCallback(() => useWalkthrough.getState().set({ listOpen: false }), [])
  useHotkeys(active ? {} : keys)
  useWalkthroughKeys(active)

  // another scenario was loaded (Scenarios dialog, drill API): the walkthrough ends
  useEffect(() => {
    if (active && !busy && loadId !== ownLoad) walkthrough.exit(false)
  }, [active, busy, loadId, ownLoad])

  // room for the fixed caption bar at the bottom of the page: exactly its height, kept up to date
  const [el, setEl] = useState<HTMLElement | null>(null)
  useEffect(() => {
    if (!active || !el) return
    const fit = () => {
      document.body.style.paddingBottom = `${el.offsetHeight + 16}px`
    }
    fit()
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => {
      ro.disconnect()
      document.body.style.paddingBottom = ''
    }
  }, [active, el])

  const list = listOpen && <WalkthroughList onClose={closeList} />
  if (!structure || steps.length === 0) return list || null
  if (!active)
    return (
      <>
        <WalkthroughOffer title={structure.title} count={steps.length} busy={busy} resumeAt={resumeIndex()} />
        {list}
      </>
    )
  const step = steps[Math.min(index, steps.length - 1)]
  return (
    <>
      <CaptionBar onElement={setEl} title={structure.title} steps={steps} index={Math.min(index, steps.length - 1)} busy={busy} error={error} />
      {step.focus && !busy && <FocusHighlight focus={step.focus} stepKey={`${ownLoad}:${index}`} />}
      {list}
    </>
  )
}
