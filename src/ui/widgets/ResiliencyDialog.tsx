/** The Data Resiliency Status dialog: Failures Tolerable per component and domain, with messages. */
import { COMPONENTS, DOMAIN_TYPES } from '../bridge/types'
import { Modal } from '../common/Modal'
import { formatBytes } from '../format'
import { RebuildProgress } from '../resiliency/RebuildProgress'
import { useSim } from '../store/simStore'
import { DOMAIN_TYPE_LABEL } from './labels'
import { COMPONENT_WORD } from '../../model/storage/tolerance/judged'


export function ResiliencyDialog(props: { onClose: () => void }) {
  const summary = useSim((s) => s.summary)
  const structure = useSim((s) => s.structure)
  if (!summary || !structure) return null
  // only the domains that apply (our rule): disk and node always, block and rack when the cluster has more than one
  const applies = (dt: string) => (dt === 'RACK' ? structure.racks.length > 1 : dt === 'RACKABLE_UNIT' ? structure.blocks.length > 1 : true)
  const rows = DOMAIN_TYPES.filter(applies).map((dt) => summary.faultTolerance.find((r) => r.domainType === dt)!).filter(Boolean)
  return (
    <Modal title="Data Resiliency Status" onClose={props.onClose} wide testId="resiliency-dialog">
      <p className="mb-3 text-sm">
        Status <strong>{summary.status}</strong>, judged on {summary.judgedDomain} failures
        {summary.awarenessMode === 'opt-in' ? ` (${summary.judgedDomain} fault tolerance opt-in)` : ''}. Failures tolerable is how many more units of each domain can fail at once, in the worst case, with every component still available.
      </p>
      {summary.statusReason && summary.status !== 'Computing' && (
        <p className="mb-3 rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="resiliency-dialog-reason">
          Why {summary.status}: {summary.statusReason}
        </p>
      )}
      <table className="w-full text-left text-xs" aria-label="Failures tolerable">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1">Component</th>
            {rows.map((r) => (
              <th key={r.domainType} scope="col" className="px-2 py-1 text-center">
                {DOMAIN_TYPE_LABEL[r.domainType]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-200 font-semibold">
            <th scope="row" className="px-2 py-1">Failures Tolerable</th>
            {rows.map((r) => (
              <td key={r.domainType} className="px-2 py-1 text-center" data-testid={`ft-${r.domainType}`}>
                {r.failuresTolerable}
              </td>
            ))}
          </tr>
          {COMPONENTS.map((c) => (
            <tr key={c} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-1 font-normal">{COMPONENT_WORD[c]}</th>
              {rows.map((r) => {
                const v = r.components[c]
                return (
                  <td key={r.domainType} className={`px-2 py-1 text-center ${v.message ? 'text-amber-700' : ''}`} title={v.message ?? undefined} data-testid={`ft-${r.domainType}-${c}`}>
                    {v.failuresTolerable}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="mt-4 text-xs font-semibold uppercase text-slate-600">Messages</h3>
      <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
        {rows.flatMap((r) => COMPONENTS.filter((c) => r.components[c].message).map((c) => (
          <li key={`${r.domainType}-${c}`}>
            {DOMAIN_TYPE_LABEL[r.domainType]} · {COMPONENT_WORD[c]}: {r.components[c].message}
          </li>
        )))}
        {rows.every((r) => COMPONENTS.every((c) => !r.components[c].message)) && <li>None: every component tolerates the FT level.</li>}
      </ul>
      <h3 className="mt-4 text-xs font-semibold uppercase text-slate-600">Rebuild</h3>
      <div className="text-xs text-slate-700" data-testid="resiliency-dialog-rebuild">
        <RebuildProgress />
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
          <dt>Under-replicated</dt>
          <dd>{formatBytes(summary.underReplicatedBytes)}</dd>
          <dt>Re-replicated in this rebuild</dt>
          <dd>{formatBytes(summary.rebuild.copiedBytes)}</dd>
          <dt>Over-replicated (waiting for Curator)</dt>
          <dd>{formatBytes(summary.overReplicatedBytes)}</dd>
          <dt>Unavailable (copies offline, not lost)</dt>
          <dd data-testid="dialog-unavailable" className={summary.unavailableBytes > 0 ? 'font-semibold text-orange-700' : ''}>{formatBytes(summary.unavailableBytes)}</dd>
          <dt>Corrupt replicas found (checksum mismatch)</dt>
          <dd data-testid="dialog-corrupt" className={summary.corruptFoundCopies > 0 ? 'font-semibold text-amber-700' : ''}>{formatBytes(summary.corruptFoundCopies * structure.unitBytes)}</dd>
          <dt>Replaced by reads and the scrubber</dt>
          <dd>{formatBytes(summary.corruptRepairedCopies * structure.unitBytes)}</dd>
          <dt>Lost (no copy left)</dt>
          <dd className={summary.lostBytes > 0 ? 'font-semibold text-red-700' : ''}>{formatBytes(summary.lostBytes)}</dd>
        </dl>
      </div>
    </Modal>
  )
}
