/** Report.xray from the worker, fetched again whenever the simulated time or the load changes. */
import { useEffect, useState } from 'react'
import type { XrayReport } from '../../model/xray/types'
import { simClient } from '../bridge/client'
import { useSim } from '../store/simStore'

export function useXray(): { report: XrayReport | null; error: string | null } {
  const time = useSim((s) => s.time)
  const loadId = useSim((s) => s.structure?.loadId ?? -1)
  const [report, setReport] = useState<XrayReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    simClient.xrayReport().then(
      (r) => { if (live) { setReport(r); setError(null) } },
      (e: Error) => { if (live) setError(e.message) },
    )
    return () => { live = false }
  }, [time, loadId])
  return { report, error }
}
