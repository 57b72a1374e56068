import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseFio } from './fio'
import { combinedDemand, fioDemand, streamIops, type WorkloadDemand } from './fioDemand'
import { fixture } from './fixtures.testkit'

function demand(text: string, dataDisks = 4): WorkloadDemand {
  const f = parseFio('w.fio', text)
  if (!f.ok) throw new Error(f.problems.join('\n'))
  const d = fioDemand(f.value, dataDisks)
  if (!d.ok) throw new Error(d.problems.join('\n'))
  return d.value
}
function refused(text: string, dataDisks = 4): string[] {
  const f = parseFio('w.fio', text)
  if (!f.ok) return f.problems
  const d = fioDemand(f.value, dataDisks)
  return d.ok ? [] : d.problems
}

describe('fio demand model', () => {
  it('rate_iops read,write with a matching mix: each direction at its cap', () => {
    const d = demand('[j]\nfilename=/dev/sdb\nrw=randrw\nrwmixread=65\nbs=8k\nrate_iops=390,210\n')
    expect(d.disks).toEqual([{ vdisk: 1, device: '/dev/sdb', readIops: 390, writeIops: 210, readBytesPerSecond: 390 * 8192, writeBytesPerSecond: 210 * 8192, iodepth: 1, closedLoop: false }])
  })

  it('one rate_iops value caps reads and writes each; the mix holds (500 reads + 214 writes at 70 %)', () => {
    const [s] = demand('[j]\nfilename=/dev/sdb\nrw=randrw\nrwmixread=70\nrate_iops=500\n').streams
    expect(s.readIops).toBeCloseTo(500, 9)
    expect(s.writeIops).toBeCloseTo(500 * 3 / 7, 9)
  })

  it('a cap on a direction the job does not use is ignored; a one-sided cap on a mix sets the total', () => {
    expect(demand('[j]\nfilename=/dev/sdb\nrw=randread\nrate_iops=,300\n').streams[0].readIops).toBeNull()
    const [m] = demand('[j]\nfilename=/dev/sdb\nrw=randrw\nrwmixwrite=25\nrate_iops=,100\n').streams
    expect(m.readFraction).toBe(0.75)
    expect(m.writeIops).toBeCloseTo(100, 9)
    expect(m.readIops).toBeCloseTo(300, 9)
  })

  it('rw without a mix is 50/50; read and write are one-sided; the default is read', () => {
    expect(demand('[j]\nfilename=/dev/sdb\nrw=rw\n').streams[0].readFraction).toBe(0.5)
    expect(demand('[j]\nfilename=/dev/sdb\nrw=write\n').streams[0].readFraction).toBe(0)
    expect(demand('[j]\nfilename=/dev/sdb\n').streams[0].readFraction).toBe(1)
    expect(demand('[j]\nfilename=/dev/sdb\nrw=randrw:8\nrwmixread=90\n').streams[0].readFraction).toBe(0.9)
  })

  it('bssplit sets the mean block size per direction; bs=r,w too', () => {
    const [s] = demand('[j]\nfilename=/dev/sdb\nrw=randrw\nbssplit=4k/50:12k/50,32k\nrate_iops=100,100\n').streams
    expect(s.readBlockBytes).toBe(8192)
    expect(s.writeBlockBytes).toBe(32768)
    const [b] = demand('[j]\nfilename=/dev/sdb\nbs=4k,64k\n').streams
    expect([b.readBlockBytes, b.writeBlockBytes]).toEqual([4096, 65536])
  })

  it('rate (bytes/s) caps like rate_iops at the block size; the lower cap wins', () => {
    const [s] = demand('[j]\nfilename=/dev/sdb\nrw=read\nbs=1m\nrate=100m\n').streams
    expect(s.readIops).toBe(100)
    const [t] = demand('[j]\nfilename=/dev/sdb\nrw=read\nbs=1m\nrate=100m\nrate_iops=40\n').streams
    expect(t.readIops).toBe(40)
  })

  it('no cap: closed loop; iodepth ÷ latency IOPS (Little’s law), split by the mix', () => {
    const d = demand('[j]\nfilename=/dev/sdb\nrw=randrw\nrwmixread=75\niodepth=32\n')
    expect(d.disks[0]).toMatchObject({ closedLoop: true, readIops: 0, writeIops: 0, iodepth: 32 })
    expect(streamIops(d.streams[0], 0.002)).toEqual({ read: 12000, write: 4000 })
  })

  it('a capped stream is held to iodepth ÷ latency when storage is slow', () => {
    const [s] = demand('[j]\nfilename=/dev/sdb\nrw=randread\niodepth=2\nrate_iops=1000\n').streams
    expect(streamIops(s, 0.001)).toEqual({ read: 1000, write: 0 })
    expect(streamIops(s, 0.01)).toEqual({ read: 200, write: 0 })
  })

  it('numjobs multiplies the job; several files share it evenly', () => {
    const d = demand('[j]\nfilename=/dev/sdb:/dev/sdc\nrw=randread\niodepth=8\nnumjobs=3\nrate_iops=200\nsize=1g\n')
    expect(d.disks.map((x) => [x.vdisk, x.readIops, x.iodepth])).toEqual([[1, 300, 12], [2, 300, 12]])
    expect(d.prefillBytes).toBe(2 * 3 * 1024 ** 3)
  })

  it('two workloads on one VM add up per vDisk', () => {
    const a = demand('[a]\nfilename=/dev/sdb\nrw=randread\nbs=4k\nrate_iops=100\n')
    const b = demand('[b]\nfilename=/dev/sdb:/dev/sdc\nrw=write\nbs=8k\nrate_iops=,50\niodepth=4\n')
    expect(combinedDemand([a, b])).toEqual([
      { vdisk: 1, device: '/dev/sdb', readIops: 100, writeIops: 25, readBytesPerSecond: 409600, writeBytesPerSecond: 204800, iodepth: 3, closedLoop: false },
      { vdisk: 2, device: '/dev/sdc', readIops: 0, writeIops: 25, readBytesPerSecond: 0, writeBytesPerSecond: 204800, iodepth: 2, closedLoop: false },
    ])
  })

  it('reports runtime (the longest job) and the options it does not model', () => {
    const d = demand('[global]\nioengine=libaio\ndirect=1\ntime_based\n[a]\nfilename=/dev/sdb\nruntime=10m\n[b]\nfilename=/dev/sdc\nruntime=900\nthinktime=5\n')
    expect(d.runtimeSeconds).toBe(900)
    expect(d.ignored).toEqual(['direct', 'ioengine', 'thinktime', 'time_based'])
    expect(demand('[a]\nfilename=/dev/sdb\n').runtimeSeconds).toBeNull()
  })

  it('refuses what it cannot model, naming file, line, job and option', () => {
    expect(refused('[j]\nfilename=/dev/sdb\nrw=trim\n')).toEqual(['w.fio: line 3: job "j": rw "trim" is not supported (read, randread, write, randwrite, rw, readwrite, randrw)'])
    expect(refused('[j]\nrw=read\n')).toEqual(['w.fio: line 1: job "j": filename is missing: an X-Ray job names a data disk (filename=/dev/sdb)'])
    expect(refused('[j]\nfilename=/dev/sda\n')).toEqual(['w.fio: line 2: job "j": filename "/dev/sda" is the VM\'s OS disk; workloads use its data disks (/dev/sdb…)'])
    expect(refused('[j]\nfilename=/dev/sdf\n', 2)).toEqual(['w.fio: line 2: job "j": filename "/dev/sdf": the VM group has 2 data disks (/dev/sdb–/dev/sdc)'])
    expect(refused('[j]\nfilename=/dev/sdb\n', 0)).toEqual(['w.fio: line 2: job "j": filename "/dev/sdb": the VM group has no data disk'])
    expect(refused('[j]\nfilename=/tmp/x\n')).toEqual(['w.fio: line 2: job "j": filename "/tmp/x" is not a disk device (/dev/sdb, /dev/sdc…)'])
    expect(refused('[j]\nfilename=/dev/sdb\nbs=big\n')).toEqual(['w.fio: line 3: job "j": bs "big" is not a size (e.g. 4k, 64k, 1m, 32g)'])
    expect(refused('[j]\nfilename=/dev/sdb\nrw=rw\nrwmixread=120\n')).toEqual(['w.fio: line 4: job "j": rwmixread must be at most 100'])
    expect(refused('[j]\nfilename=/dev/sdb\niodepth=0\n')).toEqual(['w.fio: line 3: job "j": iodepth "0" must be at least 1'])
    expect(refused('[j]\nfilename=/dev/sdb\nrate_iops=fast\n')).toEqual(['w.fio: line 3: job "j": rate_iops "fast" is not a whole number'])
    expect(refused('[j]\nfilename=/dev/sdb\nbssplit=4k/80:8k/80\n')).toEqual(['w.fio: line 3: job "j": bssplit percentages add up to 160, more than 100'])
  })

  it('our fixture: the node-outage database load asks 390/210 on two disks and 150 log writes', () => {
    const f = parseFio('db-steady.fio', fixture('node-outage')['db-steady.fio'])
    if (!f.ok) throw new Error(f.problems.join())
    const d = fioDemand(f.value, 4)
    if (!d.ok) throw new Error(d.problems.join())
    expect(d.value.disks.map((x) => [x.device, Math.round(x.readIops), Math.round(x.writeIops)])).toEqual([['/dev/sdb', 390, 210], ['/dev/sdc', 390, 210], ['/dev/sdd', 0, 150]])
    expect(d.value.disks[2].writeBytesPerSecond).toBe(150 * 32768)
  })

  it('property: capped demand keeps the mix and never exceeds a cap', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 100 }), fc.option(fc.integer({ min: 1, max: 100000 }), { nil: null }), fc.option(fc.integer({ min: 1, max: 100000 }), { nil: null }),
      (mix, r, w) => {
        const rate = r === null && w === null ? '' : `rate_iops=${r ?? ''},${w ?? ''}\n`
        const [s] = demand(`[j]\nfilename=/dev/sdb\nrw=randrw\nrwmixread=${mix}\n${rate}`).streams
        const usedCap = (mix > 0 && r !== null) || (mix < 100 && w !== null)
        if (!usedCap) return s.readIops === null && s.writeIops === null
        const rd = s.readIops!, wr = s.writeIops!
        const eps = 1e-6
        if (r !== null && rd > r + eps) return false
        if (w !== null && wr > w + eps) return false
        const total = rd + wr
        if (Math.abs(rd - total * mix / 100) > eps * Math.max(1, total)) return false
        // at least one cap is reached
        return (r !== null && mix > 0 && Math.abs(rd - r) < 1e-6 * r) || (w !== null && mix < 100 && Math.abs(wr - w) < 1e-6 * w)
      },
    ))
  })
})
