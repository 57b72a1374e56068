/**
 * The fio demand model: what one VM running an fio job file asks of its vDisks.
 *
 * Each job becomes one stream per file it names (`filename=/dev/sdb`, or several joined
 * with `:`, sharing the job's I/O evenly). A stream has a read fraction (`rw`,
 * `rwmixread`/`rwmixwrite`), mean read and write block sizes (`bssplit`, else `bs`), an
 * iodepth (× `numjobs`), and caps (`rate_iops` read,write; `rate` in bytes/s read,write).
 * Our rules, documented in the README:
 *   - a mixed job keeps its mix: its total rate is the largest one under every cap of a
 *     direction it uses (rate_iops=500 with 70 % reads: 500 reads + 214 writes);
 *   - a job with no cap on any direction it uses is closed-loop: it keeps `iodepth` I/Os
 *     in flight, so it does iodepth ÷ latency IOPS (`streamIops`); a capped job is also
 *     held to that bound when the storage is slow (a stall shows as lost IOPS);
 *   - `/dev/sda` is the VM's OS disk (vDisk 0); `/dev/sdb` is its first data disk (vDisk 1).
 *   - options we do not model (ioengine, direct, thinktime…) are listed in `ignored`.
 */
import { resolveJobs, type FioJobFile } from './fio'
import { deviceIndex, deviceName, parseBssplitMean, parseCount, parseDuration, parseSize } from './fioUnits'

export interface FioStream {
  job: string
  /** line of the job's section in the file */
  line: number
  device: string
  /** the VM's vDisk index (0 = OS disk) */
  vdisk: number
  readFraction: number
  readBlockBytes: number
  writeBlockBytes: number
  /** I/Os the stream keeps in flight */
  iodepth: number
  /** open-loop demand after the mix and the caps; null: uncapped (closed loop) */
  readIops: number | null
  writeIops: number | null
}

export interface DiskDemand {
  vdisk: number
  device: string
  /** capped (open-loop) demand only; closed-loop streams add iodepth ÷ latency on top */
  readIops: number
  writeIops: number
  readBytesPerSecond: number
  writeBytesPerSecond: number
  iodepth: number
  closedLoop: boolean
}

export interface WorkloadDemand {
  streams: FioStream[]
  disks: DiskDemand[]
  /** the longest `runtime` of its jobs, or null when no job sets one */
  runtimeSeconds: number | null
  /** bytes a prefill writes on one VM (`size` of each job on each of its files) */
  prefillBytes: number
  /** options present in the file that the model does not use */
  ignored: string[]
}

const MODELLED = new Set([
  'rw', 'readwrite', 'rwmixread', 'rwmixwrite', 'bs', 'blocksize', 'bssplit', 'iodepth', 'numjobs',
  'rate_iops', 'rate', 'filename', 'size', 'runtime',
])
const READ_FRACTION: Record<string, number | 'mix'> = {
  read: 1, randread: 1, write: 0, randwrite: 0, rw: 'mix', readwrite: 'mix', randrw: 'mix',
}
const DEFAULT_BLOCK = 4096

/** Splits `a,b` into read and write parts (`a` alone applies to both; an empty part: not set). */
function pair(value: string): [string | null, string | null] {
  const [r, w] = value.split(',').map((s) => s.trim())
  if (w === undefined) return [r === '' ? null : r, r === '' ? null : r]
  return [r === '' ? null : r, w === '' ? null : w]
}

/**
 * The demand of a VM running `file`. `dataDisks`: how many data disks the VM has
 * (vDisks 1..dataDisks). Problems name the file, the line and the option.
 */
