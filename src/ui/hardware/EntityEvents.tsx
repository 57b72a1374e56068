/** The latest events about the selected entity and what it contains, newest first. */
import { useMemo } from 'react'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import type { EntityRef } from './entities'
import type { HardwareData } from './useHardwareData'

const LIMIT = 8

const SEVERITY_CLASS = {
  critical: 'bg-red-100 text-red-800',
  warning: 'bg-amber-100 text-amber-800',
  info: 'bg-slate-100 text-slate-700',
} as const

/** Ids of the entity and everything inside it. */
function scopeOf(data: HardwareData, ref: EntityRef): Set<string> {
  const { structure, index } = data
  const ids = new Set<string>([ref.id])
  const addNode = (n: number) => {
    ids.add(structure.nodes[n].id)
    for (const d of structure.nodes[n].disks) ids.add(structure.disks[d].id)
  }
  const addBlock = (b: number) => {
    ids.add(structure.blocks[b].id)
    structure.blocks[b].nodes.forEach(addNode)
  }
  const i = index[ref.kind].get(ref.id)
  if (i === undefined) return ids
  if (ref.kind === 'node') addNode(i)
  if (ref.kind === 'block') addBlock(i)
  if (ref.kind === 'rack') structure.racks[i].blocks.forEach(addBlock)
  return ids
}

export function EntityEvents(props: { data: HardwareData; entity: EntityRef }) {
  const events = useSim((s) => s.events)
  const { data, entity } = props
  const scope = useMemo(() => scopeOf(data, entity), [data, entity])
  const recent = useMemo(() => {
    const out = []
    for (let i = events.length - 1; i >= 0 && out.length < LIMIT; i--) {
      const e = events[i]
      if (e.entity !== null && scope.has(e.entity)) out.push(e)
    }
    return out
  }, [events, scope])
  if (recent.length === 0) return <p className="text-[13px] text-slate-500">No events for {entity.id}.</p>
  return (
    <ul className="flex flex-col divide-y divide-slate-100 text-[13px]" aria-label={`Events for ${entity.id}`} data-testid="hardware-entity-events">
      {recent.map((e, i) => (
        <li key={`${e.time}-${i}`} className="flex items-start gap-2 py-1.5">
          <span className={`rounded px-1.5 text-[11px] font-semibold capitalize ${SEVERITY_CLASS[e.severity]}`}>{e.severity}</span>
          <span className="flex-1 text-slate-800">{e.message}</span>
          <span className="whitespace-nowrap text-xs tabular-nums text-slate-500">{formatSimTime(e.time)}</span>
        </li>
      ))}
    </ul>
  )
}
