/** IPAM: the VM networks, who answers DHCP (the Acropolis leader) and how full each pool is. */
import { formatCount } from '../format'
import type { HaReport } from './useHa'

export function IpamTable(props: { ha: HaReport }) {
  const { ha } = props
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-700" data-testid="ipam-dhcp-server">
        {ha.leader
          ? <>DHCP on managed networks is answered by the Acropolis leader on <strong>{ha.leader}</strong> (over the VXLAN tunnel for VMs on other hosts).</>
          : <strong className="text-red-700">No Acropolis leader: DHCP requests go unanswered until one is elected.</strong>}
        {ha.dhcpPending.length > 0 && <> {ha.dhcpPending.length} VM(s) wait for an address.</>}
      </p>
      <table className="w-full text-left text-[13px]" aria-label="VM networks">
        <thead className="bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1">Network</th>
            <th scope="col" className="px-2 py-1">VLAN</th>
            <th scope="col" className="px-2 py-1">IPAM</th>
            <th scope="col" className="px-2 py-1">Subnet</th>
            <th scope="col" className="px-2 py-1">Gateway</th>
            <th scope="col" className="px-2 py-1 text-right">Leased / pool</th>
          </tr>
        </thead>
        <tbody>
          {ha.networks.map((n) => (
            <tr key={n.name} className="border-t border-slate-100">
              <td className="px-2 py-0.5">{n.name}</td>
              <td className="px-2 py-0.5 tabular-nums">{n.vlan}</td>
              <td className="px-2 py-0.5">{n.managed ? 'managed' : 'unmanaged'}</td>
              <td className="px-2 py-0.5 font-mono text-xs">{n.subnet ?? '—'}</td>
              <td className="px-2 py-0.5 font-mono text-xs">{n.gateway ?? '—'}</td>
              <td className="px-2 py-0.5 text-right tabular-nums">{n.managed ? `${formatCount(n.leased)} / ${formatCount(n.poolSize)}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
