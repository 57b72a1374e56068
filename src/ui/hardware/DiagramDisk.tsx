/**
 * One disk slot in a node sled: tier tint, usage fill, status LED, red cross when offline.
 * Usage comes in as what is shown (fill height, rounded texts), so a delta that moves a
 * disk's bytes without changing what it shows re-renders nothing (memo).
 */
import { memo } from 'react'
import type { Structure } from '../bridge/types'
import { formatBytes, formatPct } from '../format'
import type { Box } from './diagramLayout'
import type { DiskState } from './entities'
import { DISK_COLORS, SELECTED, SSD_FILL, SSD_STROKE, USED_FILL } from './palette'
import { FOCUS_RING_CLASS, svgButtonProps } from './svgButton'

type Disk = Structure['disks'][number]

/** What a slot shows of its usage: fill height in px, used bytes and percentage as printed. */
export interface DiskUsage {
  usedH: number
  usedText: string
  usedPct: string
}

export function diskUsage(capacityBytes: number, usedBytes: number, box: Box): DiskUsage {
  const frac = capacityBytes > 0 ? Math.min(1, usedBytes / capacityBytes) : 0
  return { usedH: Math.round((box.h - 8) * frac), usedText: formatBytes(usedBytes), usedPct: formatPct(frac) }
}

export const DiagramDisk = memo(function DiagramDisk(props: {
  disk: Disk
  box: Box
  state: DiskState
  /** spread from diskUsage(): primitives, so memo compares what is shown */
  usedH: number
  usedText: string
  usedPct: string
  /** its host is down: the slot is drawn dimmed */
  dim: boolean
  selected: boolean
  onActivate: (kind: 'disk', id: string, el: SVGGElement) => void
}) {
  const { disk, box, state, selected } = props
  const c = DISK_COLORS[state]
  const online = state === 'online'
  const fill = online && disk.tier === 'SSD' ? SSD_FILL : c.fill
  const stroke = selected ? SELECTED : online && disk.tier === 'SSD' ? SSD_STROKE : c.stroke
  const { usedH } = props
  const label = `Disk ${disk.id}, ${disk.tier}, ${state}, ${props.usedText} of ${formatBytes(disk.capacityBytes)} used`
  const cx = box.x + box.w / 2
  return (
    <g data-testid={`disk-${disk.id}`} data-state={state} opacity={props.dim ? 0.5 : 1} {...svgButtonProps(label, (el) => props.onActivate('disk', disk.id, el))}>
      <title>{`${disk.id} · ${disk.tier} · ${state} · ${props.usedPct} used`}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={2} fill={fill} stroke={stroke} strokeWidth={selected ? 2 : 1} />
      {online && usedH > 0 && <rect x={box.x + 1.5} y={box.y + box.h - 1.5 - usedH} width={Math.max(0, box.w - 3)} height={usedH} fill={USED_FILL} />}
      <circle cx={cx} cy={box.y + 3.5} r={box.w >= 6 ? 1.8 : 1.2} fill={c.led} />
      {!online && (
        <path
          d={`M${box.x + 2},${box.y + 7} L${box.x + box.w - 2},${box.y + box.h - 2} M${box.x + box.w - 2},${box.y + 7} L${box.x + 2},${box.y + box.h - 2}`}
          stroke={c.stroke}
          strokeWidth={1.5}
        />
      )}
      {box.w >= 26 && online && (
        <text x={cx} y={box.y + box.h / 2 + 3} dy="0.35em" textAnchor="middle" fontSize={9} fontWeight={600} fill={disk.tier === 'SSD' ? '#1e40af' : '#475569'}>
          {disk.tier}
        </text>
      )}
      <rect x={box.x - 2} y={box.y - 2} width={box.w + 4} height={box.h + 4} rx={3} strokeWidth={2} className={FOCUS_RING_CLASS} />
    </g>
  )
})
