/** What the diagram's colours mean (state is also written out, never colour alone). */
import { DISK_COLORS, NODE_COLORS, SSD_FILL, SSD_STROKE } from './palette'

const ITEMS = [
  { label: 'Healthy', fill: NODE_COLORS.up.fill, stroke: NODE_COLORS.up.dot },
  { label: 'CVM down', fill: NODE_COLORS['cvm-down'].fill, stroke: NODE_COLORS['cvm-down'].stroke },
  { label: 'Partitioned', fill: NODE_COLORS.partitioned.fill, stroke: NODE_COLORS.partitioned.stroke, dashed: true },
  { label: 'In maintenance', fill: NODE_COLORS.maintenance.fill, stroke: NODE_COLORS.maintenance.stroke },
  { label: 'Being removed', fill: NODE_COLORS.removing.fill, stroke: NODE_COLORS.removing.stroke },
  { label: 'Down', fill: NODE_COLORS.down.fill, stroke: NODE_COLORS.down.stroke },
  { label: 'SSD', fill: SSD_FILL, stroke: SSD_STROKE },
  { label: 'HDD', fill: DISK_COLORS.online.fill, stroke: DISK_COLORS.online.stroke },
  { label: 'Disk offline', fill: DISK_COLORS.offline.fill, stroke: DISK_COLORS.offline.stroke },
]

export function DiagramLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
      {ITEMS.map((it) => (
        <li key={it.label} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-3 rounded-sm border"
            style={{ background: it.fill, borderColor: it.stroke, borderStyle: it.dashed ? 'dashed' : 'solid' }}
          />
          {it.label}
        </li>
      ))}
    </ul>
  )
}
