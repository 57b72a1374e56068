/** The typed-array buffers of a delta: handed over to the UI thread without copying. */
import { patchBuffers } from './patch'
import type { Delta } from './protocol'

export function deltaBuffers(d: Delta): ArrayBuffer[] {
  const out: ArrayBuffer[] = []
  const { state, vms, io } = d
  if (state) out.push(state.hostState.buffer as ArrayBuffer, state.cvmState.buffer as ArrayBuffer, state.diskMode.buffer as ArrayBuffer, state.diskUsedBytes.buffer as ArrayBuffer, state.diskPhase.buffer as ArrayBuffer, state.ringMember.buffer as ArrayBuffer)
  if (vms) for (const p of [vms.host, vms.power, vms.frodo, vms.vdiskStargate, vms.vdiskSession, vms.vdiskLoginTarget]) patchBuffers(p, out)
  if (io) {
    for (const p of [io.vmReadIops, io.vmWriteIops, io.vmBandwidthBps, io.vmLatencyMs, io.vdiskLatencyMs]) patchBuffers(p, out)
    out.push(io.sgSessions.buffer as ArrayBuffer, io.sgRemoteSessions.buffer as ArrayBuffer, io.sgIops.buffer as ArrayBuffer, io.sgUtil.buffer as ArrayBuffer, io.sgLatencyMs.buffer as ArrayBuffer)
  }
  return out
}
