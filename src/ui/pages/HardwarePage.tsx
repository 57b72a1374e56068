/**
 * Hardware (PRISM-UI.md → Hardware): Overview, Diagram and Table views of racks,
 * blocks, hosts and disks, all from the store. Keys `o` / `d` / `t` switch views;
 * activating an entity selects it, shows its details and opens its action menu.
 */
import { useCallback, useMemo, useState } from 'react'
import { navigate } from '../app/routes'
import { useHotkeys } from '../app/useHotkeys'
import { Widget } from '../common/Widget'
import { DiagramLegend } from '../hardware/DiagramLegend'
import type { EntityKind, EntityRef } from '../hardware/entities'
import { EntityDetails } from '../hardware/EntityDetails'
import { HardwareDiagram } from '../hardware/HardwareDiagram'
import { HardwareOverview } from '../hardware/HardwareOverview'
import { HardwareTable } from '../hardware/HardwareTable'
import { PartitionDialog } from '../hardware/PartitionDialog'
import { ExpandClusterDialog } from '../hardware/ExpandClusterDialog'
import { clusterCounts } from '../hardware/entities'
import { panelId, TabBar, tabId } from '../hardware/TabBar'
import { useHardwareData } from '../hardware/useHardwareData'
import { useSim } from '../store/simStore'

type View = 'overview' | 'diagram' | 'table'

const VIEWS = [
  { key: 'overview' as const, label: 'Overview', hotkey: 'o' },
  { key: 'diagram' as const, label: 'Diagram', hotkey: 'd' },
  { key: 'table' as const, label: 'Table', hotkey: 't' },
]
const PREFIX = 'hw-view'

function viewOf(view: string | null): View {
  return view === 'overview' || view === 'table' ? view : 'diagram'
}

export function HardwarePage(props: { view: string | null }) {
  const view = viewOf(props.view)
  const data = useHardwareData()
  const keys = useMemo(
    () => ({
      o: () => navigate('hardware', 'overview'),
      d: () => navigate('hardware', 'diagram'),
      t: () => navigate('hardware', 'table'),
    }),
    [],
  )
  useHotkeys(keys)

  const [selection, setSelection] = useState<EntityRef | null>(null)
  const [menu, setMenu] = useState<'diagram' | 'details' | null>(null)
  const [returnFocus, setReturnFocus] = useState<Element | null>(null)
  const [partitionOpen, setPartitionOpen] = useState(false)
  const closePartition = useCallback(() => setPartitionOpen(false), [])
  const [expanding, setExpanding] = useState(false)
  const loadId = data?.structure.loadId ?? -1
  // a selection belongs to one load: a new scenario clears it
  const selected = selection && selection.loadId === loadId ? selection : null

  const select = useCallback((kind: EntityKind, id: string) => {
    setSelection({ kind, id, loadId: useSim.getState().structure?.loadId ?? -1 })
  }, [])
  const activateInDiagram = useCallback(
    (kind: EntityKind, id: string, el: SVGGElement) => {
      select(kind, id)
      setMenu('diagram')
      setReturnFocus(el)
    },
    [select],
  )
  const selectInTable = useCallback(
    (kind: EntityKind, id: string) => {
      select(kind, id)
      setMenu(null)
    },
    [select],
  )
  const openDetailsMenu = useCallback((el: HTMLElement) => {
    setMenu('details')
    setReturnFocus(el)
  }, [])
  const closeMenu = useCallback(() => setMenu(null), [])
  const clear = useCallback(() => {
    setSelection(null)
    setMenu(null)
  }, [])

  if (!data) return <p className="p-6 text-sm text-slate-600" role="status">Loading hardware…</p>
  const { structure } = data
  const counts = clusterCounts(structure, data.state)
  // a one-block cluster draws small: its details sit beside the diagram
  const beside = counts.blocks === 1

  const details = (
    <EntityDetails
      data={data}
      entity={selected}
      menuOpen={menu === 'details'}
      onOpenMenu={openDetailsMenu}
      onCloseMenu={closeMenu}
      onClear={clear}
      stacked={(beside && view === 'diagram') || (view === 'table' && selected !== null)}
    />
  )

  return (
    <div className="flex flex-col gap-3" data-testid="hardware-page">
      {expanding && <ExpandClusterDialog onClose={() => setExpanding(false)} />}
      <div className="flex flex-wrap items-end justify-between gap-2 rounded border border-slate-200 bg-white px-3 pt-1 shadow-sm">
        <TabBar label="Hardware views" idPrefix={PREFIX} tabs={VIEWS} current={view} onSelect={(v) => navigate('hardware', v)} />
        <div className="flex items-center gap-3 pb-2">
          <p className="text-xs text-slate-500">
            {counts.racks} {counts.racks === 1 ? 'rack' : 'racks'} · {counts.blocks} {counts.blocks === 1 ? 'block' : 'blocks'} · {counts.hosts} hosts · {counts.disks} disks
          </p>
          <button type="button" className="btn-secondary text-xs" onClick={() => setExpanding(true)}>
            Expand cluster
          </button>
          <button type="button" className="btn-secondary text-xs" onClick={() => setPartitionOpen(true)} data-testid="open-partition-dialog">
            Network partition…
          </button>
        </div>
      </div>
      {partitionOpen && <PartitionDialog onClose={closePartition} />}
      <div role="tabpanel" id={panelId(PREFIX, view)} aria-labelledby={tabId(PREFIX, view)} className="flex flex-col gap-3">
        {view === 'overview' && <HardwareOverview data={data} />}
        {view === 'diagram' && (
          <div className={`grid items-start gap-3 ${beside ? 'xl:grid-cols-[minmax(0,3fr)_minmax(360px,2fr)]' : ''}`}>
            <Widget title={`${structure.clusterName} Hardware Diagram`} actions={<DiagramLegend />}>
              <HardwareDiagram
                data={data}
                selected={selected}
                menuOpen={menu === 'diagram'}
                returnFocus={returnFocus}
                onActivate={activateInDiagram}
                onCloseMenu={closeMenu}
              />
            </Widget>
            {details}
          </div>
        )}
        {view === 'table' && (
          // a selected entity's details sit beside the table (in view at 1280×720), as in Prism
          <div className={`grid items-start gap-3 ${selected ? 'grid-cols-[minmax(0,1fr)_minmax(22rem,30rem)]' : ''}`}>
            <div className="min-w-0">
              <HardwareTable data={data} selected={selected} onSelect={selectInTable} />
            </div>
            <div className={selected ? 'sticky top-2 max-h-[calc(100vh-4rem)] overflow-auto' : ''}>{details}</div>
          </div>
        )}
      </div>
    </div>
  )
}
