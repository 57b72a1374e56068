/** IPAM pools (ipam.ts): gateway, lowest-first sticky leases, exhaustion, unmanaged networks. */
import { describe, expect, it } from 'vitest'
import { formatIp, Ipam, parseSubnet } from './ipam'

describe('IPAM', () => {
  it('parses a subnet and masks the host bits', () => {
    expect(parseSubnet('10.100.7.9/16')).toEqual({ base: (10 << 24 | 100 << 16) >>> 0, prefix: 16 })
    expect(formatIp(parseSubnet('192.168.1.77/24').base)).toBe('192.168.1.0')
  })

  it('hands out addresses lowest first after the gateway; leases are sticky; a full pool answers null', () => {
    const ipam = new Ipam([{ name: 'tiny', managed: true, subnet: '172.16.0.0/29', vlan: 5 }, { name: 'lab', managed: false, subnet: null, vlan: 0 }], 8)
    expect(ipam.gateway(0)).toBe('172.16.0.1')
    expect(ipam.usage(0)).toEqual({ leased: 0, poolSize: 5 }) // .2 … .6 (.7 is broadcast)
    expect([0, 1, 2, 3, 4].map((v) => ipam.answer(v, 0))).toEqual(['172.16.0.2', '172.16.0.3', '172.16.0.4', '172.16.0.5', '172.16.0.6'])
    expect(ipam.answer(5, 0)).toBeNull()
    expect(ipam.answer(1, 0)).toBe('172.16.0.3')
    expect(ipam.answer(6, 1)).toBeNull()
    expect(ipam.managed(1)).toBe(false)
  })
})
