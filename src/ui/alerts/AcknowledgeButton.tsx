/** Acknowledge one alert through the simulation; a refusal is shown as an error toast. */
import { useState } from 'react'
import type { SimAlert } from '../bridge/types'
import { simClient } from '../bridge/client'
import { useSim } from '../store/simStore'
import { typeTitle } from './typeTitle'

export function AcknowledgeButton(props: { alert: SimAlert }) {
  const { alert } = props
  const [busy, setBusy] = useState(false)
  const onClick = async () => {
    setBusy(true)
    try {
      await simClient.acknowledgeAlert(alert.id)
    } catch (e) {
      useSim.getState().toast('error', (e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <button
      type="button"
      className="btn-secondary"
      disabled={busy}
      aria-label={`Acknowledge ${typeTitle(alert.type)}${alert.entity ? ` on ${alert.entity}` : ''}`}
      onClick={() => void onClick()}
    >
      Acknowledge
    </button>
  )
}
