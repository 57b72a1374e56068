import { Modal } from '../common/Modal'

const KEYS: Array<[string, string]> = [
  ['m', 'Open the page menu'],
  ['a', 'Alerts'],
  ['p', 'Recent tasks'],
  ['/', 'Search hosts, disks, blocks, racks and VMs'],
  ['o / d / t', 'Overview, Diagram, Table on Storage and Hardware'],
  ['?', 'This help'],
]

export function HelpDialog(props: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {KEYS.map(([k, v]) => (
          <div key={k} className="contents">
            <dt><kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{k}</kbd></dt>
            <dd className="text-slate-700">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500">Drills script the simulator through <code>window.prismSim</code>; see the README.</p>
    </Modal>
  )
}