export function fioDemand(file: FioJobFile, dataDisks: number): { ok: true; value: WorkloadDemand } | { ok: false; problems: string[] } {
  const problems: string[] = []
  const streams: FioStream[] = []
  const ignored = new Set<string>()
  let runtime: number | null = null
  let prefillBytes = 0
  for (const job of resolveJobs(file)) {
    const at = (key: string) => `${file.file}: line ${job.options.get(key)?.line ?? job.line}: job "${job.name}": ${key}`
    const get = (key: string) => job.options.get(key)?.value ?? null
    for (const k of job.options.keys()) if (!MODELLED.has(k)) ignored.add(k)
    const bad = (key: string, message: string) => { problems.push(`${at(key)} ${message}`) }

    const rwKey = job.options.has('rw') ? 'rw' : 'readwrite'
    const rw = (get(rwKey) ?? 'read').split(':')[0].trim()
    const kind = READ_FRACTION[rw]
    if (kind === undefined) { bad(rwKey, `"${rw}" is not supported (read, randread, write, randwrite, rw, readwrite, randrw)`); continue }
    let readFraction = typeof kind === 'number' ? kind : 0.5
    if (kind === 'mix') {
      const mixKey = job.options.has('rwmixread') ? 'rwmixread' : job.options.has('rwmixwrite') ? 'rwmixwrite' : null
      if (mixKey !== null) {
        const v = parseCount(get(mixKey) ?? '', 0)
        if (!v.ok || v.value > 100) { bad(mixKey, v.ok ? 'must be at most 100' : v.message); continue }
        readFraction = mixKey === 'rwmixread' ? v.value / 100 : 1 - v.value / 100
      }
    }

    let readBlock = DEFAULT_BLOCK, writeBlock = DEFAULT_BLOCK
    const bsKey = job.options.has('bs') ? 'bs' : job.options.has('blocksize') ? 'blocksize' : null
    if (bsKey !== null) {
      const [r, w] = pair(get(bsKey) ?? '')
      const rp = r === null ? null : parseSize(r), wp = w === null ? null : parseSize(w)
      if (rp && !rp.ok) { bad(bsKey, rp.message); continue }
      if (wp && !wp.ok) { bad(bsKey, wp.message); continue }
      if (rp?.ok) readBlock = rp.value
      if (wp?.ok) writeBlock = wp.value
    }
    if (job.options.has('bssplit')) {
      const [r, w] = pair(get('bssplit') ?? '')
      const rp = r === null ? null : parseBssplitMean(r), wp = w === null ? null : parseBssplitMean(w)
      if (rp && !rp.ok) { bad('bssplit', rp.message); continue }
      if (wp && !wp.ok) { bad('bssplit', wp.message); continue }
      if (rp?.ok) readBlock = rp.value
      if (wp?.ok) writeBlock = wp.value
    }

    const depth = job.options.has('iodepth') ? parseCount(get('iodepth') ?? '', 1) : { ok: true as const, value: 1 }
    if (!depth.ok) { bad('iodepth', depth.message); continue }
    const numjobs = job.options.has('numjobs') ? parseCount(get('numjobs') ?? '', 1) : { ok: true as const, value: 1 }
    if (!numjobs.ok) { bad('numjobs', numjobs.message); continue }

    let readCap: number | null = null, writeCap: number | null = null
    let capProblem = false
    if (job.options.has('rate_iops')) {
      const [r, w] = pair(get('rate_iops') ?? '')
      for (const [text, dir] of [[r, 'read'], [w, 'write']] as const) {
        if (text === null) continue
        const v = parseCount(text, 1)
        if (!v.ok) { bad('rate_iops', v.message); capProblem = true; break }
        if (dir === 'read') readCap = v.value
        else writeCap = v.value
      }
    }
    if (!capProblem && job.options.has('rate')) {
      const [r, w] = pair(get('rate') ?? '')
      for (const [text, dir] of [[r, 'read'], [w, 'write']] as const) {
        if (text === null) continue
        const v = parseSize(text)
        if (!v.ok) { bad('rate', v.message); capProblem = true; break }
        if (dir === 'read') readCap = Math.min(readCap ?? Infinity, v.value / readBlock)
        else writeCap = Math.min(writeCap ?? Infinity, v.value / writeBlock)
      }
    }
    if (capProblem) continue

    // our rule: the mix holds; the total is the largest rate under every cap of a direction in use
    let total = Infinity
    if (readFraction > 0 && readCap !== null) total = Math.min(total, readCap / readFraction)
    if (readFraction < 1 && writeCap !== null) total = Math.min(total, writeCap / (1 - readFraction))
    const capped = Number.isFinite(total)

    if (job.options.has('runtime')) {
      const v = parseDuration(get('runtime') ?? '')
      if (!v.ok) { bad('runtime', v.message); continue }
      runtime = Math.max(runtime ?? 0, v.value)
    }
    let sizeBytes = 0
    if (job.options.has('size')) {
      const v = parseSize(get('size') ?? '')
      if (!v.ok) { bad('size', v.message); continue }
      sizeBytes = v.value
    }

    const filename = get('filename')
    if (filename === null || filename === '') { bad('filename', 'is missing: an X-Ray job names a data disk (filename=/dev/sdb)'); continue }
    const devices = filename.split(':').map((d) => d.trim()).filter((d) => d !== '')
    const share = numjobs.value / devices.length
    for (const device of devices) {
      const idx = deviceIndex(device)
      if (idx === null) { bad('filename', `"${device}" is not a disk device (/dev/sdb, /dev/sdc…)`); continue }
      if (idx === 0) { bad('filename', `"${device}" is the VM's OS disk; workloads use its data disks (/dev/sdb…)`); continue }
      if (idx > dataDisks) {
        bad('filename', dataDisks === 0
          ? `"${device}": the VM group has no data disk`
          : `"${device}": the VM group has ${dataDisks} data disk${dataDisks === 1 ? '' : 's'} (/dev/sdb–${deviceName(dataDisks)})`)
        continue
      }
      prefillBytes += sizeBytes * numjobs.value
      streams.push({
        job: job.name, line: job.line, device, vdisk: idx, readFraction,
        readBlockBytes: readBlock, writeBlockBytes: writeBlock,
        iodepth: depth.value * share,
        readIops: capped ? total * readFraction * share : null,
        writeIops: capped ? total * (1 - readFraction) * share : null,
      })
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, value: { streams, disks: diskDemand(streams), runtimeSeconds: runtime, prefillBytes, ignored: [...ignored].sort() } }
}

/** The streams summed per vDisk (open-loop demand; `closedLoop` when an uncapped stream uses it). */
export function diskDemand(streams: readonly FioStream[]): DiskDemand[] {
  const by = new Map<number, DiskDemand>()
  for (const s of streams) {
    let d = by.get(s.vdisk)
    if (!d) {
      d = { vdisk: s.vdisk, device: s.device, readIops: 0, writeIops: 0, readBytesPerSecond: 0, writeBytesPerSecond: 0, iodepth: 0, closedLoop: false }
      by.set(s.vdisk, d)
    }
    d.iodepth += s.iodepth
    if (s.readIops === null || s.writeIops === null) { d.closedLoop = true; continue }
    d.readIops += s.readIops
    d.writeIops += s.writeIops
    d.readBytesPerSecond += s.readIops * s.readBlockBytes
    d.writeBytesPerSecond += s.writeIops * s.writeBlockBytes
  }
  return [...by.values()].sort((a, b) => a.vdisk - b.vdisk)
}

/**
 * IOPS a stream does when each of its I/Os takes `latencySeconds` (Little's law: at most
 * iodepth ÷ latency), held to its caps when it has them. Latency must be > 0.
 */
export function streamIops(s: FioStream, latencySeconds: number): { read: number; write: number } {
  const bound = s.iodepth / latencySeconds
  if (s.readIops === null || s.writeIops === null) return { read: bound * s.readFraction, write: bound * (1 - s.readFraction) }
  const want = s.readIops + s.writeIops
  const scale = want > bound ? bound / want : 1
  return { read: s.readIops * scale, write: s.writeIops * scale }
}

/** A VM running several workloads at once: their streams summed per vDisk. */
export function combinedDemand(demands: readonly WorkloadDemand[]): DiskDemand[] {
  return diskDemand(demands.flatMap((d) => d.streams))
}
