/**
 * Chart annotations from the model's log: failures (red) and restorations (green) from
 * the events, Curator rebuilds (violet, start and end) from the tasks, and data growth
 * changes and one-off writes (blue).
 */
import { useMemo } from 'react'
import type { Annotation } from '../common/TimeSeriesChart'
import { useSim } from '../store/simStore'

export const ANNOTATION_COLORS = { failure: '#dc2626', restore: '#16a34a', rebuild: '#7c3aed', data: '#2563eb' } as const

const EVENT_COLORS: Record<string, string> = {
  FaultInjected: ANNOTATION_COLORS.failure,
  FaultRestored: ANNOTATION_COLORS.restore,
  DataGrowthChanged: ANNOTATION_COLORS.data,
  DataWritten: ANNOTATION_COLORS.data,
  StorageFull: ANNOTATION_COLORS.failure,
}

export function useFaultAnnotations(): Annotation[] {
  const events = useSim((s) => s.events)
  const tasks = useSim((s) => s.tasks)
  return useMemo(() => {
    const out: Annotation[] = events
      .filter((e) => e.type in EVENT_COLORS)
      .map((e) => ({ time: e.time, label: e.message, color: EVENT_COLORS[e.type] }))
    for (const t of tasks) {
      if (!/rebuild/i.test(t.type)) continue
      out.push({ time: t.startTime, label: 'Rebuild started', color: ANNOTATION_COLORS.rebuild })
      if (t.endTime !== null)
        out.push({ time: t.endTime, label: `Rebuild ${t.state === 'succeeded' ? 'finished' : t.state}${t.message ? `: ${t.message}` : ''}`, color: ANNOTATION_COLORS.rebuild })
    }
    return out.sort((a, b) => a.time - b.time)
  }, [events, tasks])
}
