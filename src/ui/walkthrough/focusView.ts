/**
 * Where a walkthrough step is best seen: the walkthrough's own hint (WALKTHROUGH_VIEWS),
 * else the page that draws the focus entity (hardware parts on the Hardware diagram,
 * VMs on the VM page). And the elements that show the focus entity, to highlight.
 */
import { WALKTHROUGH_VIEWS } from '../../model/scenario/walkthroughs'
import type { Structure } from '../bridge/types'
import { PAGES, type PageId } from '../app/routes'

export interface View {
  page: PageId
  view: string | null
}

function parseView(hint: string): View | null {
  const [page, view] = hint.split('/')
  const known = PAGES.find((p) => p.id === page)
  return known ? { page: known.id, view: view || null } : null
}

export function stepView(structure: Structure, stepIndex: number, focus: string | null): View | null {
  const hint = structure.scenarioId ? WALKTHROUGH_VIEWS[structure.scenarioId]?.[stepIndex] : undefined
  if (hint) return parseView(hint)
  if (focus === null) return null
  const hw = structure.nodes.some((n) => n.id === focus) || structure.blocks.some((b) => b.id === focus) || structure.racks.some((r) => r.id === focus) || structure.disks.some((d) => d.id === focus)
  if (hw) return { page: 'hardware', view: 'diagram' }
  if (structure.vms.some((v) => v.id === focus)) return { page: 'vms', view: null }
  return null
}

/** data-testid prefixes of the elements that draw an entity, on every page. */
const OUTLINED = ['disk-', 'iohost-', 'stargate-', 'ha-host-', 'storage-node-', 'vm-row-']
/** Hardware diagram plates: the button is the header; the frame is the first rect of its parent group. */
const FRAMED = ['node-', 'block-', 'rack-']

const COLOR = '#f59e0b'

/** CSS that highlights every element showing the entity `id` (the walkthrough focus). */
export function focusCss(id: string): string {
  const v = id.replace(/["\\]/g, '\\$&')
  const outlined = OUTLINED.map((p) => `[data-testid="${p}${v}"]`).join(', ')
  const framed = FRAMED.map((p) => `g:has(> [data-testid="${p}${v}"]) > rect:first-child`).join(', ')
  return `${outlined} { outline: 3px solid ${COLOR}; outline-offset: 3px; }
${framed} { stroke: ${COLOR}; stroke-width: 4px; filter: drop-shadow(0 0 4px ${COLOR}); }`
}

/** The first element that draws the entity `id`, to scroll it into view. */
export function focusSelector(id: string): string {
  const v = id.replace(/["\\]/g, '\\$&')
  return [...OUTLINED, ...FRAMED].map((p) => `[data-testid="${p}${v}"]`).join(', ')
}
