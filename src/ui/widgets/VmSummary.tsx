import { navigate } from '../app/routes'
import { Widget } from '../common/Widget'
import { useVmCounts } from './useCounts'

export function VmSummary() {
  const c = useVmCounts()
  return (
    <Widget title="VM Summary">
      <button type="button" className="flex w-full items-center gap-4 rounded p-1 text-left hover:bg-slate-50" onClick={() => navigate('vms')} aria-label={`${c.total} VMs: open the VM page`}>
        <span className="text-3xl font-light text-slate-800">{c.total}</span>
        <dl className="grid flex-1 grid-cols-2 gap-x-3 text-xs text-slate-600">
          <dt className="flex items-center gap-1"><span aria-hidden="true" className="h-2 w-2 rounded-full bg-emerald-500" />On</dt>
          <dd className="text-right font-medium text-slate-800" data-testid="vms-on">{c.on}</dd>
          <dt className="flex items-center gap-1"><span aria-hidden="true" className="h-2 w-2 rounded-full bg-slate-400" />Off</dt>
          <dd className="text-right">{c.off}</dd>
          <dt className="flex items-center gap-1"><span aria-hidden="true" className="h-2 w-2 rounded-full bg-amber-400" />Restarting</dt>
          <dd className="text-right">{c.restarting}</dd>
        </dl>
      </button>
    </Widget>
  )
}
