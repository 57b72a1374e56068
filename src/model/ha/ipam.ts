/**
 * IPAM (DOMAIN.md §8): on a managed network the Acropolis leader answers the VMs' DHCP
 * requests (over the VXLAN tunnel when the leader runs on another host). While no
 * leader is elected nobody answers. Leases are sticky (our rule): a VM keeps the address
 * it was given for as long as the simulation runs, across power cycles and HA restarts,
 * as AHV keeps the address in the VM's NIC configuration.
 *
 * Addresses: the subnet's first host address is the gateway; the pool is every other
 * host address, handed out lowest first (our rule).
 */
import type { NetworkSpec } from '../scenario/normalize'

interface Pool {
  managed: boolean
  /** first pool address (uint32) and how many there are */
  first: number
  size: number
  next: number
}

export function parseSubnet(subnet: string): { base: number; prefix: number } {
  const [addr, p] = subnet.split('/')
  const o = addr.split('.').map(Number)
  const prefix = Number(p)
  const raw = ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return { base: (raw & mask) >>> 0, prefix }
}

export function formatIp(x: number): string {
  return `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`
}

export class Ipam {
  private readonly pools: Pool[]
  /** sticky lease per VM (address as uint32), 0 = none yet */
  private readonly lease: Uint32Array

  constructor(readonly networks: readonly NetworkSpec[], vmCount: number) {
    this.pools = networks.map((n) => {
      if (!n.managed || !n.subnet) return { managed: false, first: 0, size: 0, next: 0 }
      const { base, prefix } = parseSubnet(n.subnet)
      const hosts = 2 ** (32 - prefix) - 2 // without the network and broadcast addresses
      return { managed: true, first: base + 2, size: Math.max(0, hosts - 1), next: 0 }
    })
    this.lease = new Uint32Array(vmCount)
  }

  managed(network: number): boolean {
    return this.pools[network]?.managed ?? false
  }

  gateway(network: number): string | null {
    const p = this.pools[network]
    return p && p.managed ? formatIp(p.first - 1) : null
  }

  /** Answer VM v's DHCP request: its sticky address, or a new one; null when the pool is exhausted or unmanaged. */
  answer(v: number, network: number): string | null {
    const p = this.pools[network]
    if (!p || !p.managed) return null
    if (this.lease[v] === 0) {
      if (p.next >= p.size) return null
      this.lease[v] = p.first + p.next++
    }
    return formatIp(this.lease[v])
  }

  /** Addresses leased and pool size of a network. */
  usage(network: number): { leased: number; poolSize: number } {
    const p = this.pools[network]
    return { leased: p?.next ?? 0, poolSize: p?.size ?? 0 }
  }
}
