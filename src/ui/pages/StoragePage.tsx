/**
 * Storage: Overview (Storage Summary, capacity trend, what-if, data growth, containers),
 * Diagram (cluster → storage pool → containers), Table (containers).
 */
import { useMemo } from 'react'
import { navigate } from '../app/routes'
import { useHotkeys } from '../app/useHotkeys'
import { ViewTabs } from '../common/ViewTabs'
import { Widget } from '../common/Widget'
import { ContainerTable } from '../storage/ContainerTable'
import { DataGrowthPanel } from '../storage/DataGrowthPanel'
import { StorageAlerts, StorageEvents } from '../storage/StorageAlertsEvents'
import { StorageDiagram } from '../storage/StorageDiagram'
import { WhatIfPanel } from '../storage/WhatIfPanel'
import { StorageSummary } from '../widgets/StorageSummary'
import { StorageTrend } from '../widgets/StorageTrend'
import { IoControllerChart } from '../widgets/IoControllerChart'

const VIEWS = [
  { id: 'overview', name: 'Overview' },
  { id: 'diagram', name: 'Diagram' },
  { id: 'table', name: 'Table' },
]

export function StoragePage(props: { view: string | null }) {
  const view = VIEWS.some((v) => v.id === props.view) ? props.view! : 'overview'
  const keys = useMemo(() => ({ o: () => navigate('storage', 'overview'), d: () => navigate('storage', 'diagram'), t: () => navigate('storage', 'table') }), [])
  useHotkeys(keys)
  return (
    <div className="flex flex-col gap-3">
      <ViewTabs label="Storage views" views={VIEWS} current={view} onSelect={(v) => navigate('storage', v)} />
      {view === 'overview' && (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
          <StorageSummary />
          <Widget title="Capacity trend" className="lg:col-span-2">
            <StorageTrend />
          </Widget>
          <Widget title="What if a unit failed now?" className="lg:col-span-2">
            <WhatIfPanel />
          </Widget>
          <Widget title="Data growth">
            <DataGrowthPanel />
          </Widget>
          <IoControllerChart kind="iops" />
          <IoControllerChart kind="bandwidth" />
          <IoControllerChart kind="latency" />
          <StorageAlerts />
          <StorageEvents className="lg:col-span-2" />
          <Widget title="Containers" className="lg:col-span-3">
            <ContainerTable />
          </Widget>
        </div>
      )}
      {view === 'diagram' && (
        <Widget title="Storage Diagram">
          <StorageDiagram />
        </Widget>
      )}
      {view === 'table' && (
        <Widget title="Storage Containers">
          <ContainerTable />
        </Widget>
      )}
    </div>
  )
}
