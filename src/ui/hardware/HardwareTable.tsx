/** Hardware → Table: Host and Disk tabs. */
import { useState } from 'react'
import { DiskTable } from './DiskTable'
import { HostTable } from './HostTable'
import type { EntityKind, EntityRef } from './entities'
import { panelId, TabBar, tabId } from './TabBar'
import type { HardwareData } from './useHardwareData'

type TableTab = 'host' | 'disk'
const TABS = [
  { key: 'host' as const, label: 'Host' },
  { key: 'disk' as const, label: 'Disk' },
]
const PREFIX = 'hw-table'

export function HardwareTable(props: { data: HardwareData; selected: EntityRef | null; onSelect: (kind: EntityKind, id: string) => void }) {
  const [tab, setTab] = useState<TableTab>(props.selected?.kind === 'disk' ? 'disk' : 'host')
  const selectedId = (kind: EntityKind) => (props.selected?.kind === kind ? props.selected.id : null)
  return (
    <section className="rounded border border-slate-200 bg-white shadow-sm" aria-label="Hardware table">
      <div className="border-b border-slate-200 px-3 pt-1">
        <TabBar label="Hardware table" idPrefix={PREFIX} tabs={TABS} current={tab} onSelect={setTab} />
      </div>
      <div role="tabpanel" id={panelId(PREFIX, tab)} aria-labelledby={tabId(PREFIX, tab)} className="p-3">
        {tab === 'host' ? (
          <HostTable data={props.data} selectedId={selectedId('node')} onSelect={(id) => props.onSelect('node', id)} />
        ) : (
          <DiskTable data={props.data} selectedId={selectedId('disk')} onSelect={(id) => props.onSelect('disk', id)} />
        )}
      </div>
    </section>
  )
}
