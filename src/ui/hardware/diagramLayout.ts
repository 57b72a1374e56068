/**
 * Geometry of the hardware diagram, computed with d3 scales (React draws it).
 * Racks sit side by side and wrap into rows; inside a rack, blocks (chassis) sit in
 * columns; inside a block, nodes are stacked sleds, each with a row of disk slots.
 * The layout fits the available width, so 3 to 64 nodes stay legible.
 */
import { range, scaleBand, type ScaleBand } from 'd3'
import type { Structure } from '../bridge/types'

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface DiagramLayout {
  width: number
  height: number
  /** node header on two lines (name / roles) when the sled is narrow */
  compact: boolean
  /** room to print the hypervisor IP beside the node name */
  showIp: boolean
  racks: Array<{ frame: Box; header: Box }>
  blocks: Array<{ frame: Box; header: Box }>
  nodes: Array<{ frame: Box; header: Box; disks: Box }>
  disks: Box[]
}

export const METRICS = {
  rackGap: 10,
  rackPad: 6,
  rackHeader: 24,
  blockGap: 10,
  blockPad: 5,
  blockHeader: 20,
  nodeGap: 4,
  nodePad: 6,
  headerLine: 16,
  diskHeight: 22,
  minBlockWidth: 150,
  maxBlockWidth: 460,
  maxSlotStep: 60,
  slotPadding: 0.2,
  /** approximate advance of the 11px semibold node name and 10px badge text */
  nameChar: 6.6,
  badgeChar: 6,
}

/** Width a role badge takes (also used to draw it). */
export function badgeWidth(text: string): number {
  return Math.ceil(text.length * METRICS.badgeChar + 8)
}

/** Widest role set a node can show: ZK, Leader and Ring. */
const ROLE_SET_WIDTH = badgeWidth('ZK') + badgeWidth('Leader') + badgeWidth('Ring') + 6

/** Bands of width `band` separated by `gap`, starting at `start`. */
function bands(n: number, start: number, band: number, gap: number): ScaleBand<number> {
  const step = band + gap
  return scaleBand<number>()
    .domain(range(n))
    .range([start, start + n * band + (n - 1) * gap])
    .paddingInner(n > 1 ? gap / step : 0)
    .paddingOuter(0)
}

export function computeLayout(structure: Structure, availableWidth: number): DiagramLayout {
  const M = METRICS
  const width = Math.max(availableWidth, M.minBlockWidth + 2 * M.rackPad)
  // racks without blocks (every node of theirs removed) are not drawn
  const drawn = structure.racks.flatMap((r, i) => (r.blocks.length > 0 ? [i] : []))
  const R = drawn.length
  const maxBlocksInRack = Math.max(1, ...structure.racks.map((r) => r.blocks.length))

  // how many racks per row, then how many block columns in a rack, then block width
  const minRack = M.minBlockWidth + 2 * M.rackPad
  const racksPerRow = Math.max(1, Math.min(R, Math.floor((width + M.rackGap) / (minRack + M.rackGap))))
  const rackSlot = (width - (racksPerRow - 1) * M.rackGap) / racksPerRow
  const inner = rackSlot - 2 * M.rackPad
  const blockCols = Math.max(1, Math.min(maxBlocksInRack, Math.floor((inner + M.blockGap) / (M.minBlockWidth + M.blockGap))))
  const blockW = Math.floor(Math.min(M.maxBlockWidth, (inner - (blockCols - 1) * M.blockGap) / blockCols))
  const rackW = 2 * M.rackPad + blockCols * blockW + (blockCols - 1) * M.blockGap

  // node sled: one header line if name + state + roles fit, else two
  const longestName = Math.max(...structure.blocks.flatMap((b) => b.nodes.map((n) => structure.nodes[n].id.length)), 1)
  const headerRoom = blockW - 2 * M.blockPad - 2 * M.nodePad
  const oneLineNeed = 12 + longestName * M.nameChar + 8 + 62 /* state word */ + ROLE_SET_WIDTH
  const compact = headerRoom < oneLineNeed
  const showIp = !compact && headerRoom >= oneLineNeed + 90
  const headerH = (compact ? 2 * M.headerLine : M.headerLine) + 6
  const nodeH = headerH + M.diskHeight + M.nodePad

  const blockHeight = (b: number) => {
    const n = structure.blocks[b].nodes.length
    return M.blockHeader + M.blockPad * 2 + n * nodeH + Math.max(0, n - 1) * M.nodeGap
  }
  const blockRowsOf = (r: number) => {
    const ids = structure.racks[r].blocks
    const rows: number[][] = []
    for (let i = 0; i < ids.length; i += blockCols) rows.push(ids.slice(i, i + blockCols))
    return rows
  }
  const rackHeight = (r: number) =>
    M.rackHeader + M.rackPad + blockRowsOf(r).reduce((h, row) => h + Math.max(...row.map(blockHeight)) + M.blockGap, 0) - M.blockGap + M.rackPad

  const rackX = bands(racksPerRow, 0, rackW, M.rackGap)
  const blockX = bands(blockCols, 0, blockW, M.blockGap)

  const out: DiagramLayout = {
    width: racksPerRow * rackW + (racksPerRow - 1) * M.rackGap,
    height: 0,
    compact,
    showIp,
    racks: [],
    blocks: [],
    nodes: [],
    disks: [],
  }

  let rowTop = 0
  for (let first = 0; first < R; first += racksPerRow) {
    const row = range(first, Math.min(R, first + racksPerRow)).map((k) => drawn[k])
    const rowH = Math.max(...row.map(rackHeight))
    for (const [col, r] of row.entries()) {
      const x = rackX(col)!
      out.racks[r] = { frame: { x, y: rowTop, w: rackW, h: rowH }, header: { x, y: rowTop, w: rackW, h: M.rackHeader } }
      let y = rowTop + M.rackHeader + M.rackPad
      for (const blockRow of blockRowsOf(r)) {
        const rowHeight = Math.max(...blockRow.map(blockHeight))
        blockRow.forEach((b, col) => {
          const bx = x + M.rackPad + blockX(col)!
          const bh = blockHeight(b)
          out.blocks[b] = { frame: { x: bx, y, w: blockW, h: bh }, header: { x: bx, y, w: blockW, h: M.blockHeader } }
          const nodes = structure.blocks[b].nodes
          const nodeY = bands(nodes.length, y + M.blockHeader + M.blockPad, nodeH, M.nodeGap)
          nodes.forEach((n, k) => {
            const nx = bx + M.blockPad
            const nw = blockW - 2 * M.blockPad
            const ny = nodeY(k)!
            const diskRow: Box = { x: nx + M.nodePad, y: ny + headerH, w: nw - 2 * M.nodePad, h: M.diskHeight }
            out.nodes[n] = { frame: { x: nx, y: ny, w: nw, h: nodeH }, header: { x: nx, y: ny, w: nw, h: headerH }, disks: diskRow }
            const disks = structure.nodes[n].disks
            const span = Math.min(diskRow.w, disks.length * M.maxSlotStep)
            const slot = scaleBand<number>().domain(range(disks.length)).range([diskRow.x, diskRow.x + span]).paddingInner(M.slotPadding)
            disks.forEach((d, k2) => {
              out.disks[d] = { x: slot(k2)!, y: diskRow.y, w: slot.bandwidth(), h: diskRow.h }
            })
          })
        })
        y += rowHeight + M.blockGap
      }
    }
    rowTop += rowH + M.rackGap
  }
  out.height = Math.max(0, rowTop - M.rackGap)
  return out
}
