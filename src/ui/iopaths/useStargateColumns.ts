/** The nodes the I/O Paths page draws (a node removed from the cluster is not), in node order; stable while they stay the same. */
import { useMemo } from 'react'
import { useSim } from '../store/simStore'

export function useStargateColumns(): number[] {
  const count = useSim((s) => s.structure?.nodes.length ?? 0)
  // as a key: the state section is a new object every delta
  const gone = useSim((s) => (s.state?.removal ? Array.from(s.state.removal).flatMap((x, i) => (x === 2 ? [i] : [])).join(',') : ''))
  return useMemo(() => {
    const out: number[] = []
    const removed = new Set(gone === '' ? [] : gone.split(',').map(Number))
    for (let i = 0; i < count; i++) if (!removed.has(i)) out.push(i)
    return out
  }, [count, gone])
}
