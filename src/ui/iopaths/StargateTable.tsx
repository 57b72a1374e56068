/** Every Stargate with the vDisk sessions it serves (how many remote), its IOPS, queue load and latency. */
import { useMemo } from 'react'
import { DataTable, type Column } from '../common/DataTable'
import { formatPct } from '../format'
import { useSim } from '../store/simStore'
import { formatIops, formatLatency } from './ioFormat'

interface Row {
  id: string
  ip: string
  state: 'Up' | 'Down'
  sessions: number
  remote: number
  iops: number
  util: number
  latency: number
}

const COLUMNS: Column<Row>[] = [
  { key: 'id', header: 'Stargate (CVM)', value: (r) => r.id },
  { key: 'ip', header: 'Portal', value: (r) => `${r.ip}:3261` },
  { key: 'state', header: 'State', value: (r) => r.state, render: (r) => <span className={r.state === 'Up' ? 'text-emerald-700' : 'font-semibold text-red-700'}>{r.state}</span> },
  { key: 'sessions', header: 'vDisk sessions', value: (r) => r.sessions, align: 'right' },
  { key: 'remote', header: 'Remote sessions', value: (r) => r.remote, align: 'right' },
  { key: 'iops', header: 'IOPS', value: (r) => Math.round(r.iops), render: (r) => formatIops(r.iops), align: 'right' },
  { key: 'util', header: 'Queue load', value: (r) => r.util, render: (r) => formatPct(r.util), align: 'right' },
  { key: 'latency', header: 'Latency', value: (r) => r.latency, render: (r) => formatLatency(r.latency), align: 'right' },
]

export function StargateTable() {
  const structure = useSim((s) => s.structure)!
  const state = useSim((s) => s.state)
  const io = useSim((s) => s.io)
  const rows = useMemo<Row[]>(
    () =>
      // a removed node's Stargate is no longer listed
      structure.nodes.flatMap((n, i) => ((state?.removal?.[i] ?? 0) === 2 ? [] : [{
        id: n.id,
        ip: n.cvmIp,
        state: state && state.hostState[i] === 0 && state.cvmState[i] === 0 ? 'Up' : 'Down',
        sessions: io?.sgSessions[i] ?? 0,
        remote: io?.sgRemoteSessions[i] ?? 0,
        iops: io?.sgIops[i] ?? 0,
        util: io?.sgUtil[i] ?? 0,
        latency: io?.sgLatencyMs[i] ?? 0,
      }])),
    [structure, state, io],
  )
  return <DataTable label="Stargates" rows={rows} columns={COLUMNS} rowKey={(r) => r.id} rowTestId={(r) => `stargate-row-${r.id}`} pageSize={16} exportName="stargates" />
}
