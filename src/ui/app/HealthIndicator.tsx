/** Top-bar health icon: green / yellow / red from the unresolved alerts. */
import { useSim } from '../store/simStore'
import { navigate } from './routes'

export function useClusterHealth(): 'good' | 'warning' | 'critical' {
  return useSim((s) => {
    let worst: 'good' | 'warning' | 'critical' = 'good'
    for (const a of s.alerts) {
      if (a.resolvedTime !== null) continue
      if (a.severity === 'critical') return 'critical'
      if (a.severity === 'warning') worst = 'warning'
    }
    return worst
  })
}

const COLOR = { good: 'bg-emerald-500', warning: 'bg-amber-400', critical: 'bg-red-500' }
const WORD = { good: 'Good', warning: 'Warning', critical: 'Critical' }

export function HealthIndicator() {
  const health = useClusterHealth()
  return (
    <button type="button" className="topbar-btn flex items-center gap-1.5" aria-label={`Health: ${WORD[health]}`} data-testid="health-indicator" data-state={health} onClick={() => navigate('health')}>
      <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ${COLOR[health]}`} />
      <span className="hidden text-xs lg:inline">Health</span>
    </button>
  )
}
