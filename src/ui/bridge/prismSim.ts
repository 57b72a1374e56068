/**
 * `window.prismSim` (DRILL-API.md §1, §5): the scripting contract, every call through the one
 * bridge (client.ts), so drills see what the UI shows.
 */
import { useSim } from '../store/simStore'
import type { AddNodeInput, DrillChecks, Fault, Report, Run, ScenarioInfo, Until, UntilResult, WhatIfResult } from './types'
import { quote } from '../../model/scenario/limits'
import { pause, play, simClient } from './client'

export interface PrismSim {
  readonly apiVersion: 1
  listScenarios(): Promise<ScenarioInfo[]>
  load(scenario: unknown): Promise<void>
  inject(fault: Fault): Promise<void>
  restore(target: string): Promise<void>
  advance(seconds: number): Promise<void>
  settle(maxSeconds?: number): Promise<number>
  powerOn(vmId: string): Promise<void>
  powerOff(vmId: string): Promise<void>
  report(): Promise<Report>
  /** DRILL-API §5: an X-Ray test folder's files (file name → text) on a built-in cluster id or a scenario */
  loadXray(files: Record<string, string>, options?: { cluster?: string | object; seed?: number }): Promise<void>
  /** DRILL-API §5: run the clock until the condition holds (checked after every event), at most maxSeconds */
  advanceUntil(until: Until, maxSeconds: number): Promise<UntilResult>
  /** DRILL-API §5 planned operations */
  migrate(vmId: string, hostId?: string): Promise<void>
  enterMaintenance(nodeId: string): Promise<void>
  exitMaintenance(nodeId: string): Promise<void>
  upgrade(kind: 'aos' | 'ahv'): Promise<void>
  /** extensions (README "Drill API") */
  step(): Promise<number>
  play(): Promise<void>
  pause(): Promise<void>
  setSpeed(speed: number): Promise<void>
  acknowledgeAlert(alertId: string): Promise<void>
  setWarnThreshold(pct: number): Promise<void>
  /** DRILL-API §5: remove a disk; its data migrates at full RF first */
  removeDisk(diskId: string): Promise<void>
  /** DRILL-API §5: remove a node; its VMs, data, metadata and services move off first */
  removeNode(nodeId: string): Promise<void>
  /** DRILL-API §5: add a node (cluster expansion); refused with every problem, nothing changed */
  addNode(node: AddNodeInput): Promise<void>
  /** data growth rate in raw TB per simulated day (0 stops it) */
  setGrowthRate(tbPerDay: number): Promise<void>
  /** write this many raw TB of new data now; rejects when it does not fit below 95 % */
  writeData(tb: number): Promise<void>
  /** would the cluster heal if this node / block / rack failed now */
  whatIf(target: string): Promise<WhatIfResult>
  /** Settings → Manage VM High Availability (issue 7): 'guarantee' enables the reservation; rejects when the running VMs can't be protected */
  setHaMode(mode: 'default' | 'guarantee'): Promise<void>
  /** Settings → Cluster Fault Tolerance (DRILL-API §5 cluster.awarenessMode): rejects without a Zookeeper quorum */
  setAwarenessMode(mode: 'best-effort' | 'opt-in'): Promise<void>
  /** the recorded run { format, version, scenario, seed, actions: [{ at, op, args }], end } (issue 8; README "Runs") */
  /** run the loaded scenario afresh as a drill and evaluate its `expect` checks (README "Drills as data") */
  checkExpectations(settleSeconds?: number): Promise<DrillChecks>
  exportRun(): Promise<Run>
  /** load a run (object or JSON text) and replay it to its end; rejects naming every problem by path, nothing changes then */
  importRun(run: unknown): Promise<void>
  /** show the cluster exactly as it was at this simulated time of the run (0 … end) */
  travelTo(seconds: number): Promise<void>
}

declare global {
  interface Window {
    prismSim?: PrismSim
  }
}

export function installPrismSim(): void {
  const prismSim: PrismSim = {
    apiVersion: 1,
    listScenarios: () => simClient.listScenarios(),
    load: (s) => simClient.load(s),
    inject: (f) => simClient.inject(f),
    restore: (t) => simClient.restore(t),
    advance: (s) => simClient.advance(s),
    settle: (m) => simClient.settle(m),
    powerOn: (id) => simClient.powerOn(id),
    powerOff: (id) => simClient.powerOff(id),
    report: () => simClient.report(),
    advanceUntil: (u, m) => simClient.advanceUntil(u, m),
    loadXray: (f, o) => simClient.loadXray(f, o),
    migrate: (v, h) => simClient.migrate(v, h),
    enterMaintenance: (n) => simClient.enterMaintenance(n),
    exitMaintenance: (n) => simClient.exitMaintenance(n),
    upgrade: (k) => simClient.upgrade(k),
    step: () => simClient.step(),
    play: async () => play(),
    pause: async () => pause(),
    setSpeed: async (s) => {
      if (typeof s !== 'number' || !Number.isFinite(s) || s < 1 || s > 1_000_000) throw new Error(`speed must be a number from 1 to 1000000, got ${quote(s)}`)
      useSim.getState().setSpeed(s)
    },
    acknowledgeAlert: (id) => simClient.acknowledgeAlert(id),
    setWarnThreshold: (p) => simClient.setWarnThreshold(p),
    removeDisk: (d) => simClient.removeDisk(d),
    removeNode: (n) => simClient.removeNode(n),
    addNode: (n) => simClient.addNode(n),
    setGrowthRate: (r) => simClient.setGrowthRate(r),
    writeData: (tb) => simClient.writeData(tb),
    whatIf: (t) => simClient.whatIf(t),
    setHaMode: (m) => simClient.setHaMode(m),
    setAwarenessMode: (m) => simClient.setAwarenessMode(m),
    exportRun: () => simClient.exportRun(),
    checkExpectations: (s) => simClient.checkExpectations(s),
    importRun: (run) => simClient.importRun(run),
    travelTo: (s) => simClient.travelTo(s),
  }
  Object.defineProperty(window, 'prismSim', { value: Object.freeze(prismSim), configurable: true, writable: false })
}
