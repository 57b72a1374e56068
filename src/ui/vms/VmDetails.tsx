/** The side panel next to the VM table for the selected VM: its facts, vDisks and power actions. */
import type { ReactNode } from 'react'
import { formatBytes } from '../format'
import { formatBandwidth, formatIops, formatLatency } from '../iopaths/ioFormat'
import { useSim } from '../store/simStore'
import { PowerStateLabel } from './PowerStateLabel'
import { VdiskList } from './VdiskList'
import { VmPowerActions } from './VmPowerActions'
import { VmMigrateAction } from './VmMigrateAction'
import type { VmRow } from './vmRows'

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-[11px] uppercase tracking-wide text-slate-600">{props.label}</dt>
      <dd className="text-sm text-slate-900">{props.children}</dd>
    </div>
  )
}

export function VmDetails(props: { row: VmRow; onClose: () => void }) {
  const { row } = props
  const structure = useSim((s) => s.structure)
  const vms = useSim((s) => s.vms)
  const io = useSim((s) => s.io)
  if (!structure || !vms) return null
  const home = structure.nodes[structure.vms[row.index].homeHost]?.id ?? '—'
  return (
    <section aria-labelledby="vm-details-title" data-testid="vm-details" className="rounded border border-slate-200 bg-white shadow-sm">
      <header className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <h2 id="vm-details-title" className="text-[13px] font-semibold uppercase tracking-wide text-slate-600">
          VM details: <span className="normal-case text-slate-900">{row.name}</span>
        </h2>
        <button type="button" className="btn-secondary" onClick={props.onClose}>
          Close details
        </button>
      </header>
      <div className="flex flex-col gap-4 p-3">
        <div className="flex flex-col gap-3">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-2">
            <Fact label="Name">{row.name}</Fact>
            <Fact label="ID">{row.id}</Fact>
            <Fact label="Power state"><PowerStateLabel power={row.power} /></Fact>
            <Fact label="Host">{row.host ?? '—'}</Fact>
            <Fact label="Home host">{home}</Fact>
            <Fact label="IP addresses">{row.ip ?? '—'}</Fact>
            <Fact label="Cores">{row.vcpus}</Fact>
            <Fact label="Memory">{formatBytes(row.memoryBytes)}</Fact>
            <Fact label="I/O path">{row.ioPath}</Fact>
            <Fact label="Controller IOPS">{formatIops(row.readIops + row.writeIops)}</Fact>
            <Fact label="IO bandwidth">{formatBandwidth(row.bandwidthBps)}</Fact>
            <Fact label="IO latency">{formatLatency(row.latencyMs)}</Fact>
            <Fact label="I/O errors">
              <span data-testid="vm-details-io-errors" className={row.errorsPerSecond > 0 ? 'font-semibold text-red-700' : undefined}>
                {row.errorsPerSecond > 0 ? `${formatIops(row.errorsPerSecond)}/s` : 'None'}
              </span>
            </Fact>
          </dl>
          {row.vdisksUnavailable > 0 && row.power !== 'off' && (
            <p role="alert" data-testid="vm-data-unavailable" className="rounded-sm border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-800">
              {row.vdisksUnavailable} of its {row.vdisks} vDisks cannot reach all their data (copies offline, or no metadata quorum): the guest sees I/O
              errors until the data is back. The VM stays on.
            </p>
          )}
          <VmPowerActions key={row.id} vmId={row.id} vmName={row.name} power={row.power} />
          <VmMigrateAction key={`m-${row.id}`} vmId={row.id} vmName={row.name} running={row.power === 'on'} />
        </div>
        <div>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Virtual disks ({row.vdisks})</h3>
          <VdiskList structure={structure} vms={vms} io={io} index={row.index} />
        </div>
      </div>
    </section>
  )
}
