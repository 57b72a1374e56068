/**
 * Upgrade Software: the one-click rolling AOS and AHV upgrades (README "Planned
 * operations"). Shows the versions every node runs, the upgrade in progress (node by
 * node, paused with its reason) and refuses with the failed pre-check's name.
 */
import { useState } from 'react'
import { simClient } from '../bridge/client'
import type { SummarySection } from '../bridge/types'
import { ErrorMessage } from '../vms/ErrorMessage'
import { SettingsSection } from './SettingsSection'

export function UpgradeSetting(props: { planned: SummarySection['planned'] | null; nodes: number }) {
  const [busy, setBusy] = useState<'aos' | 'ahv' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const planned = props.planned
  if (!planned) return null
  const up = planned.upgrade
  const active = up !== null && (up.state === 'running' || up.state === 'paused')
  const start = async (kind: 'aos' | 'ahv') => {
    setBusy(kind)
    setError(null)
    try {
      await simClient.upgrade(kind)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(null)
    }
  }
  const row = (kind: 'aos' | 'ahv', label: string) => {
    const current = planned.versions[kind]
    const latest = current === planned.available[kind]
    return (
      <tr className="border-t border-slate-100">
        <td className="py-1.5 pr-4 font-medium">{label}</td>
        <td className="py-1.5 pr-4" data-testid={`upgrade-current-${kind}`}>{current}</td>
        <td className="py-1.5 pr-4">{latest ? 'Up to date' : planned.available[kind]}</td>
        <td className="py-1.5">
          <button type="button" className="btn-primary" disabled={latest || active || busy !== null} onClick={() => void start(kind)} data-testid={`upgrade-${kind}`}>
            Upgrade {label}
          </button>
        </td>
      </tr>
    )
  }
  return (
    <SettingsSection id="upgrade" title="Upgrade Software">
      <table className="text-left">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="pr-4 font-semibold">Software</th>
            <th className="pr-4 font-semibold">Running</th>
            <th className="pr-4 font-semibold">Available</th>
            <th>
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {row('aos', 'AOS')}
          {row('ahv', 'AHV')}
        </tbody>
      </table>
      {up && (
        <p data-testid="upgrade-status">
          {up.kind === 'aos' ? 'AOS' : 'AHV'} upgrade <strong>{up.state}</strong>: {up.done.length} of {props.nodes} nodes done
          {up.current && <> · in progress: <strong>{up.current}</strong></>}
          {up.reason && <> · {up.reason}</>}
        </p>
      )}
      <p className="text-xs text-slate-500">
        Pre-checks first (Data Resiliency OK, no rebuild running, every node up, quorum). Then one node at a time: AOS shuts the CVM down after handing its
        vDisk sessions to other Stargates, upgrades it (10 min), and moves on once the sessions have failed back and Data Resiliency is OK again. AHV puts the
        host in maintenance mode (its VMs live-migrate off), reboots it (15 min), and brings the VMs back. A failure pauses the upgrade until it heals.
      </p>
      {error && <ErrorMessage title="Upgrade refused" message={error} onDismiss={() => setError(null)} />}
    </SettingsSection>
  )
}
