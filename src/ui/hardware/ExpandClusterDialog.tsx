/**
 * Hardware → Expand cluster (Prism "Expand Cluster", DRILL-API §5 addNode): the new host's
 * name, its block (an existing one with room, or a new block in an existing or new rack), its
 * memory and CPU, and its disks. The model checks everything; a refusal is shown here with
 * every problem, and the simulation is unchanged.
 */
import { useMemo, useState } from 'react'
import { simClient } from '../bridge/client'
import { Modal } from '../common/Modal'
import { useSim } from '../store/simStore'
import { defaultForm, diskIds, NEW, openBlocks, toAddNode, type DiskRow, type ExpandForm } from './expandForm'

const INPUT = 'rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900'

export function ExpandClusterDialog(props: { onClose: () => void }) {
  const structure = useSim((s) => s.structure)!
  const state = useSim((s) => s.state)!
  const toast = useSim((s) => s.toast)
  const [form, setForm] = useState<ExpandForm>(() => defaultForm(structure, state))
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const blocks = useMemo(() => openBlocks(structure, state), [structure, state])
  const set = <K extends keyof ExpandForm>(k: K, v: ExpandForm[K]) => setForm((f) => ({ ...f, [k]: v }))
  const setDisk = (i: number, d: Partial<DiskRow>) => setForm((f) => ({ ...f, disks: f.disks.map((x, k) => (k === i ? { ...x, ...d } : x)) }))
  const ids = diskIds(form.id.trim() || 'node', form.disks.length)

  const submit = async () => {
    setBusy(true)
    setProblems([])
    const node = toAddNode(form)
    try {
      await simClient.addNode(node)
      toast('done', `Node ${node.id} added: it joins the storage pool, HA and the metadata ring; disk balancing fills it`)
      props.onClose()
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e)
      setProblems(msg.replace(/^cannot add node[^:]*: /, '').split('; '))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title="Expand cluster" onClose={props.onClose} testId="expand-cluster-dialog">
      <form
        className="flex flex-col gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <p className="text-xs text-slate-600">
          The new host joins the storage pool and HA at once and the metadata ring a minute later; Curator's disk balancing then fills its disks. A third block or rack can turn block or rack awareness on.
        </p>
        <label className="flex items-center justify-between gap-2">
          Host name
          <input aria-label="Host name" className={`${INPUT} w-48`} value={form.id} onChange={(e) => set('id', e.target.value)} />
        </label>
        <label className="flex items-center justify-between gap-2">
          Block
          <select aria-label="Block" className={`${INPUT} w-64`} value={form.block} onChange={(e) => set('block', e.target.value)}>
            <option value={NEW}>New block…</option>
            {blocks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        {form.block === NEW && (
          <>
            <label className="flex items-center justify-between gap-2">
              New block id
              <input aria-label="New block id" className={`${INPUT} w-48`} value={form.newBlock} onChange={(e) => set('newBlock', e.target.value)} />
            </label>
            <label className="flex items-center justify-between gap-2">
              Block model
              <input aria-label="Block model" className={`${INPUT} w-48`} value={form.model} onChange={(e) => set('model', e.target.value)} />
            </label>
            <label className="flex items-center justify-between gap-2">
              Rack
              <select aria-label="Rack" className={`${INPUT} w-64`} value={form.rack} onChange={(e) => set('rack', e.target.value)}>
                {structure.racks.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id}
                  </option>
                ))}
                <option value={NEW}>New rack…</option>
              </select>
            </label>
            {form.rack === NEW && (
              <label className="flex items-center justify-between gap-2">
                New rack id
                <input aria-label="New rack id" className={`${INPUT} w-48`} value={form.newRack} onChange={(e) => set('newRack', e.target.value)} />
              </label>
            )}
          </>
        )}
        <div className="grid grid-cols-3 gap-2">
          <label className="flex flex-col gap-1">
            Memory (GiB)
            <input aria-label="Memory (GiB)" className={INPUT} inputMode="decimal" value={form.memoryGiB} onChange={(e) => set('memoryGiB', e.target.value)} />
          </label>
          <label className="flex flex-col gap-1">
            CVM memory (GiB)
            <input aria-label="CVM memory (GiB)" className={INPUT} inputMode="decimal" value={form.cvmMemoryGiB} onChange={(e) => set('cvmMemoryGiB', e.target.value)} />
          </label>
          <label className="flex flex-col gap-1">
            CPU cores
            <input aria-label="CPU cores" className={INPUT} inputMode="numeric" value={form.cpuCores} onChange={(e) => set('cpuCores', e.target.value)} />
          </label>
        </div>
        <fieldset className="rounded border border-slate-200 p-2">
          <legend className="px-1 text-xs font-semibold text-slate-700">Disks</legend>
          <table className="w-full text-xs">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1 font-medium">Disk</th>
                <th className="py-1 font-medium">Tier</th>
                <th className="py-1 font-medium">Capacity (TB)</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {form.disks.map((d, i) => (
                <tr key={i}>
                  <td className="py-1 font-mono">{ids[i]}</td>
                  <td className="py-1">
                    <select aria-label={`Tier of ${ids[i]}`} className={INPUT} value={d.tier} onChange={(e) => setDisk(i, { tier: e.target.value as DiskRow['tier'] })}>
                      <option value="SSD">SSD</option>
                      <option value="HDD">HDD</option>
                    </select>
                  </td>
                  <td className="py-1">
                    <input aria-label={`Capacity of ${ids[i]} in TB`} className={`${INPUT} w-24`} inputMode="decimal" value={d.capacityTB} onChange={(e) => setDisk(i, { capacityTB: e.target.value })} />
                  </td>
                  <td className="py-1 text-right">
                    <button type="button" className="btn-secondary" aria-label={`Remove ${ids[i]}`} onClick={() => set('disks', form.disks.filter((_, k) => k !== i))}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn-secondary mt-2" disabled={form.disks.length >= 24} onClick={() => set('disks', [...form.disks, { tier: 'HDD', capacityTB: form.disks[form.disks.length - 1]?.capacityTB ?? '4' }])}>
            Add disk
          </button>
        </fieldset>
        {problems.length > 0 && (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
            <p className="font-semibold">The node was not added; the cluster is unchanged.</p>
            <ul className="mt-1 list-disc pl-5 font-mono text-xs">
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={busy}>
            Expand cluster
          </button>
        </div>
      </form>
    </Modal>
  )
}
