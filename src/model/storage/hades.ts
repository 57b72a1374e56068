/**
 * Disk health (seed 004, DOMAIN.md §6): Stargate marks a disk offline on I/O errors or
 * no response; Hades then runs a SMART test (`hadesTestSeconds`, 60 s by default, our
 * rule). Pass: the disk comes back online — unless Stargate has marked it offline 3 times
 * within an hour, then it stays offline. Fail: it stays offline until it is replaced
 * (restore), and the replacement comes back empty.
 *
 * A disk fault's `smart` says what the test will find: 'fail' (the default: the disk is
 * bad) or 'pass' (transient I/O errors).
 */
import type { ScheduledEvent } from '../kernel/eventQueue'
import type { Kernel } from '../kernel/context'
import type { ClusterSpec } from '../scenario/normalize'
import type { Fault } from '../types'
import type { Curator } from './curator/curator'
import type { SimTask } from '../types'
import { grown } from '../kernel/grow'

/** What Hades uses: kernel services, the disks, Curator's wipe and the composition root's state change. */
export interface HadesContext extends Kernel {
  readonly spec: ClusterSpec
  readonly curator: Pick<Curator, 'wipeDisk'>
  /** remove an active fault without an administrator action */
  removeFault(kind: Fault['kind'], target: string): void
  /** derive the new component states and let every part of the model react */
  applyStateChange(): void
  /** the data alerts follow what is unavailable and what is lost (a failed SMART test destroys the disk's copies) */
  checkResiliencyAlerts(): void
}

/** Marks within this window count towards the "3 times in an hour" rule. */
export const MARK_WINDOW_SECONDS = 3600
export const MARKS_TO_KEEP_OFFLINE = 3

export class DiskHealth {
  /** times (s) Stargate marked each disk offline */
  private readonly marks: number[][]
  /** 1 when the disk failed its SMART test (its data is gone when it is replaced) */
  smartFailed: Uint8Array
  /** 1 when Hades keeps the disk offline after 3 marks in an hour */
  private keptOffline: Uint8Array
  private readonly tests = new Map<number, { ev: ScheduledEvent; task: SimTask }>()

  constructor(private readonly sim: HadesContext) {
    const D = sim.spec.disks.length
    this.marks = Array.from({ length: D }, () => [])
    this.smartFailed = new Uint8Array(D)
    this.keptOffline = new Uint8Array(D)
    sim.on('hades-smart', (p) => this.smartDone(p as { disk: number; pass: boolean }))
  }

  /** The cluster grew (lifecycle/expansion.ts): new, healthy disks. */
  growDisks(): void {
    const D = this.sim.spec.disks.length
    while (this.marks.length < D) this.marks.push([])
    this.smartFailed = grown(this.smartFailed, D)
    this.keptOffline = grown(this.keptOffline, D)
  }

  /** Marks of disk d within the last hour (including now). */
  recentMarks(d: number): number {
    const t = this.sim.time
    return this.marks[d].filter((x) => t - x < MARK_WINDOW_SECONDS).length
  }

  /** A disk fault was injected: Stargate marks the disk offline and Hades starts its SMART test. */
  onDiskFault(d: number, smart: 'pass' | 'fail'): void {
    const { sim } = this
    const id = sim.spec.disks[d].id
    this.marks[d].push(sim.time)
    sim.log.event('warning', 'StargateMarkedDiskOffline', id, `Stargate marked disk ${id} offline after I/O errors (${this.recentMarks(d)} time(s) in the last hour); Hades is testing it`)
    const task = sim.log.startTask('HadesDiskDiagnosis', id, `Hades is running a SMART test on disk ${id} (serial ${sim.spec.disks[d].serial})`)
    const ev = sim.schedule(sim.spec.healing.hadesTestSeconds, 'hades-smart', { disk: d, pass: smart === 'pass' })
    this.tests.set(d, { ev, task })
  }

  private smartDone({ disk: d, pass }: { disk: number; pass: boolean }): void {
    const { sim } = this
    const test = this.tests.get(d)
    this.tests.delete(d)
    const id = sim.spec.disks[d].id
    if (!pass) {
      if (test) sim.log.endTask(test.task, 'failed', `SMART test failed: disk ${id} stays offline; replace it`)
      this.smartFailed[d] = 1
      sim.log.event('critical', 'DiskSmartFailed', id, `Hades: disk ${id} failed its SMART test and stays offline`)
      sim.log.raise(`disk-smart:${id}`, 'critical', 'DiskFailure', id, `Disk ${id} (serial ${sim.spec.disks[d].serial}) on ${sim.spec.nodes[sim.spec.disks[d].node].id} failed its SMART test: replace it`)
      sim.invalidate()
      sim.checkResiliencyAlerts()
      return
    }
    if (test) sim.log.endTask(test.task, 'succeeded', `SMART test passed on disk ${id}`)
    const marks = this.recentMarks(d)
    if (marks >= MARKS_TO_KEEP_OFFLINE) {
      // the fault stays until the administrator restores the disk
      this.keptOffline[d] = 1
      sim.log.event('critical', 'DiskKeptOffline', id, `Hades: disk ${id} passed its SMART test but was marked offline ${marks} times in an hour: it stays offline`)
      sim.log.raise(`disk-flapping:${id}`, 'critical', 'DiskMarkedOfflineRepeatedly', id, `Disk ${id} was marked offline ${marks} times within an hour and stays offline until it is restored`)
      return
    }
    // the errors were transient: the fault ends and the disk is back
    sim.removeFault('disk', id)
    sim.log.event('info', 'DiskSmartPassed', id, `Hades: disk ${id} passed its SMART test and is back online`)
    sim.applyStateChange()
  }

  /** Hades keeps the disk offline after 3 marks in an hour (its fault stays until restored). */
  isKeptOffline(d: number): boolean {
    return this.keptOffline[d] === 1
  }

  /** The administrator restored disk d (re-seated or replaced). */
  onRestore(d: number): void {
    const { sim } = this
    const id = sim.spec.disks[d].id
    const test = this.tests.get(d)
    if (test) {
      sim.queue.cancel(test.ev)
      sim.log.endTask(test.task, 'failed', `Disk ${id} was restored before the SMART test finished`)
      this.tests.delete(d)
    }
    if (this.smartFailed[d]) {
      // a replacement disk: empty
      sim.curator.wipeDisk(d)
      sim.log.event('info', 'DiskReplaced', id, `Disk ${id} replaced: the new disk is empty; Curator will rebuild onto it`)
    }
    this.smartFailed[d] = 0
    this.keptOffline[d] = 0
    this.marks[d] = []
    sim.log.resolve(`disk-smart:${id}`)
    sim.log.resolve(`disk-flapping:${id}`)
  }
}
