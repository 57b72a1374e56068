/**
 * Settings → Cluster Fault Tolerance: block/rack fault tolerance best effort or opt-in
 * (DOMAIN.md §12; judged.ts has the rules). A configuration change like any other: it goes
 * through the one pre-check (precheck.ts, a Zookeeper quorum first); a refusal changes
 * nothing. The status is re-judged at once (no data moves: placement already follows the
 * awareness the cluster can hold).
 */
import { SimError } from '../kernel/errors'
import type { ClusterLog } from '../kernel/log'
import type { ClusterSpec } from '../scenario/normalize'
import type { AwarenessMode, Domain } from '../types'
import { configurationChangeProblem, type PrecheckContext } from './precheck'

export interface AwarenessModeContext {
  readonly spec: ClusterSpec
  readonly log: ClusterLog
  readonly effectiveAwareness: Domain
  /** the fault tolerance is re-evaluated now (its status follows the mode) */
  faultToleranceEvaluated(): void
  checkResiliencyAlerts(): void
}

export const AWARENESS_MODES: readonly AwarenessMode[] = ['best-effort', 'opt-in']

export function setAwarenessMode(ctx: AwarenessModeContext, precheck: PrecheckContext, mode: unknown): void {
  if (mode !== 'best-effort' && mode !== 'opt-in') throw new SimError(`awareness mode must be "best-effort" or "opt-in", got ${JSON.stringify(mode) ?? String(mode)}`)
  const { spec } = ctx
  if (spec.awarenessMode === mode) return
  const problem = configurationChangeProblem(precheck, { kind: 'awarenessMode', mode })
  if (problem) throw new SimError(`cannot change the fault tolerance to ${mode}: ${problem}`)
  spec.awarenessMode = mode
  const d = spec.desiredAwareness
  const text =
    mode === 'opt-in'
      ? `${cap(d)} fault tolerance set to opt-in: Data Resiliency is judged against ${d} failures${ctx.effectiveAwareness !== d ? ` (the cluster holds ${ctx.effectiveAwareness} awareness only)` : ''}`
      : `${cap(d)} fault tolerance set to best effort: Data Resiliency is judged against ${ctx.effectiveAwareness} failures, the awareness in force`
  ctx.log.event('info', 'FaultToleranceModeChanged', null, text)
  ctx.faultToleranceEvaluated()
  ctx.checkResiliencyAlerts()
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
