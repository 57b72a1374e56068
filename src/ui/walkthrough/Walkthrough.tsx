/**
 * Walkthrough mode for presenters (mounted once under the top bar): the offer to start,
 * then the caption bar, the focus highlight and the presenter keys. Loading another
 * scenario ends the walkthrough.
 */
import { useEffect, useMemo } from 'react'
import { useHotkeys } from '../app/useHotkeys'
import { useSim } from '../store/simStore'
import { CaptionBar } from './CaptionBar'
import { walkthrough } from './controller'
import { FocusHighlight } from './FocusHighlight'
import { narratedSteps } from './narratedSteps'
import { useWalkthroughKeys } from './useWalkthroughKeys'
import { useWalkthrough } from './walkthroughStore'
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
  const keys = useMemo(() => ({ w: () => void walkthrough.start() }), [])
  useHotkeys(active || steps.length === 0 ? {} : keys)
  useWalkthroughKeys(active)

  // another scenario was loaded (Scenarios dialog, drill API): the walkthrough ends
  useEffect(() => {
    if (active && !busy && loadId !== ownLoad) walkthrough.exit()
  }, [active, busy, loadId, ownLoad])

  // room for the fixed caption bar at the bottom of the page
  useEffect(() => {
    if (!active) return
    document.body.style.paddingBottom = '10rem'
    return () => {
      document.body.style.paddingBottom = ''
    }
  }, [active])

  if (!structure || steps.length === 0) return null
  if (!active) return <WalkthroughOffer title={structure.title} count={steps.length} busy={busy} />
  const step = steps[Math.min(index, steps.length - 1)]
  return (
    <>
      <CaptionBar title={structure.title} steps={steps} index={Math.min(index, steps.length - 1)} busy={busy} error={error} />
      {step.focus && !busy && <FocusHighlight focus={step.focus} stepKey={`${ownLoad}:${index}`} />}
    </>
  )
}
