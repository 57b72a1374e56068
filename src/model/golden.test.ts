/**
 * Golden Reports: every built-in scenario and walkthrough is loaded, driven through a fixed
 * script of faults (disk, CVM, node, block, partition where the scenario has them), restores,
 * advances and settles, and the Report JSON at each checkpoint (plus ncli and what-if output)
 * must be byte-identical to the stored copy in `__golden__/`. Large results are stored as a
 * SHA-256 of the JSON and a few headline fields.
 *
 * Behaviour changes on purpose (a new rule, a bug fix)? Regenerate and review the diff:
 *   UPDATE_GOLDEN=1 npx vitest run src/model/golden.test.ts   (or `npm run golden:update`)
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { formatDomainFaultToleranceStatus, type NcliDomainType } from './report/ncli'
import { BUILTIN_SCENARIOS } from './scenario/builtins'
import { Simulation } from './simulation'
import type { Report } from './types'
import { whatIfFailure } from './storage/whatif'

const DIR = join(dirname(fileURLToPath(import.meta.url)), '__golden__')
const UPDATE = process.env.UPDATE_GOLDEN === '1'
/** above this the stored file keeps a hash and headline fields, not the whole JSON */
const FULL_LIMIT = 1_000_000

interface Checkpoint {
  label: string
  report: Report
  extra?: unknown
}

/** The fixed script: the same calls the worker facade makes. */
function runScript(sim: Simulation): Checkpoint[] {
  const out: Checkpoint[] = []
  const spec = sim.spec
  const snap = (label: string, extra?: unknown) => out.push({ label, report: sim.report(), extra })
  const tryDo = (label: string, f: () => void) => {
    try {
      f()
    } catch (e) {
      out.push({ label: `${label} refused`, report: sim.report(), extra: (e as Error).message })
    }
  }
  snap('load')
  const nodes = spec.nodes
  const n1 = nodes[nodes.length > 1 ? 1 : 0]
  const n2 = nodes[nodes.length > 2 ? 2 : 0]
  const n0 = nodes[0]
  // a disk fails (SMART fail), Hades and Curator react
  const disk = spec.disks[n1.disks[n1.disks.length - 1]].id
  tryDo('inject disk', () => sim.inject({ kind: 'disk', target: disk }))
  sim.advance(30)
  snap('disk +30s')
  // a CVM goes down and comes back
  tryDo('inject cvm', () => sim.inject({ kind: 'cvm', target: n2.id }))
  sim.advance(90)
  snap('cvm +90s')
  tryDo('restore cvm', () => sim.restore(n2.id))
  sim.settle()
  snap('cvm restored, settled')
  tryDo('restore disk', () => sim.restore(disk))
  sim.settle()
  snap('disk restored, settled')
  // a node powers off: HA restarts its VMs
  tryDo('inject node', () => sim.inject({ kind: 'node', target: n0.id }))
  sim.advance(150)
  snap('node +150s')
  sim.settle()
  snap('node settled', {
    ncli: (['disk', 'node', 'rackable_unit', 'rack'] as NcliDomainType[]).map((t) => formatDomainFaultToleranceStatus(sim.report(), t)),
  })
  tryDo('restore node', () => sim.restore(n0.id))
  sim.settle()
  snap('node restored, settled')
  // a block fails where there is more than one
  if (spec.blocks.length > 1) {
    const b = spec.blocks[spec.blocks.length - 1].id
    tryDo('inject block', () => sim.inject({ kind: 'block', target: b }))
    sim.advance(200)
    snap('block +200s')
    tryDo('restore block', () => sim.restore(b))
    sim.settle()
    snap('block restored, settled')
  }
  // a host is partitioned from the network
  tryDo('inject partition', () => sim.inject({ kind: 'partition', target: n1.id }))
  sim.advance(120)
  snap('partition +120s')
  tryDo('restore partition', () => sim.restore(n1.id))
  sim.settle()
  snap('partition restored, settled', { whatIf: whatIfFailure(sim, n2.id) })
  return out
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex')
}

/** The stored form: the full checkpoints, or per checkpoint a hash and headline fields. */
function storedForm(cps: Checkpoint[]): string {
  const full = JSON.stringify(cps, null, 1)
  if (full.length <= FULL_LIMIT) return full + '\n'
  const compact = cps.map((c) => {
    const json = JSON.stringify(c)
    return {
      label: c.label,
      sha256: sha(json),
      bytes: json.length,
      time: c.report.time,
      status: c.report.resiliency.status,
      usedBytes: c.report.storage.usedBytes,
      underReplicatedBytes: c.report.resiliency.underReplicatedBytes,
      lostBytes: c.report.resiliency.lostBytes,
    }
  })
  return JSON.stringify(compact, null, 1) + '\n'
}

describe('golden Reports (behaviour unchanged byte for byte)', () => {
  if (UPDATE) mkdirSync(DIR, { recursive: true })
  for (const sc of BUILTIN_SCENARIOS) {
    it(`${sc.id}`, () => {
      const sim = Simulation.create(sc)
      const got = storedForm(runScript(sim))
      const file = join(DIR, `${sc.id}.json`)
      if (UPDATE) {
        writeFileSync(file, got)
        return
      }
      expect(existsSync(file), `missing ${file}: run UPDATE_GOLDEN=1 npx vitest run src/model/golden.test.ts`).toBe(true)
      const want = readFileSync(file, 'utf8')
      // compare as text so any byte of difference fails; toEqual on the parse gives a readable diff
      if (got !== want) expect(JSON.parse(got)).toEqual(JSON.parse(want))
      expect(got).toBe(want)
    }, 600_000)
  }
})
