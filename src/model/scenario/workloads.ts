/**
 * Realistic built-in workloads (issue 18, our rules): `vmFill.mix` names how many VMs of
 * each profile to generate, in proportion to its weight. Each profile has a naming prefix and
 * a range of shapes; a VM's shape is picked by a hash of the scenario, the profile and its
 * number (no PRNG draw: the model's random stream is unchanged), so the same scenario always
 * gets the same VMs and two scenarios get different ones.
 *
 * Placement: VMs go round-robin over the hosts, each to the first host from its turn whose
 * running VMs then use at most 80 % of the memory left beside the CVM (else to the least
 * loaded host), so hosts differ but none is over-committed.
 */

export const PROFILES = ['sql', 'oracle', 'app', 'web', 'vdi', 'infra', 'dev'] as const
export type ProfileName = (typeof PROFILES)[number]

interface Profile {
  prefix: string
  vcpus: readonly number[]
  memoryGiB: readonly number[]
  /** vDisks from `vdisks[0]` to `vdisks[1]` */
  vdisks: readonly [number, number]
  /** one VM in `offEvery` is powered off (0: none; 1: all) */
  offEvery: number
  /** pinned to its host and one host of another block (VM-host affinity, e.g. Oracle licensing) */
  affinity: boolean
}

export const PROFILE: Record<ProfileName, Profile> = {
  /** SQL Server databases: 6–8 vDisks (OS, binaries, data, logs, tempdb) */
  sql: { prefix: 'sql', vcpus: [8, 12, 16], memoryGiB: [32, 64, 96, 128], vdisks: [6, 8], offEvery: 0, affinity: false },
  /** Oracle databases, licensed per host: kept on two hosts by affinity */
  oracle: { prefix: 'ora', vcpus: [8, 16], memoryGiB: [64, 96, 128], vdisks: [7, 8], offEvery: 0, affinity: true },
  app: { prefix: 'app', vcpus: [4, 8], memoryGiB: [8, 16, 24], vdisks: [2, 3], offEvery: 0, affinity: false },
  web: { prefix: 'web', vcpus: [2, 4], memoryGiB: [4, 8], vdisks: [1, 2], offEvery: 0, affinity: false },
  /** a VDI pool of 2 vCPU / 4 GiB desktops; one in eight is not in use (off) */
  vdi: { prefix: 'vdi', vcpus: [2], memoryGiB: [4], vdisks: [1, 1], offEvery: 8, affinity: false },
  /** AD, DNS, backup proxies */
  infra: { prefix: 'infra', vcpus: [2, 4], memoryGiB: [4, 8, 16], vdisks: [1, 2], offEvery: 0, affinity: false },
  /** test and dev VMs, powered off */
  dev: { prefix: 'dev', vcpus: [2, 4], memoryGiB: [8, 16], vdisks: [2, 2], offEvery: 1, affinity: false },
}

export interface FillVm {
  id: string
  vcpus: number
  memoryGiB: number
  vdisks: number
  power: 'on' | 'off'
  /** whether it gets VM-host affinity (resolved to hosts at placement) */
  affinity: boolean
}

export interface FillInput {
  count: number
  vcpus?: number
  memoryGiB?: number
  vdisks?: number
  mix?: Partial<Record<ProfileName, number>>
}

function fnv(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** How many VMs of each profile: `count` split by weight, largest remainder first (ties in PROFILES order). */
export function mixCounts(count: number, mix: Partial<Record<ProfileName, number>>): Array<[ProfileName, number]> {
  const names = PROFILES.filter((p) => (mix[p] ?? 0) > 0)
  const total = names.reduce((a, p) => a + mix[p]!, 0)
  if (total <= 0) return []
  const exact = names.map((p) => (count * mix[p]!) / total)
  const out = exact.map((x) => Math.floor(x))
  let left = count - out.reduce((a, b) => a + b, 0)
  const order = names.map((_, i) => i).sort((a, b) => exact[b] - out[b] - (exact[a] - out[a]) || a - b)
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]]++
  return names.map((p, i) => [p, out[i]] as [ProfileName, number]).filter(([, n]) => n > 0)
}

/** The generated VMs in order (ids only depend on `fill`, so validation can list them). `key` varies the shapes per scenario. */
export function fillVms(fill: FillInput, key: string): FillVm[] {
  const out: FillVm[] = []
  if (!fill.mix) {
    for (let i = 1; i <= fill.count; i++)
      out.push({ id: `vm-${i}`, vcpus: fill.vcpus ?? 2, memoryGiB: fill.memoryGiB ?? 4, vdisks: fill.vdisks ?? 1, power: 'on', affinity: false })
    return out
  }
  for (const [name, n] of mixCounts(fill.count, fill.mix)) {
    const p = PROFILE[name]
    const width = Math.max(2, String(n).length)
    for (let k = 1; k <= n; k++) {
      const h = fnv(`${key}:${name}:${k}`)
      const pick = <T>(xs: readonly T[], salt: number): T => xs[((h >>> salt) ^ (h & 0xff)) % xs.length]
      out.push({
        id: `${p.prefix}-${String(k).padStart(width, '0')}`,
        vcpus: pick(p.vcpus, 3),
        memoryGiB: pick(p.memoryGiB, 11),
        vdisks: p.vdisks[0] + ((h >>> 19) % (p.vdisks[1] - p.vdisks[0] + 1)),
        power: p.offEvery > 0 && k % p.offEvery === 0 ? 'off' : 'on',
        affinity: p.affinity,
      })
    }
  }
  return out
}

/** Hosts for the generated VMs (see the placement rule above); `usedGiB` starts with the explicit VMs' memory. */
export function placeFill(vms: readonly FillVm[], hostGiB: readonly number[], usedGiB: number[], blockOf: readonly number[]): Array<{ host: number; affinity: number[] | null }> {
  const n = hostGiB.length
  return vms.map((vm, i) => {
    const need = vm.power === 'on' ? vm.memoryGiB : 0
    let host = -1
    for (let k = 0; k < n && host < 0; k++) {
      const h = (i + k) % n
      if (usedGiB[h] + need <= hostGiB[h] * 0.8) host = h
    }
    if (host < 0) {
      host = 0
      for (let h = 1; h < n; h++) if (usedGiB[h] / hostGiB[h] < usedGiB[host] / hostGiB[host]) host = h
    }
    usedGiB[host] += need
    if (!vm.affinity || n === 1) return { host, affinity: vm.affinity ? [host] : null }
    // the second host: the next one in another block when there is one
    let other = (host + 1) % n
    for (let k = 1; k < n; k++) {
      const h = (host + k) % n
      if (blockOf[h] !== blockOf[host]) {
        other = h
        break
      }
    }
    return { host, affinity: [host, other] }
  })
}
