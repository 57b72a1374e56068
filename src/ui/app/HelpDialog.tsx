import { Modal } from '../common/Modal'

const KEYS: Array<[string, string]> = [
  ['m', 'Open the page menu'],
  ['a', 'Alerts'],
  ['p', 'Recent tasks'],
  ['/', 'Search hosts, disks, blocks, racks and VMs'],
  ['o / d / t', 'Overview, Diagram, Table on the pages that have those tabs (VM, Storage, Hardware)'],
  ['w', 'Walkthrough: resume or start the loaded scenario\'s, or list them all'],
  ['Space / →', 'Walkthrough: next step'],
  ['←', 'Walkthrough: previous step'],
  ['Esc', 'Leave the walkthrough (w comes back to the same step); close a dialog or menu'],
  ['↑ / ↓', 'Move in the page menu and in action menus'],
  ['Tab', 'The first stop is "Skip to content"'],
  ['?', 'This help'],
]

export function HelpDialog(props: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {KEYS.map(([k, v]) => (
          <div key={k} className="contents">
            <dt><kbd className="kbd">{k}</kbd></dt>
            <dd className="text-slate-700">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600">Drills script the simulator through <code>window.prismSim</code>; see the README.</p>
    </Modal>
  )
}
