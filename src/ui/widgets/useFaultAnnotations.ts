/**
 * Chart annotations from the model's log: failures (red) and restorations (green) from
 * the events, Curator rebuilds (violet, start and end) from the tasks, and data growth
 * changes and one-off writes (blue).
 * The tasks change on every frame of a rebuild (progress); the annotations only when an
 * event is appended or a rebuild starts or ends. One shared, cached selector keeps the
 * same array until then, so the charts that use it are not redrawn every frame.
 */
import type { SimEvent, SimTask } from '../bridge/types'
import type { Annotation } from '../common/TimeSeriesChart'
import { useSim, type SimState } from '../store/simStore'

export const ANNOTATION_COLORS = { failure: '#dc2626', restore: '#16a34a', rebuild: '#7c3aed', data: '#2563eb' } as const

const EVENT_COLORS: Record<string, string> = {
  FaultInjected: ANNOTATION_COLORS.failure,
  FaultRestored: ANNOTATION_COLORS.restore,
  DataGrowthChanged: ANNOTATION_COLORS.data,
  DataWritten: ANNOTATION_COLORS.data,
  StorageFull: ANNOTATION_COLORS.failure,
}

const isRebuild = (t: SimTask) => /rebuild/i.test(t.type)

/** What of the tasks the annotations show: rebuild starts and ends (not their progress). */
function rebuildKey(tasks: readonly SimTask[]): string {
  let key = ''
  for (const t of tasks) if (isRebuild(t)) key += `${t.startTime}|${t.endTime}|${t.state}|${t.message ?? ''};`
  return key
}

export function faultAnnotations(events: readonly SimEvent[], tasks: readonly SimTask[]): Annotation[] {
  const out: Annotation[] = events.filter((e) => e.type in EVENT_COLORS).map((e) => ({ time: e.time, label: e.message, color: EVENT_COLORS[e.type] }))
  for (const t of tasks) {
    if (!isRebuild(t)) continue
    out.push({ time: t.startTime, label: 'Rebuild started', color: ANNOTATION_COLORS.rebuild })
    if (t.endTime !== null) out.push({ time: t.endTime, label: `Rebuild ${t.state === 'succeeded' ? 'finished' : t.state}${t.message ? `: ${t.message}` : ''}`, color: ANNOTATION_COLORS.rebuild })
  }
  return out.sort((a, b) => a.time - b.time)
}

let cache: { events: readonly SimEvent[] | null; key: string; value: Annotation[] } = { events: null, key: '', value: [] }

/** The store selector behind useFaultAnnotations (exported for tests). */
export function selectAnnotations(s: SimState): Annotation[] {
  const key = rebuildKey(s.tasks)
  if (s.events !== cache.events || key !== cache.key) cache = { events: s.events, key, value: faultAnnotations(s.events, s.tasks) }
  return cache.value
}

export function useFaultAnnotations(): Annotation[] {
  return useSim(selectAnnotations)
}
