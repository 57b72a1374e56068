/** Failures and restorations from the event log, as chart annotations. */
import { useMemo } from 'react'
import type { Annotation } from '../common/TimeSeriesChart'
import { useSim } from '../store/simStore'

export function useFaultAnnotations(): Annotation[] {
  const events = useSim((s) => s.events)
  return useMemo(
    () =>
      events
        .filter((e) => e.type === 'FaultInjected' || e.type === 'FaultRestored')
        .map((e) => ({ time: e.time, label: e.message, color: e.type === 'FaultInjected' ? '#dc2626' : '#16a34a' })),
    [events],
  )
}
