/** Diagram colours by state (Prism: healthy green/gray, down red, degraded amber). */
import type { DiskState, NodeState, UnitState } from './entities'

export const SELECTED = '#0284c7' // sky-600

export const NODE_COLORS: Record<NodeState, { fill: string; stroke: string; dot: string; text: string }> = {
  up: { fill: '#ffffff', stroke: '#cbd5e1', dot: '#16a34a', text: '#15803d' },
  down: { fill: '#fef2f2', stroke: '#dc2626', dot: '#dc2626', text: '#b91c1c' },
  partitioned: { fill: '#fffbeb', stroke: '#d97706', dot: '#d97706', text: '#b45309' },
  'cvm-down': { fill: '#fffbeb', stroke: '#f59e0b', dot: '#f59e0b', text: '#b45309' },
  maintenance: { fill: '#eff6ff', stroke: '#2563eb', dot: '#2563eb', text: '#1d4ed8' },
  removing: { fill: '#f5f3ff', stroke: '#7c3aed', dot: '#7c3aed', text: '#6d28d9' },
}

export const DISK_COLORS: Record<DiskState, { fill: string; stroke: string; led: string }> = {
  online: { fill: '#e2e8f0', stroke: '#94a3b8', led: '#16a34a' },
  offline: { fill: '#fee2e2', stroke: '#dc2626', led: '#dc2626' },
}
/** SSD slots are tinted so the tiers read apart */
export const SSD_FILL = '#dbeafe'
export const SSD_STROKE = '#60a5fa'
export const USED_FILL = 'rgba(71, 85, 105, 0.22)'

export const BLOCK_COLORS: Record<UnitState, { header: string; frame: string; stroke: string; text: string }> = {
  up: { header: '#475569', frame: '#f1f5f9', stroke: '#94a3b8', text: '#ffffff' },
  down: { header: '#b91c1c', frame: '#fef2f2', stroke: '#dc2626', text: '#ffffff' },
}

export const RACK_COLORS: Record<UnitState, { header: string; frame: string; stroke: string; text: string }> = {
  up: { header: '#e2e8f0', frame: '#f8fafc', stroke: '#cbd5e1', text: '#334155' },
  down: { header: '#fee2e2', frame: '#fff5f5', stroke: '#f87171', text: '#b91c1c' },
}
