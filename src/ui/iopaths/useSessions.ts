/** vDisk sessions from the store: which Stargate serves each vDisk and whether the path is local. */
import { useMemo } from 'react'
import { useSim } from '../store/simStore'

export interface Session {
  vdiskId: string
  vm: number
  host: number
  stargate: number
  path: 'local' | 'remote' | 'none'
}

export function useSessions(): Session[] {
  const structure = useSim((s) => s.structure)
  const vms = useSim((s) => s.vms)
  return useMemo(() => {
    if (!structure || !vms) return []
    const out: Session[] = []
    structure.vms.forEach((v, i) => {
      if (vms.power[i] === 1) return
      const host = vms.host[i]
      for (let k = 0; k < v.vdiskCount; k++) {
        const vd = v.vdiskStart + k
        const sg = vms.vdiskStargate[vd]
        out.push({ vdiskId: structure.vdiskIds[vd], vm: i, host, stargate: sg, path: sg < 0 ? 'none' : sg === host ? 'local' : 'remote' })
      }
    })
    return out
  }, [structure, vms])
}
