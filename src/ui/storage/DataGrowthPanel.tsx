/**
 * Usage over time: the data growth rate (raw TB per simulated day) and a one-off write.
 * The model validates both and its refusal is shown as is.
 */
import { useState, type FormEvent } from 'react'
import { simClient } from '../bridge/client'
import { formatBytes } from '../format'
import { useSim } from '../store/simStore'

const TB = 1e12

function useAction(run: (value: number) => Promise<void>, done: (value: number) => string) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const submit = async (e: FormEvent, raw: string) => {
    e.preventDefault()
    setBusy(true)
    setResult(null)
    const value = raw.trim() === '' ? Number.NaN : Number(raw)
    try {
      await run(value)
      setResult({ ok: true, text: done(value) })
    } catch (err) {
      setResult({ ok: false, text: (err as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return { busy, result, submit }
}

function Result(props: { result: { ok: boolean; text: string } | null }) {
  if (!props.result) return null
  return props.result.ok ? (
    <p role="status" className="text-xs text-emerald-700">{props.result.text}</p>
  ) : (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-800">{props.result.text}</p>
  )
}

export function DataGrowthPanel() {
  const storage = useSim((s) => s.summary?.storage)
  const [rate, setRate] = useState('')
  const [size, setSize] = useState('')
  const rateAction = useAction((v) => simClient.setGrowthRate(v), (v) => (v === 0 ? 'Data growth stopped.' : `Data growth set to ${v} TB (${formatBytes(v * TB)}) per day.`))
  const writeAction = useAction((v) => simClient.writeData(v), (v) => `${v} TB (${formatBytes(v * TB)}) written.`)
  if (!storage) return null
  const perDay = storage.growthBytesPerDay
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="data-growth">
      <p className="text-xs text-slate-600">
        Growth now: <strong data-testid="growth-rate">{perDay > 0 ? `${formatBytes(perDay)} per day` : 'none'}</strong> (raw, replicas included; written
        hourly at full RF). Writable before Stargate's 95 % read-only limit: <strong>{formatBytes(storage.writableBytes)}</strong>.
      </p>
      <form noValidate onSubmit={(e) => void rateAction.submit(e, rate)} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Growth rate (TB per day)
          <input type="number" min={0} step="any" value={rate} onChange={(e) => setRate(e.target.value)} className="w-32 rounded border border-slate-300 px-2 py-1 text-sm text-slate-900" />
        </label>
        <button type="submit" className="btn-primary" disabled={rateAction.busy}>
          Set rate
        </button>
      </form>
      <Result result={rateAction.result} />
      <form noValidate onSubmit={(e) => void writeAction.submit(e, size)} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Write data now (TB, raw)
          <input type="number" min={0} step="any" value={size} onChange={(e) => setSize(e.target.value)} className="w-32 rounded border border-slate-300 px-2 py-1 text-sm text-slate-900" />
        </label>
        <button type="submit" className="btn-secondary" disabled={writeAction.busy}>
          Write
        </button>
      </form>
      <Result result={writeAction.result} />
    </div>
  )
}
