/**
 * Power on / Power off for one VM through the simulation. A refusal (e.g. the host is
 * down, or Guarantee-mode admission: no valid failover segment layout) is shown inside the
 * details panel in Prism's red error box and as a toast. A VM waiting for its HA restart
 * may be powered on by hand (admission decides) or off (the HA restart is then dropped).
 */
import { useState } from 'react'
import { simClient } from '../bridge/client'
import { useSim } from '../store/simStore'
import { ErrorMessage } from './ErrorMessage'
import type { PowerState } from './vmRows'

type Action = 'on' | 'off'

export function VmPowerActions(props: { vmId: string; vmName: string; power: PowerState }) {
  const [busy, setBusy] = useState<Action | null>(null)
  const [error, setError] = useState<{ action: Action; message: string } | null>(null)
  const run = async (action: Action) => {
    setBusy(action)
    setError(null)
    try {
      if (action === 'on') await simClient.powerOn(props.vmId)
      else await simClient.powerOff(props.vmId)
    } catch (e) {
      const message = (e as Error).message
      setError({ action, message })
      useSim.getState().toast('error', message)
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Actions for ${props.vmName}`}>
        <button type="button" className="btn-primary" disabled={busy !== null || props.power === 'on'} onClick={() => void run('on')}>
          Power on
        </button>
        <button type="button" className="btn-danger" disabled={busy !== null || props.power === 'off'} onClick={() => void run('off')}>
          Power off
        </button>
      </div>
      {props.power === 'restarting' && <p className="text-xs text-amber-700">Its host failed: HA restarts it at T120 (see the VM High Availability page).</p>}
      {error && (
        <ErrorMessage
          title={`Could not power ${error.action} ${props.vmName}`}
          message={error.message}
          onDismiss={() => setError(null)}
        />
      )}
    </div>
  )
}
