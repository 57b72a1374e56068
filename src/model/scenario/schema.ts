/**
 * The Scenario format of shared/spec/DRILL-API.md §3, validated with zod.
 * `validateScenario` never throws: it returns the parsed scenario or every problem,
 * each prefixed with its JSON path (`cluster.racks[0].blocks: must not be empty`).
 */
import { z } from 'zod'

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must start with a letter or digit and use only letters, digits, ".", "_", ":" or "-"')

const positive = z.number().positive('must be greater than 0').finite()
const count = (min: number, max: number) =>
  z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)

export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('disk'), target: id, smart: z.enum(['fail', 'pass']).optional() }),
  z.strictObject({ kind: z.literal('cvm'), target: id }),
  z.strictObject({ kind: z.literal('node'), target: id }),
  z.strictObject({ kind: z.literal('block'), target: id }),
  z.strictObject({ kind: z.literal('rack'), target: id }),
  z.strictObject({ kind: z.literal('partition'), target: id }),
])

const diskSchema = z.strictObject({
  id,
  tier: z.enum(['SSD', 'HDD']),
  capacityTB: positive.max(1000, 'must be at most 1000'),
})

const nodeSchema = z.strictObject({
  id,
  cpuCores: count(1, 1024).optional(),
  memoryGiB: positive.max(65536, 'must be at most 65536').optional(),
  cvmMemoryGiB: positive.max(1024, 'must be at most 1024').optional(),
  disks: z.array(diskSchema).min(1, 'must not be empty').max(24, 'must hold at most 24 disks'),
})

const blockSchema = z.strictObject({
  id,
  model: z.string().max(64, 'must be at most 64 characters').optional(),
  nodes: z.array(nodeSchema).min(1, 'must not be empty').max(4, 'a block holds 1 to 4 nodes'),
})

const rackSchema = z.strictObject({
  id,
  blocks: z.array(blockSchema).min(1, 'must not be empty'),
})

const layoutSchema = z.strictObject({
  racks: count(1, 16),
  blocksPerRack: count(1, 64),
  nodesPerBlock: count(1, 4),
  ssdPerNode: count(0, 24),
  hddPerNode: count(0, 24),
  ssdTB: positive.max(1000, 'must be at most 1000'),
  hddTB: positive.max(1000, 'must be at most 1000'),
  memoryGiB: positive.max(65536, 'must be at most 65536').optional(),
  cvmMemoryGiB: positive.max(1024, 'must be at most 1024').optional(),
  cpuCores: count(1, 1024).optional(),
})

const networkSchema = z.strictObject({
  name: id,
  managed: z.boolean().optional(),
  subnet: z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}$/, 'must be an IPv4 subnet like "10.100.0.0/16"').optional(),
  vlan: count(0, 4094).optional(),
})

const clusterSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters').optional(),
  ftLevel: z.union([z.literal(1), z.literal(2)], { error: 'must be 1 or 2' }).optional(),
  awareness: z.enum(['node', 'block', 'rack']).optional(),
  erasureCoding: z.boolean().optional(),
  haMode: z.enum(['default', 'guarantee']).optional(),
  warnThresholdPct: z.number().min(1, 'must be at least 1').max(100, 'must be at most 100').optional(),
  data: z
    .strictObject({
      usedPct: z.number().min(0, 'must be at least 0').max(95, 'must be at most 95').optional(),
      usedTB: z.number().min(0, 'must be at least 0').finite().optional(),
      /** extension: logical write rate that grows data over time (TB per simulated day) */
      growthTBPerDay: z.number().min(0, 'must be at least 0').finite().optional(),
    })
    .optional(),
  rebuildMBpsPerNode: positive.max(100000, 'must be at most 100000').optional(),
  /** extension: self-healing timers (DOMAIN.md §3, §6); defaults in units.ts HEALING_DEFAULTS */
  healing: z
    .strictObject({
      hadesTestSeconds: z.number().min(1, 'must be at least 1').max(3600, 'must be at most 3600').optional(),
      ringDetachMinutes: z.number().min(1, 'must be at least 1').max(1440, 'must be at most 1440').optional(),
      ringRejoinMinutes: z.number().min(0, 'must be at least 0').max(1440, 'must be at most 1440').optional(),
      zookeeperMoveMinutes: z.number().min(0, 'must be at least 0').max(1440, 'must be at most 1440').optional(),
    })
    .optional(),
  /** extension (issue 6): the iSCSI redirector and failback timers; defaults in iopath.ts DEFAULT_IO_PATH */
  ioPath: z
    .strictObject({
      healthCheckSeconds: z.number().min(0.5, 'must be at least 0.5').max(300, 'must be at most 300').optional(),
      loginSeconds: z.number().min(0, 'must be at least 0').max(60, 'must be at most 60').optional(),
      failbackSeconds: z.number().min(0, 'must be at least 0').max(86400, 'must be at most 86400').optional(),
      redirect: z.enum(['random', 'round-robin']).optional(),
    })
    .optional(),
  racks: z.array(rackSchema).min(1, 'must not be empty').optional(),
  layout: layoutSchema.optional(),
  /** extension (issue 7): VM networks; managed ones get IPs from the Acropolis leader's DHCP (IPAM) */
  networks: z.array(networkSchema).min(1, 'must not be empty').max(64, 'must hold at most 64 networks').optional(),
})

