/**
 * The Cassandra metadata ring: members in ring order on a circle (d3 computes angles,
 * colours and arcs; React draws), coloured by block or rack, with Zookeeper servers,
 * the Acropolis leader, and the token range replicas of the selected member.
 */
import { arc, scaleOrdinal, schemeTableau10 } from 'd3'
import { useMemo, useState } from 'react'
import { useSim } from '../store/simStore'

const SIZE = 480
const R = 160
/** Tableau 10 without its red: red on this page means a CVM that is down, never a block. */
const UNIT_COLOURS = schemeTableau10.filter((c) => c !== '#e15759')

export function RingDiagram() {
  const structure = useSim((s) => s.structure)!
  const state = useSim((s) => s.state)!
  const [selected, setSelected] = useState<number | null>(null)
  const colorBy = structure.racks.length > 1 ? 'rack' : 'block'
  const color = useMemo(() => scaleOrdinal<number, string>(UNIT_COLOURS), [])
  // a node removed from the cluster left the ring for good: not drawn
  const ring = useMemo(() => state.ringOrder.filter((n) => (state.removal?.[n] ?? 0) !== 2), [state.ringOrder, state.removal])
  const members = ring.filter((n) => state.ringMember[n] === 1)
  const rfm = structure.metadataReplicationFactor
  const angle = (i: number) => (i / ring.length) * 2 * Math.PI
  const pos = (i: number, r = R) => [SIZE / 2 + r * Math.sin(angle(i)), SIZE / 2 - r * Math.cos(angle(i))] as const
  const replicas = useMemo(() => {
    if (selected === null) return []
    const start = members.indexOf(selected)
    if (start < 0) return []
    return Array.from({ length: Math.min(rfm, members.length) }, (_, k) => members[(start + k) % members.length])
  }, [selected, members, rfm])
  const rangeArc = useMemo(() => {
    if (selected === null || replicas.length === 0) return null
    const i0 = ring.indexOf(replicas[0])
    const i1 = ring.indexOf(replicas[replicas.length - 1])
    const span = ((i1 - i0 + ring.length) % ring.length) + 1
    return arc()({ innerRadius: R + 22, outerRadius: R + 30, startAngle: angle(i0) - Math.PI / ring.length, endAngle: angle(i0) + (span - 0.5) * ((2 * Math.PI) / ring.length) })
  }, [selected, replicas, ring]) // eslint-disable-line react-hooks/exhaustive-deps
  const unitOf = (n: number) => (colorBy === 'rack' ? structure.nodes[n].rack : structure.nodes[n].block)
  const unitName = (n: number) => (colorBy === 'rack' ? structure.racks[structure.nodes[n].rack].id : structure.blocks[structure.nodes[n].block].id)
  return (
    <div className="flex flex-wrap items-start justify-center gap-4">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="w-full max-w-[500px]" role="group" aria-label="Cassandra metadata ring">
        <circle cx={SIZE / 2} cy={SIZE / 2} r={R} fill="none" stroke="#cbd5e1" strokeWidth={2} />
        {rangeArc && <path d={rangeArc} transform={`translate(${SIZE / 2},${SIZE / 2})`} fill="#0ea5e9" opacity={0.5} />}
        {ring.map((n, i) => {
          const [x, y] = pos(i)
          const inRing = state.ringMember[n] === 1
          const up = state.hostState[n] === 0 && state.cvmState[n] === 0
          const zk = state.zookeeper.includes(n)
          const isReplica = replicas.includes(n)
          const label = `${structure.nodes[n].id}, ${unitName(n)}${zk ? ', Zookeeper' : ''}${state.leader === n ? ', Acropolis leader' : ''}${inRing ? '' : ', removed from the ring'}${up ? '' : ', CVM down'}`
          return (
            <g
              key={n}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={selected === n}
              data-testid={`ring-${structure.nodes[n].id}`}
              data-in-ring={inRing}
              className="cursor-pointer outline-none"
              onClick={() => setSelected(selected === n ? null : n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault()
                  setSelected(selected === n ? null : n)
                }
              }}
            >
              <circle cx={x} cy={y} r={isReplica ? 15 : 12} fill={inRing ? color(unitOf(n)) : '#fff'} stroke={up ? (selected === n ? '#0f172a' : '#fff') : '#dc2626'} strokeWidth={up ? 2 : 3} strokeDasharray={inRing ? undefined : '3 2'} opacity={up ? 1 : 0.55} />
              {zk && <text x={x} y={y} dy="0.35em" textAnchor="middle" fontSize="10" fontWeight="700" fill="#fff">ZK</text>}
              {state.leader === n && <text x={x + 11} y={y - 9} fontSize="12" fill="#f59e0b" aria-hidden="true">★</text>}
            </g>
          )
        })}
        {ring.map((n, i) => {
          const [lx, ly] = pos(i, R + 36)
          return (
            <text key={`label-${n}`} x={lx} y={ly} dy="0.35em" textAnchor="middle" fontSize="12" fill="#334155" aria-hidden="true">
              {structure.nodes[n].id}
            </text>
          )
        })}
        <text x={SIZE / 2} y={SIZE / 2 - 6} textAnchor="middle" fontSize="14" fill="#334155">RF{rfm} metadata</text>
        <text x={SIZE / 2} y={SIZE / 2 + 12} textAnchor="middle" fontSize="12" fill="#475569">{members.length} of {ring.length} in ring</text>
      </svg>
      <div className="flex min-w-[220px] max-w-sm flex-1 flex-col gap-2 text-xs">
        <p className="text-slate-600">Colour: {colorBy} of each member. ZK = Zookeeper server, ★ = Acropolis leader, red rim = CVM down, dashed = removed from the ring.</p>
        <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label={`Colours by ${colorBy}`}>
          {(colorBy === 'rack' ? structure.racks : structure.blocks).map((u, i) => (
            <li key={u.id} className="flex items-center gap-1.5 text-slate-700">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: color(i) }} />
              {u.id}
            </li>
          ))}
        </ul>
        {selected !== null ? (
          <div data-testid="token-range">
            <p className="font-semibold text-slate-800">Token range owned by {structure.nodes[selected].id}</p>
            <p className="text-slate-600">Stored on the owner and the next {rfm - 1} members clockwise:</p>
            <ol className="list-decimal pl-5">
              {replicas.map((n) => (
                <li key={n}>{structure.nodes[n].id} <span className="text-slate-500">({unitName(n)})</span></li>
              ))}
            </ol>
            <p className="mt-1 text-slate-600">
              Quorum {Math.floor(rfm / 2) + 1} of {rfm}: {replicas.filter((n) => state.hostState[n] === 0 && state.cvmState[n] === 0).length} replicas up.
            </p>
          </div>
        ) : (
          <p className="text-slate-500">Select a member to see the replicas of its token range.</p>
        )}
      </div>
    </div>
  )
}
