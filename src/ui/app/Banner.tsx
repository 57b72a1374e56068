import { useSim } from '../store/simStore'

/** Start-up problems (e.g. a wrong URL parameter), named and kept visible until dismissed. */
export function Banner() {
  const banner = useSim((s) => s.banner)
  const setBanner = useSim((s) => s.setBanner)
  if (!banner) return null
  return (
    <div role="alert" data-testid="startup-banner" className="flex items-start gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <span className="flex-1 whitespace-pre-line">{banner}</span>
      <button type="button" className="btn-secondary" onClick={() => setBanner(null)}>
        Dismiss
      </button>
    </div>
  )
}
