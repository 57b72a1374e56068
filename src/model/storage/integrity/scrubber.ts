/**
 * Checksums and Stargate's scrubber (DOMAIN.md §12, seed 004: "Any time the data is read,
 * the checksum is computed … the replica of the data will be read and will replace the
 * non-valid copy"; "Stargate's scrubber operation will consistently scan through extent
 * groups and perform checksum validation").
 *
 * Our rules:
 * - `inject({ kind: 'corrupt', target: disk, extentGroups? })` silently corrupts that many of
 *   the disk's copies (default 1 %, at least one), chosen with the simulation's PRNG.
 * - Reads: every running VM reads each extent group of its vDisks once a day
 *   (READ_PERIOD_SECONDS), at a fixed second of the day per extent group (a hash of it).
 *   The read goes to the replica on the VM's host when there is one online (data locality),
 *   else to the first online replica; a strip's read touches its data members. A read of a
 *   corrupt copy fails its checksum: it is served from a good copy and the bad copy is
 *   replaced at once (Stargate's fixer op). Copies no read touches (the other replicas,
 *   parity, NutanixManagementShare) are found by the scrubber only.
 * - Scrubber: every disk is scanned once every SCRUB_PERIOD_SECONDS (7 days), its copies
 *   spread evenly over the period (each copy at a fixed offset, a hash of slot and disk),
 *   only while the disk serves (an offline disk's copies wait for the next pass). No faster
 *   scan when idle. What it finds is replaced from good copies in a `Scrub` task that copies
 *   at the node's rebuild bandwidth (`rebuildMBpsPerNode`); a warning alert "Disk … has
 *   corrupt data" stays open until the disk's corrupt copies are replaced.
 * - A copy found corrupt with no good copy online waits: it is repaired when a good copy
 *   comes back online (any change of component state retries); with no good copy left
 *   anywhere its data is lost (counted in `resiliency.lostBytes` from the moment every copy
 *   is corrupt or gone, availability.ts) and an event says so once.
 */
import type { Kernel } from '../../kernel/context'
import type { ScheduledEvent } from '../../kernel/eventQueue'
import { SimError } from '../../kernel/errors'
import { UNIT_BYTES } from '../../kernel/units'
import type { Topology } from '../../cluster/topology'
import { POWER_ON, type VmTable } from '../../cluster/vms'
import type { ClusterSpec } from '../../scenario/normalize'
import type { SimTask } from '../../types'
import type { DataStore } from '../data'
import { STRIP_STRIDE } from '../ec'
import { ownerVdisk, VDISK_CONTAINER } from '../tolerance/availability'
import { DETECTED, groupOfKey, REPAIRING, UNDETECTED, type Mark } from './corruption'
import { chooseCorruptCopies } from './inject'

export const SCRUB_PERIOD_SECONDS = 7 * 86400
export const READ_PERIOD_SECONDS = 86400
/** default share of a disk's copies a corrupt fault touches */
export const DEFAULT_CORRUPT_SHARE = 0.01

export interface ScrubberContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly vms: VmTable
  readonly vdiskCount: number
  /** the data changed as Curator sees it (re-evaluate the fault tolerance now) */
  faultToleranceEvaluated(): void
  checkResiliencyAlerts(): void
}

