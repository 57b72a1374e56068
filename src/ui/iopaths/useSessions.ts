/** vDisk sessions from the store: which Stargate serves each running vDisk, whether the path is local, and what the session is doing. */
import { useMemo } from 'react'
import { POWER_ON, SESSION_ACTIVE, SESSION_LOGIN, SESSION_NONE, SESSION_STALLED } from '../bridge/types'
import { useSim } from '../store/simStore'

export type PathKind = 'local' | 'remote' | 'none'
export type SessionState = 'active' | 'stalled' | 'login' | 'none'

const STATE_OF: Record<number, SessionState> = { [SESSION_ACTIVE]: 'active', [SESSION_STALLED]: 'stalled', [SESSION_LOGIN]: 'login', [SESSION_NONE]: 'none' }

export interface Session {
  /** index into the vDisk arrays */
  vd: number
  vdiskId: string
  vm: number
  host: number
  /** serving Stargate (node index) or -1 */
  stargate: number
  path: PathKind
  state: SessionState
  /** Stargate of the login in flight, or -1 */
  loginTarget: number
  /** part of its data (or its metadata range) is unavailable: drawn as stalled, its I/O partly fails (DOMAIN.md §9) */
  dataUnavailable: boolean
}

const EMPTY: Session[] = []

/** Sessions of running VMs, in VM order (a VM's vDisks together). */
export function useSessions(): Session[] {
  const structure = useSim((s) => s.structure)
  const vms = useSim((s) => s.vms)
  const dataOk = useSim((s) => s.io?.vdiskDataOk ?? null)
  return useMemo(() => {
    if (!structure || !vms) return EMPTY
    const out: Session[] = []
    structure.vms.forEach((v, i) => {
      if (vms.power[i] !== POWER_ON) return
      const host = vms.host[i]
      for (let k = 0; k < v.vdiskCount; k++) {
        const vd = v.vdiskStart + k
        const sg = vms.vdiskStargate[vd]
        const dataUnavailable = dataOk !== null && dataOk[vd] === 0
        const state = STATE_OF[vms.vdiskSession[vd]] ?? 'none'
        out.push({
          vd,
          vdiskId: structure.vdiskIds[vd],
          vm: i,
          host,
          stargate: sg,
          path: sg < 0 ? 'none' : sg === host ? 'local' : 'remote',
          state: dataUnavailable && state === 'active' ? 'stalled' : state,
          loginTarget: vms.vdiskLoginTarget[vd],
          dataUnavailable,
        })
      }
    })
    return out
  }, [structure, vms, dataOk])
}
