/** The Storage Summary gear: set the warning threshold (% of resilient capacity). */
import { useState } from 'react'
import { simClient } from '../bridge/client'
import { Modal } from '../common/Modal'
import { useSim } from '../store/simStore'

export function ThresholdDialog(props: { onClose: () => void }) {
  const current = useSim((s) => s.summary?.storage.warnThresholdPct ?? 75)
  const [value, setValue] = useState(String(current))
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    try {
      await simClient.setWarnThreshold(value.trim() === '' ? Number.NaN : Number(value))
      props.onClose()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return (
    <Modal title="Storage Summary threshold" onClose={props.onClose}>
      <form
        noValidate
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <label className="flex items-center gap-2 text-sm">
          Warn when usage reaches
          <input type="number" min={1} max={100} value={value} onChange={(e) => setValue(e.target.value)} className="w-20 rounded border border-slate-300 px-2 py-1" aria-label="Warning threshold (% of resilient capacity)" />
          % of resilient capacity
        </label>
        {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={props.onClose}>Cancel</button>
          <button type="submit" className="btn-primary">Save</button>
        </div>
      </form>
    </Modal>
  )
}
