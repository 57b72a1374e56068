import { describe, expect, it } from 'vitest'
import { parseArgs } from './drill'
import { formatXraySummary, readCluster, readXrayFolder, runXray, xrayJunit } from './drillXray'

describe('npm run drill -- --xray', () => {
  it('parses --xray and --cluster, and refuses them in the wrong company', () => {
    expect(parseArgs(['--xray', 'fixtures/xray/node-outage', '--cluster', 'starter-3'])).toMatchObject({ xray: 'fixtures/xray/node-outage', cluster: 'starter-3', input: 'fixtures/xray/node-outage' })
    expect(() => parseArgs(['starter-3', '--cluster', 'x'])).toThrow('--cluster goes with --xray <folder>')
    expect(() => parseArgs(['starter-3', '--xray', 'f'])).toThrow('give either a scenario or --xray <folder>, not both')
  })

  it('reads a folder and a cluster, naming what it cannot read', () => {
    expect(Object.keys(readXrayFolder('fixtures/xray/node-outage'))).toEqual(['db-steady.fio', 'test.yml'])
    expect(() => readXrayFolder('fixtures/xray/nope')).toThrow('--xray: cannot read the folder "fixtures/xray/nope"')
    expect(readCluster('starter-3')).toBe('starter-3')
    expect(() => readCluster('no-such-file.json')).toThrow('--cluster: "no-such-file.json" is neither a built-in scenario nor a readable file')
  })

  it('runs the node-outage test: summary per result, JUnit with one case per result', () => {
    const r = runXray(readXrayFolder('fixtures/xray/node-outage'), undefined, undefined, 86400)
    const text = formatXraySummary(r)
    expect(text).toContain('X-Ray test "Node Outage Drill" · finished')
    expect(text).toMatch(/DB I\/O Errors \[DB\]: .* · AnyFail: pass/)
    expect(text).toMatch(/Cluster CPU: min \d+\.\d+ · mean \d+\.\d+ · max \d+\.\d+ % \(\d+ points\)/)
    const xml = xrayJunit(r)
    expect(xml).toContain('tests="5" failures="0"')
    expect(xml).not.toContain('<skipped message="not simulated"/>')
    // a result with AnyFail true is a failure
    r.xray!.results[2].anyFail = true
    expect(xrayJunit(r)).toContain('failures="1"')
    expect(xrayJunit(r)).toContain('<failure message="AnyFail"')
  })

  it('refuses a broken test with the file and the path', () => {
    expect(() => runXray(readXrayFolder('fixtures/xray/broken-unknown-step'), undefined, undefined, 60)).toThrow(/test\.yml: run\[3\]: unknown step "nodes\.Explode"/)
  })
})
