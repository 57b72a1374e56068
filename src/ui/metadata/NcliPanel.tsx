/** A CVM shell that runs `ncli cluster get-domain-fault-tolerance-status type=…` against the model. */
import { useEffect, useState } from 'react'
import { simClient } from '../bridge/client'
import { useSim } from '../store/simStore'

const TYPES = ['node', 'rackable_unit', 'rack', 'disk'] as const
type NcliType = (typeof TYPES)[number]

export function NcliPanel() {
  const [type, setType] = useState<NcliType>('node')
  const [out, setOut] = useState('')
  const version = useSim((s) => s.summary?.version)
  useEffect(() => {
    let live = true
    simClient.ncli(type).then(
      (text) => live && setOut(text),
      (e: Error) => live && setOut(`Error: ${e.message}`),
    )
    return () => {
      live = false
    }
  }, [type, version])
  return (
    <div className="flex flex-col gap-2">
      <div role="radiogroup" aria-label="Domain type" className="flex gap-2 text-xs">
        {TYPES.map((t) => (
          <label key={t} className="flex items-center gap-1">
            <input type="radio" name="ncli-type" checked={type === t} onChange={() => setType(t)} />
            {t}
          </label>
        ))}
      </div>
      <pre data-testid="ncli-output" className="max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100" aria-label="ncli output">
        <span className="text-emerald-400">nutanix@cvm$ </span>
        {`ncli cluster get-domain-fault-tolerance-status type=${type}\n`}
        {out}
      </pre>
    </div>
  )
}
