import { describe, expect, it } from 'vitest'
import { fixture } from '../model/xray/fixtures.testkit'
import { SimFacade } from './facade'

describe('facade.loadXray', () => {
  it('loads a test on the default cluster; travel back replays it with its X-Ray steps', () => {
    const f = new SimFacade()
    f.load('starter-3')
    f.loadXray(fixture('node-outage'))
    expect(f.report().cluster.name).toBe('Block-12')
    f.advance(400)
    const at400 = JSON.stringify(f.report())
    expect(f.xrayReport()!.annotations.map((a) => a.text)).toContain('Node 0 (node-1): powering off')
    f.advance(600)
    f.travelTo(400)
    expect(JSON.stringify(f.report())).toBe(at400)
  })

  it('refuses bad arguments and bad files, naming them, and keeps the running simulation', () => {
    const f = new SimFacade()
    f.load('starter-3')
    const before = JSON.stringify(f.report())
    expect(() => f.loadXray('test.yml')).toThrow(/files must be an object/)
    expect(() => f.loadXray({ 'test.yml': 3 })).toThrow(/files\["test.yml"\] must be the file's text/)
    expect(() => f.loadXray(fixture('node-outage'), { cluster: 'nowhere' })).toThrow(/cluster: unknown built-in scenario "nowhere"/)
    expect(() => f.loadXray(fixture('node-outage'), { speed: 2 })).toThrow(/options.speed: unknown option/)
    expect(() => f.loadXray(fixture('broken-memory'))).toThrow(/not enough memory/)
    expect(JSON.stringify(f.report())).toBe(before)
    expect(f.xrayReport()).toBeNull()
  })
})
