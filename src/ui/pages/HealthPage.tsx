/**
 * Prism's Health page (#/health/<type>): entity types with a count per health state (left),
 * the chosen type's entities with their health, filterable and sortable (middle), every
 * check's state (right), and the checks failing now.
 */
import { useState } from 'react'
import { navigate } from '../app/routes'
import { useMediaQuery } from '../common/useMediaQuery'
import type { HealthLevel } from '../health/entityHealth'
import { EntityHealthList } from '../health/EntityHealthList'
import { EntityTypeList } from '../health/EntityTypeList'
import { entityType, useEntityHealth, type EntityTypeId } from '../health/entityTypes'
import { FailedChecks } from '../health/FailedChecks'
import { HealthChecks } from '../health/HealthChecks'

export function HealthPage(props: { view: string | null }) {
  const type = entityType(props.view)
  const health = useEntityHealth()
  // a 1920×1080 screen shows more rows a page
  const large = useMediaQuery('(min-width: 1536px) and (min-height: 1000px)')
  // the filter belongs to the type it was chosen for: another type opens unfiltered
  const [filter, setFilter] = useState<{ type: EntityTypeId; level: HealthLevel | 'all' }>({ type: type.id, level: 'all' })
  const level = filter.type === type.id ? filter.level : 'all'
  const open = (t: EntityTypeId, l: HealthLevel | 'all') => {
    setFilter({ type: t, level: l })
    if (t !== type.id) navigate('health', t)
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="grid items-start gap-3 lg:grid-cols-[15rem_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_18rem] 2xl:grid-cols-[17rem_minmax(0,1fr)_20rem]">
        {health && <EntityTypeList health={health} current={type.id} onOpen={open} />}
        {health && <EntityHealthList type={type} health={health[type.id]} filter={level} onFilter={(l) => setFilter({ type: type.id, level: l })} pageSize={large ? 20 : 15} />}
        <div className="lg:col-span-2 xl:col-span-1">
          <HealthChecks />
        </div>
      </div>
      <FailedChecks />
    </div>
  )
}