const vmSchema = z.strictObject({
  id,
  name: z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters').optional(),
  host: id,
  vcpus: count(1, 256),
  memoryGiB: positive.max(16384, 'must be at most 16384'),
  vdisks: count(0, 64),
  power: z.enum(['on', 'off']).optional(),
  frodo: z.boolean().optional(),
  /** extension (issue 7): VM-host affinity (HA restarts and failover segments stay on these hosts) */
  affinityHosts: z.array(id).min(1, 'must not be empty').max(64, 'must hold at most 64 hosts').optional(),
  /** extension (issue 7): the network of the VM's NIC (default: the first network) */
  network: id.optional(),
})

const vmFillSchema = z.strictObject({
  count: count(0, 20000),
  vcpus: count(1, 256),
  memoryGiB: positive.max(16384, 'must be at most 16384'),
  vdisks: count(0, 64),
})

const actionSchema = z.union(
  [
    z.strictObject({ inject: faultSchema }),
    z.strictObject({ restore: id }),
    z.strictObject({ powerOn: id }),
    z.strictObject({ powerOff: id }),
  ],
  { error: 'must be one of {inject}, {restore}, {powerOn}, {powerOff}' },
)

const stepSchema = z.strictObject({
  at: z.number().min(0, 'must be at least 0').finite(),
  say: z.string().max(2000, 'must be at most 2000 characters').optional(),
  action: actionSchema.optional(),
  /** extension: entity the narration talks about, highlighted by the walkthrough */
  focus: id.optional(),
})

export const scenarioSchema = z.strictObject({
  id: id.optional(),
  title: z.string().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  summary: z.string().max(2000, 'must be at most 2000 characters').optional(),
  seed: z.number().int('must be a whole number').min(0, 'must be at least 0').max(4294967295, 'must be at most 4294967295').optional(),
  cluster: clusterSchema,
  vms: z.array(vmSchema).max(20000, 'must hold at most 20000 VMs').optional(),
  vmFill: vmFillSchema.optional(),
  steps: z.array(stepSchema).max(1000, 'must hold at most 1000 steps').optional(),
})

export type Scenario = z.infer<typeof scenarioSchema>
export type ScenarioCluster = Scenario['cluster']
export type ScenarioStep = NonNullable<Scenario['steps']>[number]
export type ScenarioAction = NonNullable<ScenarioStep['action']>

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else out += out === '' ? String(p) : `.${String(p)}`
  }
  return out === '' ? '(scenario)' : out
}

const errorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type' && iss.input === undefined) return 'is required'
  if (iss.code === 'invalid_type') return `must be ${iss.expected === 'object' ? 'an object' : iss.expected === 'array' ? 'an array' : `a ${iss.expected}`}`
  if (iss.code === 'invalid_value') return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`
  if (iss.code === 'invalid_union' && 'discriminator' in iss) return `"kind" must be one of "disk", "cvm", "node", "block", "rack", "partition"`
  return undefined
}

/** Structural validation only (types, ranges, unknown fields). */
export function structuralProblems(input: unknown): { data?: Scenario; problems: string[] } {
  const res = scenarioSchema.safeParse(input, { error: errorMap })
  if (res.success) return { data: res.data, problems: [] }
  const problems: string[] = []
  for (const iss of res.error.issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) problems.push(`${formatPath([...iss.path, k])}: unknown field`)
    } else {
      problems.push(`${formatPath(iss.path)}: ${iss.message}`)
    }
  }
  return { problems }
}
