/**
 * Storage Summary threshold: the % of resilient capacity at which Prism warns. The model
 * validates the value; its refusal is shown as is.
 */
import { useState, type FormEvent } from 'react'
import { simClient } from '../bridge/client'
import { useSim } from '../store/simStore'
import { SettingsSection } from './SettingsSection'

export function ThresholdSetting(props: { current: number }) {
  const [value, setValue] = useState(String(props.current))
  const [shown, setShown] = useState(props.current)
  if (shown !== props.current) {
    // the threshold changed (here or through the drill API): show the new value
    setShown(props.current)
    setValue(String(props.current))
  }
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setResult(null)
    const pct = value.trim() === '' ? Number.NaN : Number(value)
    try {
      await simClient.setWarnThreshold(pct)
      setResult({ ok: true, text: `Saved: Prism warns at ${pct} % of resilient capacity.` })
    } catch (err) {
      const msg = (err as Error).message
      setResult({ ok: false, text: msg })
      useSim.getState().toast('error', msg)
    } finally {
      setBusy(false)
    }
  }
  return (
    <SettingsSection id="threshold" title="Storage Summary threshold">
      <p>
        The Storage Summary turns amber when used storage passes this percentage of the resilient capacity (the gray line). Past the
        resilient capacity itself, the cluster could no longer rebuild all data after losing a unit of its failure domain. Currently{' '}
        <strong data-testid="threshold-current">{props.current} %</strong>.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Warning threshold (%)
          <input
            type="number"
            min={1}
            max={100}
            step={1}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            className="w-28 rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
          />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          Save
        </button>
      </form>
      {result &&
        (result.ok ? (
          <p role="status" className="text-emerald-700">{result.text}</p>
        ) : (
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">{result.text}</p>
        ))}
    </SettingsSection>
  )
}
