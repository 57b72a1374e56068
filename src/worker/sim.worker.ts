/// <reference lib="webworker" />
/** The simulation worker: the model behind a comlink facade. */
import * as Comlink from 'comlink'
import { SimFacade } from './facade'
import type { Until } from '../model/types'
import type { AddNodeInput } from '../model/scenario/schema'
import type { Delta } from './protocol'
import { deltaBuffers } from './transferables'

const facade = new SimFacade()

/** Hand typed arrays over without copying. */
function transfer<T extends Delta | { delta: Delta }>(value: T): T {
  const delta: Delta = 'delta' in value ? (value as { delta: Delta }).delta : (value as Delta)
  return Comlink.transfer(value, deltaBuffers(delta))
}

/** A progress callback from the page (a comlink proxy): fire and forget, never throws here. */
type Remote = ((fraction: number) => unknown) | undefined
const progress = (cb: Remote) => (cb ? (f: number) => void Promise.resolve(cb(f)).catch(() => undefined) : undefined)

const api = {
  listScenarios: () => facade.listScenarios(),
  load: (s: unknown, seed?: number) => transfer(facade.load(s, seed)),
  loadXray: (files: unknown, options?: unknown) => transfer(facade.loadXray(files, options)),
  xrayReport: () => facade.xrayReport(),
  inject: (f: unknown) => transfer(facade.inject(f)),
  restore: (t: string) => transfer(facade.restore(t)),
  advance: (s: number, p?: Remote) => transfer(facade.advance(s, progress(p))),
  settle: (m?: number, p?: Remote) => transfer(facade.settle(m, progress(p))),
  step: (p?: Remote) => transfer(facade.step(progress(p))),
  advanceUntil: (u: Until, m: number) => transfer(facade.advanceUntil(u, m)),
  tick: (s: number) => transfer(facade.tick(s)),
  powerOn: (id: string) => transfer(facade.powerOn(id)),
  powerOff: (id: string) => transfer(facade.powerOff(id)),
  migrate: (id: string, host?: string) => transfer(facade.migrate(id, host)),
  enterMaintenance: (id: string) => transfer(facade.enterMaintenance(id)),
  exitMaintenance: (id: string) => transfer(facade.exitMaintenance(id)),
  upgrade: (kind: 'aos' | 'ahv') => transfer(facade.upgrade(kind)),
  acknowledgeAlert: (id: string) => transfer(facade.acknowledgeAlert(id)),
  setWarnThreshold: (p: number) => transfer(facade.setWarnThreshold(p)),
  removeDisk: (d: string) => transfer(facade.removeDisk(d)),
  removeNode: (n: string) => transfer(facade.removeNode(n)),
  addNode: (node: AddNodeInput) => transfer(facade.addNode(node)),
  setHaMode: (m: 'default' | 'guarantee') => transfer(facade.setHaMode(m)),
  setAwarenessMode: (m: 'best-effort' | 'opt-in') => transfer(facade.setAwarenessMode(m)),
  setGrowthRate: (r: number) => transfer(facade.setGrowthRate(r)),
  writeData: (tb: number) => transfer(facade.writeData(tb)),
  whatIf: (target: string) => facade.whatIf(target),
  redirectorLog: (hostId: string, lines?: number) => facade.redirectorLog(hostId, lines),
  report: () => facade.report(),
  ncli: (type: 'node' | 'rackable_unit' | 'rack' | 'disk') => facade.ncli(type),
  resync: () => transfer(facade.resync()),
  exportRun: (name?: string) => facade.exportRun(name),
  checkExpectations: (settle?: number) => facade.checkExpectations(settle),
  importRun: (run: unknown, p?: Remote) => transfer(facade.importRun(run, progress(p))),
  travelTo: (seconds: number, p?: Remote) => transfer(facade.travelTo(seconds, progress(p))),
  runTimeline: () => facade.runTimeline(),
  forkRun: () => transfer(facade.forkRun()),
}

export type ExposedApi = typeof api

Comlink.expose(api)