/** A 32-bit mix of two integers (fixed offsets of reads and scrubs). */
export function mix(a: number, b: number): number {
  let h = Math.imul((a | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ (b | 0)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f)
  return (h ^ (h >>> 15)) >>> 0
}

/** The first time after `fromMs` (strictly) that is ≡ phaseMs modulo periodMs. */
export function nextOccurrence(fromMs: number, phaseMs: number, periodMs: number): number {
  const r = (((fromMs - phaseMs) % periodMs) + periodMs) % periodMs
  return fromMs - r + periodMs
}

/** When (ms into every 7-day period) the scrubber checks the copy of slot `key` on disk d. */
export const scrubPhaseMs = (key: number, d: number) => (mix(key, d) % SCRUB_PERIOD_SECONDS) * 1000
/** When (ms into every day) a running VM reads group g (extent group ≥ 0, strip −(s+1)). */
export const readPhaseMs = (g: number) => (mix(g, 0x5eed) % READ_PERIOD_SECONDS) * 1000

interface Batch {
  task: SimTask
  disk: number
  keys: number[]
}

export class Scrubber {
  readonly name = 'scrubber'
  private event: ScheduledEvent | null = null
  /** repairs the scrubber started: batch id → what it repairs */
  private readonly batches = new Map<number, Batch>()
  private batchSeq = 0
  /** groups whose loss was logged (once each) */
  private readonly lostLogged = new Set<number>()
  /** the corruption store's version at the last check (the figures are re-evaluated when it moved) */
  private seenVersion = 0

  constructor(private readonly sim: ScrubberContext) {
    sim.on('integrity-check', () => this.check())
    sim.on('scrub-repair', (id) => this.finishRepair(id as number))
    sim.data.corruption.onFoundByMove = (key, repaired) => this.foundByMove(key, repaired)
  }

  private get store() {
    return this.sim.data.corruption
  }

  // ---------------------------------------------------------------- inject
  /** Corrupt copies on a disk (refused with the reason, nothing changed). */
  inject(target: unknown, extentGroups: unknown): void {
    const { sim } = this
    const d = typeof target === 'string' ? sim.topo.diskIndex.get(target) : undefined
    if (d === undefined) throw new SimError(`unknown disk "${String(target)}" (a corrupt fault needs a disk id)`)
    if (sim.topo.diskRemoved[d] === 1) throw new SimError(`disk "${target as string}" was removed from the cluster`)
    if (extentGroups !== undefined && (typeof extentGroups !== 'number' || !Number.isInteger(extentGroups) || extentGroups < 1))
      throw new SimError(`extentGroups must be a whole number of at least 1, got ${JSON.stringify(extentGroups) ?? String(extentGroups)}`)
    const candidates = chooseCorruptCopies.candidates(sim.data, d)
    if (candidates.length === 0) throw new SimError(`disk "${target as string}" holds no copy that is not already corrupt`)
    const held = sim.data.diskUnits[d]
    const n = extentGroups === undefined ? Math.max(1, Math.round(held * DEFAULT_CORRUPT_SHARE)) : (extentGroups as number)
    if (n > candidates.length) throw new SimError(`disk "${target as string}" holds only ${candidates.length} copies that are not already corrupt, ${n} asked`)
    const keys = chooseCorruptCopies.pick(sim.rng, candidates, n)
    const outer = sim.log.cause
    sim.log.cause = sim.log.newCause()
    try {
      for (const k of keys) this.store.add(k, sim.timeMs)
      for (const k of keys) this.schedule(this.store.marks.get(k)!, k)
      sim.log.event('warning', 'FaultInjected', target as string, `Silent data corruption (bit rot) on disk ${target as string}: ${n} extent group replica${n === 1 ? '' : 's'} no longer match${n === 1 ? 'es' : ''} their checksums; nothing notices until a read or the scrubber checks them`)
    } finally {
      sim.log.cause = outer
    }
    this.reschedule()
    sim.faultToleranceEvaluated()
    sim.checkResiliencyAlerts()
  }

  // ---------------------------------------------------------------- timing
  /** Set the mark's next check: its next scrub, or its next read when a VM's read may touch it first. */
  private schedule(m: Mark, key: number): void {
    const from = m.from
    const scrub = nextOccurrence(from, scrubPhaseMs(key, m.d), SCRUB_PERIOD_SECONDS * 1000)
    const g = groupOfKey(this.sim.data.rf, key)
    const read = this.readable(g) ? nextOccurrence(from, readPhaseMs(g), READ_PERIOD_SECONDS * 1000) : Infinity
    m.due = Math.min(scrub, read)
  }

  /** Does the group belong to a vDisk (the VM container)? Only those are read by VMs. */
  private readable(g: number): boolean {
    const { data } = this.sim
    const c = g >= 0 ? data.unitContainer[g] : data.stripContainer[-g - 1]
    return c === VDISK_CONTAINER && this.sim.vdiskCount > 0
  }

  private reschedule(): void {
    let next = Infinity
    for (const m of this.store.marks.values()) if (m.st === UNDETECTED && m.due < next) next = m.due
    if (this.event && this.event.time === next) return
    if (this.event) this.sim.queue.cancel(this.event)
    this.event = null
    if (next === Infinity) return
    // background work: quiet (it does not keep `settle` running)
    this.event = this.sim.schedule((next - this.sim.timeMs) / 1000, 'integrity-check', null, true)
  }

  // ---------------------------------------------------------------- detection
  private check(): void {
    const { sim } = this
    this.event = null
    const now = sim.timeMs
    const readFound = new Map<number, number>()
    const scrubFound = new Map<number, number[]>()
    for (const [key, m] of [...this.store.marks]) {
      if (m.st !== UNDETECTED || m.due > now) continue
      const g = groupOfKey(sim.data.rf, key)
      const readDue = this.readable(g) && nextOccurrence(m.from, readPhaseMs(g), READ_PERIOD_SECONDS * 1000) <= now
      const scrubDue = nextOccurrence(m.from, scrubPhaseMs(key, m.d), SCRUB_PERIOD_SECONDS * 1000) <= now
      m.from = now
      if (readDue && this.readTouches(key, g)) {
        this.found(m)
        if (this.store.repairable(key)) {
          this.store.remove(key, true)
          readFound.set(m.d, (readFound.get(m.d) ?? 0) + 1)
          continue
        }
        this.unrepaired(key, m)
      } else if (scrubDue && sim.topo.diskAvailable(m.d)) {
        this.found(m)
        if (this.store.repairable(key)) {
          m.st = REPAIRING
          const list = scrubFound.get(m.d) ?? []
          list.push(key)
          scrubFound.set(m.d, list)
        } else this.unrepaired(key, m)
      } else this.schedule(m, key)
    }
    for (const [d, n] of readFound) {
      const id = sim.spec.disks[d].id
      sim.log.event('warning', 'ChecksumMismatch', id,
        `Stargate marked ${n} extent group replica${n === 1 ? '' : 's'} on disk ${id} as corrupt (kSliceChecksumMismatch) while serving VM reads: the reads were served from good replicas and the corrupt replica${n === 1 ? ' was' : 's were'} replaced`)
    }
    for (const [d, keys] of scrubFound) this.startRepair(d, keys)
    this.reschedule()
    if (readFound.size + scrubFound.size > 0 || this.store.version !== this.seenVersion) {
      this.seenVersion = this.store.version
      sim.faultToleranceEvaluated()
      sim.checkResiliencyAlerts()
    }
  }

  /** A VM's read of group g touches the copy of `key` (data locality, else the first online replica; a strip's data members). */
  private readTouches(key: number, g: number): boolean {
    const { sim } = this
    const { data, vms, topo } = sim
    const vd = ownerVdisk(g >= 0 ? g : -g - 1, sim.vdiskCount)
    if (vd < 0) return false
    const v = vms.vmOfVdisk(vd)
    if (vms.power[v] !== POWER_ON || vms.host[v] < 0) return false
    if (g < 0) {
      const s = -g - 1
      const j = (-key - 1) - s * STRIP_STRIDE
      const d = data.stripDisk[-key - 1]
      return j < data.stripK[s] && d >= 0 && topo.diskAvailable(d)
    }
    const host = vms.host[v]
    const base = g * data.rf
    const w = data.rfOf(g)
    let first = -1
    for (let k = 0; k < w; k++) {
      const d = data.replicaDisk[base + k]
      if (d < 0 || !topo.diskAvailable(d)) continue
      if (data.index.diskUnit[1][d] === host) return base + k === key
      if (first < 0) first = base + k
    }
    return first === key
  }

  private found(m: Mark): void {
    this.store.found++
    m.st = DETECTED
    this.store.version++
  }

  /** Found, but no good copy online to repair it from: wait for one, or log the loss once. */
  private unrepaired(key: number, m: Mark): void {
    const { sim } = this
    const g = groupOfKey(sim.data.rf, key)
    if (this.goodCopyExists(key) || this.lostLogged.has(g)) return
    this.lostLogged.add(g)
    const id = sim.spec.disks[m.d].id
    sim.log.event('critical', 'ExtentGroupCorrupt', id,
      `${g >= 0 ? `Extent group ${g}` : `Erasure-coded strip ${-g - 1}`} has no valid replica left: its replica on disk ${id} failed its checksum (kSliceChecksumMismatch) and no good copy exists to repair it from`)
  }

  /** Some good copy of the group still exists (online or offline), so the corrupt one can be repaired later. */
  private goodCopyExists(key: number): boolean {
    const { data } = this.sim
    const need = key >= 0 ? 1 : data.stripK[Math.floor((-key - 1) / STRIP_STRIDE)]
    let n = 0
    for (const x of this.store.siblings(key)) {
      const d = this.store.slotDisk(x)
      if (d < 0 || this.store.isCorrupt(x)) continue
      n++
    }
    return n >= need
  }

  private foundByMove(key: number, repaired: boolean): void {
    const { sim } = this
    const m = this.store.marks.get(key)
    const d = m?.d ?? -1
    const disk = d >= 0 ? sim.spec.disks[d].id : null
    sim.log.event('warning', 'ChecksumMismatch', disk,
      repaired
        ? 'Disk balancing read a replica with a checksum mismatch (kSliceChecksumMismatch): it was rewritten from a good replica'
        : `Disk balancing read a replica with a checksum mismatch (kSliceChecksumMismatch) and no good replica is online: the corrupt data moved${disk ? ` to disk ${disk}` : ''}`)
    if (!repaired && m) this.unrepaired(key, m)
  }

  // ---------------------------------------------------------------- repair
  private startRepair(d: number, keys: number[]): void {
    const { sim } = this
    const id = sim.spec.disks[d].id
    const seconds = Math.max(1, Math.ceil((keys.length * UNIT_BYTES) / sim.spec.rebuildBytesPerSecPerNode))
    const gbs = `${keys.length} GB`
    const task = sim.log.startTask('Scrub', id, `Stargate scrubber on disk ${id}: ${gbs} of extent group replicas failed checksum validation; replacing them from good replicas`)
    sim.log.event('warning', 'ChecksumMismatch', id,
      `Stargate scrubber found ${keys.length} extent group replica${keys.length === 1 ? '' : 's'} with a checksum mismatch (kSliceChecksumMismatch) on disk ${id}: marked corrupt, being replaced from good replicas`)
    sim.log.raise(`corrupt-data:${id}`, 'warning', 'DiskCorruptData', id,
      `Disk ${id} has corrupt data: the scrubber found extent group replicas whose checksums do not match; they are being replaced from good replicas`)
    const batch = ++this.batchSeq
    this.batches.set(batch, { task, disk: d, keys })
    sim.schedule(seconds, 'scrub-repair', batch)
  }

  private finishRepair(batch: number): void {
    const { sim } = this
    const b = this.batches.get(batch)
    if (!b) return
    this.batches.delete(batch)
    let done = 0
    let waiting = 0
    for (const key of b.keys) {
      const m = this.store.marks.get(key)
      if (!m || m.st !== REPAIRING || !this.store.isCorrupt(key)) continue
      if (this.store.repairable(key)) {
        this.store.remove(key, true)
        done++
      } else {
        m.st = DETECTED
        waiting++
        this.unrepaired(key, m)
      }
    }
    const id = sim.spec.disks[b.disk].id
    if (waiting > 0) sim.log.endTask(b.task, 'failed', `Replaced ${done} GB on disk ${id}; ${waiting} GB has no good replica online to copy from`)
    else sim.log.endTask(b.task, 'succeeded', `Scrub repair complete on disk ${id}: ${done} GB replaced from good replicas`)
    if (done > 0) sim.log.event('info', 'ScrubRepairCompleted', id, `Stargate replaced ${done} corrupt extent group replica${done === 1 ? '' : 's'} on disk ${id} from good replicas`)
    this.resolveAlerts()
    sim.faultToleranceEvaluated()
    sim.checkResiliencyAlerts()
  }

  /** The "has corrupt data" alert of a disk resolves when no corrupt copy found on it is left to repair. */
  private resolveAlerts(): void {
    const { sim } = this
    const open = new Set<number>()
    for (const m of this.store.marks.values()) if (m.st !== UNDETECTED) open.add(m.d)
    for (let d = 0; d < sim.spec.disks.length; d++) if (!open.has(d)) sim.log.resolve(`corrupt-data:${sim.spec.disks[d].id}`)
  }

  /** After a change of component state: copies found corrupt that waited for a good copy online are repaired now if they can be. */
  onStateChange(): void {
    const waiting = new Map<number, number[]>()
    for (const [key, m] of this.store.marks) {
      if (m.st !== DETECTED || !this.store.isCorrupt(key) || !this.store.repairable(key)) continue
      if (!this.sim.topo.diskAvailable(m.d)) continue
      m.st = REPAIRING
      const list = waiting.get(m.d) ?? []
      list.push(key)
      waiting.set(m.d, list)
    }
    for (const [d, keys] of waiting) this.startRepair(d, keys)
  }

  // ---------------------------------------------------------------- figures
  /** Report figures (extensions): corrupt copies now, found and not yet replaced, replaced since load. */
  report(): { corruptCopies: number; corruptFoundCopies: number; corruptRepairedCopies: number } {
    let found = 0
    for (const m of this.store.marks.values()) if (m.st !== UNDETECTED) found++
    return { corruptCopies: this.store.count, corruptFoundCopies: found, corruptRepairedCopies: this.store.repaired }
  }
}
