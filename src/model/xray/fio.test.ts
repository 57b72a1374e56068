import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseFio, resolveJobs } from './fio'
import { deviceIndex, deviceName, parseBssplitMean, parseDuration, parseSize } from './fioUnits'

const ok = (text: string) => {
  const r = parseFio('a.fio', text)
  if (!r.ok) throw new Error(r.problems.join('\n'))
  return r.value
}
const problems = (text: string) => {
  const r = parseFio('a.fio', text)
  return r.ok ? [] : r.problems
}

describe('fio job files', () => {
  it('reads sections, key=value options, bare flags and skips comments', () => {
    const f = ok('; a comment\n# another\n[global]\ndirect=1\ntime_based\n\n[job one]\n bs = 8k \nfilename=/dev/sdb\n')
    expect(f.sections.map((s) => s.name)).toEqual(['global', 'job one'])
    expect(f.sections[0].options).toEqual([{ key: 'direct', value: '1', line: 4 }, { key: 'time_based', value: null, line: 5 }])
    expect(f.sections[1].options[0]).toEqual({ key: 'bs', value: '8k', line: 8 })
  })

  it('a [global] applies to the jobs after it only; a job overrides it', () => {
    const f = ok('[global]\nbs=4k\n[a]\nfilename=/dev/sdb\n[global]\nbs=64k\niodepth=8\n[b]\nfilename=/dev/sdc\niodepth=2\n')
    const [a, b] = resolveJobs(f)
    expect(a.options.get('bs')?.value).toBe('4k')
    expect(a.options.has('iodepth')).toBe(false)
    expect(b.options.get('bs')?.value).toBe('64k')
    expect(b.options.get('iodepth')).toEqual({ value: '2', line: 10 })
  })

  it('refuses what it cannot read, naming the file and line', () => {
    expect(problems('bs=4k\n[a]\nfilename=/dev/sdb')).toEqual(['a.fio: line 1: option "bs" is outside a section'])
    expect(problems('[a]\nrw=read\n[a]\nrw=write')).toEqual(['a.fio: line 3: job "a" is already defined at line 1'])
    expect(problems('[a\nrw=read')).toContain('a.fio: line 1: section header must end with "]"')
    expect(problems('[]\n[b]\nrw=read')).toContain('a.fio: line 1: empty section name')
    expect(problems('[a]\ninclude other.fio')).toEqual(['a.fio: line 2: "include" is not supported: put the options in this file'])
    expect(problems('[a]\n=3')).toEqual(['a.fio: line 2: option without a name'])
    expect(problems('[a]\nbad key=3')).toEqual(['a.fio: line 2: "bad key" is not an option name'])
    expect(problems('[global]\nbs=4k\n')).toEqual(['a.fio: holds no job section (only [global] or nothing)'])
  })
})

describe('fio values', () => {
  it('sizes use base 1024 and fio suffixes', () => {
    expect(parseSize('4k')).toEqual({ ok: true, value: 4096 })
    expect(parseSize('4KiB')).toEqual({ ok: true, value: 4096 })
    expect(parseSize('1m')).toEqual({ ok: true, value: 1048576 })
    expect(parseSize('32G')).toEqual({ ok: true, value: 32 * 1024 ** 3 })
    expect(parseSize('512')).toEqual({ ok: true, value: 512 })
    expect(parseSize('4x').ok).toBe(false)
    expect(parseSize('0').ok).toBe(false)
  })

  it('durations default to seconds', () => {
    expect(parseDuration('600')).toEqual({ ok: true, value: 600 })
    expect(parseDuration('10m')).toEqual({ ok: true, value: 600 })
    expect(parseDuration('1h')).toEqual({ ok: true, value: 3600 })
    expect(parseDuration('soon').ok).toBe(false)
  })

  it('bssplit: weighted mean; blank percentages share the rest', () => {
    expect(parseBssplitMean('4k/50:8k/50')).toEqual({ ok: true, value: 6144 })
    expect(parseBssplitMean('4k/60:8k:64k')).toEqual({ ok: true, value: 0.6 * 4096 + 0.2 * 8192 + 0.2 * 65536 })
    expect(parseBssplitMean('8k')).toEqual({ ok: true, value: 8192 })
    expect(parseBssplitMean('4k/70:8k/40')).toEqual({ ok: false, message: 'percentages add up to 110, more than 100' })
    expect(parseBssplitMean('4k/-1').ok).toBe(false)
  })

  it('device names map to vDisk indices (sda = 0, sdb = 1, sdaa = 26) and back', () => {
    expect(deviceIndex('/dev/sda')).toBe(0)
    expect(deviceIndex('/dev/sdb')).toBe(1)
    expect(deviceIndex('/dev/sdz')).toBe(25)
    expect(deviceIndex('/dev/sdaa')).toBe(26)
    expect(deviceIndex('/dev/vdb')).toBeNull()
    fc.assert(fc.property(fc.integer({ min: 0, max: 700 }), (i) => deviceIndex(deviceName(i)) === i))
  })
})
