/**
 * A binary min-heap of scheduled events ordered by (time, sequence). Times are integer
 * milliseconds of simulated time; the sequence number makes ties deterministic (first
 * scheduled, first run).
 */
export interface ScheduledEvent<P = unknown> {
  time: number
  seq: number
  type: string
  payload: P
  /** quiet events (periodic health checks, samplers) do not keep `settle` running */
  quiet: boolean
  cancelled: boolean
  /** popped (run): cancelling it afterwards is a no-op */
  done: boolean
  /** the cause (ClusterLog.cause) it was scheduled in, current again while it runs */
  cause: string | null
}

export class EventQueue {
  private heap: ScheduledEvent[] = []
  private seq = 0
  private activeCount = 0

  get size(): number {
    return this.heap.length
  }
  /** number of pending non-quiet, non-cancelled events */
  get active(): number {
    return this.activeCount
  }

  push<P>(time: number, type: string, payload: P, quiet = false, cause: string | null = null): ScheduledEvent<P> {
    const ev: ScheduledEvent<P> = { time, seq: this.seq++, type, payload, quiet, cancelled: false, done: false, cause }
    this.heap.push(ev as ScheduledEvent)
    this.up(this.heap.length - 1)
    if (!quiet) this.activeCount++
    return ev
  }

  cancel(ev: ScheduledEvent<unknown>): void {
    if (ev.cancelled || ev.done) return
    ev.cancelled = true
    if (!ev.quiet) this.activeCount--
  }

  /** The earliest live event, without removing it. */
  peek(): ScheduledEvent | undefined {
    this.dropCancelled()
    return this.heap[0]
  }

  /** The earliest live non-quiet event time, or undefined. O(n) — used by settle/step only. */
  nextActiveTime(): number | undefined {
    let best: number | undefined
    for (const e of this.heap) if (!e.cancelled && !e.quiet && (best === undefined || e.time < best)) best = e.time
    return best
  }

  pop(): ScheduledEvent | undefined {
    this.dropCancelled()
    const top = this.heap[0]
    if (!top) return undefined
    this.removeTop()
    top.done = true
    if (!top.quiet) this.activeCount--
    return top
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.removeTop()
  }

  private removeTop(): void {
    const last = this.heap.pop()!
    if (this.heap.length > 0) {
      this.heap[0] = last
      this.down(0)
    }
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.time < b.time || (a.time === b.time && a.seq < b.seq)
  }

  private up(i: number): void {
    const h = this.heap
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(h[i], h[p])) break
      ;[h[i], h[p]] = [h[p], h[i]]
      i = p
    }
  }

  private down(i: number): void {
    const h = this.heap
    const n = h.length
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < n && this.less(h[l], h[m])) m = l
      if (r < n && this.less(h[r], h[m])) m = r
      if (m === i) break
      ;[h[i], h[m]] = [h[m], h[i]]
      i = m
    }
  }
}
