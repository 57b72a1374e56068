/**
 * Migrate (live migration, README "Planned operations"): choose a host or let the placement
 * pick; the VM keeps running while its memory is copied (VmMigrate task). A refusal
 * (affinity, Guarantee-mode layout, memory, maintenance) is shown with its reason.
 */
import { useMemo, useState } from 'react'
import { simClient } from '../bridge/client'
import { useSim } from '../store/simStore'
import { ErrorMessage } from './ErrorMessage'

export function VmMigrateAction(props: { vmId: string; vmName: string; running: boolean }) {
  const structure = useSim((s) => s.structure)
  const removal = useSim((s) => s.state?.removal)
  // a host removed from the cluster takes no VM: not offered (the model would refuse it)
  const gone = removal ? Array.from(removal).join('') : ''
  const hosts = useMemo(() => structure?.nodes.filter((_, i) => gone[i] !== '2').map((n) => n.id) ?? [], [structure, gone])
  const [target, setTarget] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      await simClient.migrate(props.vmId, target === '' ? undefined : target)
      useSim.getState().toast('info', `Live migration of ${props.vmName} started`)
    } catch (e) {
      const message = (e as Error).message
      setError(message)
      useSim.getState().toast('error', message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-xs text-slate-600" htmlFor={`migrate-${props.vmId}`}>
          Migrate to
        </label>
        <select id={`migrate-${props.vmId}`} className="rounded border border-slate-300 px-1 py-0.5 text-sm" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="vm-migrate-host">
          <option value="">Automatic (placement picks)</option>
          {hosts.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <button type="button" className="btn-secondary" disabled={busy || !props.running} onClick={() => void run()} data-testid="vm-migrate">
          Migrate
        </button>
      </div>
      {error && <ErrorMessage title={`Could not migrate ${props.vmName}`} message={error} onDismiss={() => setError(null)} />}
    </div>
  )
}
