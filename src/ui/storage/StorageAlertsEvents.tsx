/**
 * Storage Overview's "Storage alerts" and "Storage events" (as in Prism): the open alerts and
 * latest events about disks, data, capacity and rebuilds, from the model's log.
 */
import { useMemo } from 'react'
import { navigate } from '../app/routes'
import { Widget } from '../common/Widget'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import type { SimAlert, SimEvent } from '../bridge/types'

/** our rule: an event or alert is about storage when it names a disk or its type is about disks, data, capacity, Curator or a rebuild */
const STORAGE_TYPE = /^(Disk|Data|Storage|Rebuild|Curator|Hades|Stargate|OverReplicated|Threshold)/
export function isStorageItem(e: Pick<SimEvent, 'type' | 'entity'>): boolean {
  return STORAGE_TYPE.test(e.type) || (e.entity?.startsWith('disk-') ?? false)
}

const DOT = { critical: 'bg-red-600', warning: 'bg-amber-500', info: 'bg-sky-600' } as const
const LIMIT = 6

function Item(props: { time: number; severity: SimEvent['severity']; message: string }) {
  return (
    <li className="flex items-start gap-2">
      <span aria-hidden="true" className={`mt-1 h-2 w-2 shrink-0 rounded-full ${DOT[props.severity]}`} />
      <span className="shrink-0 font-mono text-slate-600">{formatSimTime(props.time)}</span>
      <span className="text-slate-800">{props.message}</span>
    </li>
  )
}

export function StorageAlerts() {
  const alerts = useSim((s) => s.alerts)
  const open = useMemo(() => alerts.filter((a: SimAlert) => a.resolvedTime === null && isStorageItem(a)).reverse(), [alerts])
  return (
    <Widget title="Storage alerts" testId="storage-alerts">
      {open.length === 0 ? (
        <p className="text-sm text-slate-600">No open storage alert.</p>
      ) : (
        <ul className="flex flex-col gap-1 text-xs">
          {open.slice(0, LIMIT).map((a) => (
            <Item key={a.id} time={a.createdTime} severity={a.severity} message={a.message} />
          ))}
        </ul>
      )}
      <button type="button" className="mt-2 text-xs font-medium text-sky-700 hover:underline" onClick={() => navigate('alerts')}>
        {open.length} open · view all alerts
      </button>
    </Widget>
  )
}

export function StorageEvents(props: { className?: string }) {
  const events = useSim((s) => s.events)
  const recent = useMemo(() => {
    const out: SimEvent[] = []
    for (let i = events.length - 1; i >= 0 && out.length < LIMIT; i--) if (isStorageItem(events[i])) out.push(events[i])
    return out
  }, [events])
  return (
    <Widget title="Storage events" testId="storage-events" className={props.className}>
      {recent.length === 0 ? (
        <p className="text-sm text-slate-600">No storage event yet.</p>
      ) : (
        <ul className="flex flex-col gap-1 text-xs">
          {recent.map((e, i) => (
            <Item key={`${e.time}-${i}`} time={e.time} severity={e.severity} message={e.message} />
          ))}
        </ul>
      )}
      <button type="button" className="mt-2 text-xs font-medium text-sky-700 hover:underline" onClick={() => navigate('alerts', 'events')}>
        View all events
      </button>
    </Widget>
  )
}
