/** Session counts by path, the controller figures, and the redirector's settings. */
import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'
import { formatBandwidth, formatIops, formatLatency } from './ioFormat'

function Stat(props: { label: string; value: string; testId?: string; tone?: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-[11px] uppercase tracking-wide text-slate-500">{props.label}</dt>
      <dd className={`text-lg tabular-nums ${props.tone ?? 'text-slate-900'}`} data-testid={props.testId}>{props.value}</dd>
    </div>
  )
}

/** `unavailable`: sessions of running VMs whose data (or metadata range) is unavailable: stalled, their I/O fails (DOMAIN.md §9) */
export function IoSummary(props: { unavailable: number }) {
  const io = useSim((s) => s.io)
  const structure = useSim((s) => s.structure)!
  const p = structure.ioPath
  const s = io?.sessions ?? { local: 0, remote: 0, none: 0, connections: 0 }
  return (
    <Widget title="vDisk sessions" testId="iopath-summary">
      <dl className="grid grid-cols-4 gap-3 sm:grid-cols-8">
        <Stat label="Local" value={String(s.local)} testId="paths-local" tone="text-emerald-700" />
        <Stat label="Remote" value={String(s.remote)} testId="paths-remote" tone={s.remote > 0 ? 'text-amber-700' : undefined} />
        <Stat label="No path" value={String(s.none)} testId="paths-none" tone={s.none > 0 ? 'text-red-700' : undefined} />
        <Stat label="Data unavailable" value={String(props.unavailable)} testId="paths-unavailable" tone={props.unavailable > 0 ? 'text-red-700' : undefined} />
        <Stat label="iSCSI connections" value={String(s.connections)} testId="paths-connections" />
        <Stat label="Controller IOPS" value={formatIops(io?.cluster.iops ?? 0)} testId="io-iops" />
        <Stat label="IO B/W" value={formatBandwidth(io?.cluster.bandwidthBps ?? 0)} />
        <Stat label="IO latency" value={formatLatency(io?.cluster.latencyMs ?? 0)} testId="io-latency" />
      </dl>
      <p className="mt-2 text-xs text-slate-500" data-testid="redirector-settings">
        Each host's iSCSI redirector (127.0.0.1:3261) sends NOP-OUT to every Stargate every {p.healthCheckSeconds} s; a login takes {p.loginSeconds} s;
        a remote Stargate is chosen {p.redirect === 'random' ? 'at random' : 'round robin'}; sessions fail back once the local Stargate has been healthy for {p.failbackSeconds} s.
        Frodo opens {p.connectionsPerFrodoVdisk} connections per vDisk.
      </p>
    </Widget>
  )
}
