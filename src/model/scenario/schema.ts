/**
 * The Scenario format of shared/spec/DRILL-API.md §3, validated with zod's tree-shakable
 * `zod/mini` API (the classic `zod` API cost ≈ 70 kB more, minified, in each bundle; issue 9).
 * `validateScenario` never throws: it returns the parsed scenario or every problem,
 * each prefixed with its JSON path (`cluster.racks[0].blocks: must not be empty`).
 * zod/mini loads no locale: every message comes from a check's own text or `errorMap` below
 * (a union without its own error would read "Invalid input", as with the English locale).
 */
import { z } from 'zod/mini'
import { expectListSchema } from './expectSchema'
import { MAX_DISK_TB, MAX_GROWTH_TB_PER_DAY, MAX_STEP_AT_SECONDS } from './limits'
import { PROFILES } from './workloads'

const id = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(64, 'must be at most 64 characters'),
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must start with a letter or digit and use only letters, digits, ".", "_", ":" or "-"'),
)

/** A number greater than 0 and at most `max`. */
const positive = (max: number) => z.number().check(z.positive('must be greater than 0'), z.maximum(max, `must be at most ${max}`))
/** A whole number in [min, max]. */
const count = (min: number, max: number) =>
  z.number().check(z.int('must be a whole number'), z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`))
/** A number in [min, max]. */
const range = (min: number, max: number) => z.number().check(z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`))
/** A number of at least `min` (z.number() already refuses NaN and ±Infinity). */
const atLeast = (min: number) => z.number().check(z.minimum(min, `must be at least ${min}`))
/** A string of at most `max` characters, optionally not empty. */
const text = (max: number, nonEmpty = false) =>
  nonEmpty
    ? z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`))
    : z.string().check(z.maxLength(max, `must be at most ${max} characters`))
/** An array of `item`, not empty, with at most `max` items (`tooMany` is the message). */
const list = <T extends z.core.SomeType>(item: T, max: number, tooMany: string) =>
  z.array(item).check(z.minLength(1, 'must not be empty'), z.maxLength(max, tooMany))
const opt = z.optional

export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('disk'), target: id, smart: opt(z.enum(['fail', 'pass'])) }),
  z.strictObject({ kind: z.literal('cvm'), target: id }),
  z.strictObject({ kind: z.literal('node'), target: id }),
  z.strictObject({ kind: z.literal('block'), target: id }),
  z.strictObject({ kind: z.literal('rack'), target: id }),
  // one node id, or several cut off together as one side (DOMAIN.md §10)
  z.strictObject({
    kind: z.literal('partition'),
    target: z.union([id, z.array(id).check(z.minLength(1, 'must not be empty'), z.maxLength(10000, 'must list at most 10000 node ids'))], {
      error: (iss) => (iss.code === 'invalid_union' ? 'must be a node id or a list of node ids' : undefined),
    }),
  }),
  z.strictObject({ kind: z.literal('corrupt'), target: id, extentGroups: opt(count(1, 10_000_000)) }),
])

const diskSchema = z.strictObject({
  id,
  tier: z.enum(['SSD', 'HDD']),
  capacityTB: positive(MAX_DISK_TB),
})

const nodeSchema = z.strictObject({
  id,
  cpuCores: opt(count(1, 1024)),
  memoryGiB: opt(positive(65536)),
  cvmMemoryGiB: opt(positive(1024)),
  disks: list(diskSchema, 24, 'must hold at most 24 disks'),
})

const blockSchema = z.strictObject({
  id,
  model: opt(text(64)),
  nodes: list(nodeSchema, 4, 'a block holds 1 to 4 nodes'),
})

const rackSchema = z.strictObject({
  id,
  blocks: z.array(blockSchema).check(z.minLength(1, 'must not be empty')),
})

const layoutSchema = z.strictObject({
  racks: count(1, 16),
  blocksPerRack: count(1, 64),
  nodesPerBlock: count(1, 4),
  ssdPerNode: count(0, 24),
  hddPerNode: count(0, 24),
  ssdTB: positive(MAX_DISK_TB),
  hddTB: positive(MAX_DISK_TB),
  memoryGiB: opt(positive(65536)),
  cvmMemoryGiB: opt(positive(1024)),
  cpuCores: opt(count(1, 1024)),
})

/** DRILL-API §5 `addNode(node)` and the scenario step `{ addNode: … }` (lifecycle/addNode.ts checks it against the cluster) */
export const addNodeSchema = z.strictObject({
  id,
  block: id,
  rack: opt(id),
  model: opt(text(64, true)),
  cpuCores: opt(count(1, 1024)),
  memoryGiB: opt(positive(65536)),
  cvmMemoryGiB: opt(positive(1024)),
  disks: list(diskSchema, 24, 'must hold at most 24 disks'),
})
export type AddNodeInput = z.infer<typeof addNodeSchema>

const networkSchema = z.strictObject({
  name: id,
  managed: opt(z.boolean()),
  subnet: opt(z.string().check(z.regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}$/, 'must be an IPv4 subnet like "10.100.0.0/16"'))),
  vlan: opt(count(0, 4094)),
})

const clusterSchema = z.strictObject({
  name: opt(text(80, true)),
  ftLevel: opt(z.union([z.literal(1), z.literal(2)], { error: 'must be 1 or 2' })),
  awareness: opt(z.enum(['node', 'block', 'rack'])),
  /** DRILL-API §5: block/rack fault tolerance best effort (default) or opt-in (DOMAIN.md §12) */
  awarenessMode: opt(z.enum(['best-effort', 'opt-in'])),
  erasureCoding: opt(z.boolean()),
  haMode: opt(z.enum(['default', 'guarantee'])),
  warnThresholdPct: opt(range(1, 100)),
  data: opt(
    z.strictObject({
      usedPct: opt(range(0, 95)),
      usedTB: opt(atLeast(0)),
      /** extension: logical write rate that grows data over time (TB per simulated day) */
      growthTBPerDay: opt(range(0, MAX_GROWTH_TB_PER_DAY)),
    }),
  ),
  rebuildMBpsPerNode: opt(positive(100000)),
  /** extension: self-healing timers (DOMAIN.md §3, §6); defaults in units.ts HEALING_DEFAULTS */
  healing: opt(
    z.strictObject({
      hadesTestSeconds: opt(range(1, 3600)),
      ringDetachMinutes: opt(range(1, 1440)),
      ringRejoinMinutes: opt(range(0, 1440)),
      zookeeperMoveMinutes: opt(range(0, 1440)),
    }),
  ),
  /** extension (issue 6): the iSCSI redirector and failback timers; defaults in iopath.ts DEFAULT_IO_PATH */
  ioPath: opt(
    z.strictObject({
      healthCheckSeconds: opt(range(0.5, 300)),
      loginSeconds: opt(range(0, 60)),
      failbackSeconds: opt(range(0, 86400)),
      redirect: opt(z.enum(['random', 'round-robin'])),
    }),
  ),
  racks: opt(z.array(rackSchema).check(z.minLength(1, 'must not be empty'))),
  layout: opt(layoutSchema),
  /** extension (issue 7): VM networks; managed ones get IPs from the Acropolis leader's DHCP (IPAM) */
  networks: opt(list(networkSchema, 64, 'must hold at most 64 networks')),
})

const vmSchema = z.strictObject({
  id,
  name: opt(text(80, true)),
  host: id,
  vcpus: count(1, 256),
  memoryGiB: positive(16384),
  vdisks: count(0, 64),
  power: opt(z.enum(['on', 'off'])),
  frodo: opt(z.boolean()),
  /** extension (issue 7): VM-host affinity (HA restarts and failover segments stay on these hosts) */
  affinityHosts: opt(list(id, 64, 'must hold at most 64 hosts')),
  /** extension (issue 7): the network of the VM's NIC (default: the first network) */
  network: opt(id),
})

/** one shape for every VM, or (issue 18) `mix`: profile → weight (workloads.ts) */
const vmFillSchema = z.strictObject({
  count: count(0, 20000),
  vcpus: opt(count(1, 256)),
  memoryGiB: opt(positive(16384)),
  vdisks: opt(count(0, 64)),
  mix: opt(z.partialRecord(z.enum(PROFILES), range(0, 1000))),
})

const actionSchema = z.union(
  [
    z.strictObject({ inject: faultSchema }),
    z.strictObject({ restore: id }),
    z.strictObject({ powerOn: id }),
    z.strictObject({ powerOff: id }),
    z.strictObject({ removeDisk: id }),
    z.strictObject({ migrate: z.strictObject({ vm: id, host: opt(id) }) }),
    z.strictObject({ enterMaintenance: id }),
    z.strictObject({ exitMaintenance: id }),
    z.strictObject({ upgrade: z.enum(['aos', 'ahv']) }),
    z.strictObject({ removeNode: id }),
    z.strictObject({ addNode: addNodeSchema }),
  ],
  { error: 'must be one of {inject}, {restore}, {powerOn}, {powerOff}, {removeDisk}, {migrate}, {enterMaintenance}, {exitMaintenance}, {upgrade}, {removeNode}, {addNode}' },
)

const stepSchema = z.strictObject({
  at: range(0, MAX_STEP_AT_SECONDS),
  say: opt(text(2000)),
  action: opt(actionSchema),
  /** extension: entity the narration talks about, highlighted by the walkthrough */
  focus: opt(id),
})

export const scenarioSchema = z.strictObject({
  id: opt(id),
  title: text(120, true),
  summary: opt(text(2000)),
  seed: opt(count(0, 4294967295)),
  cluster: clusterSchema,
  vms: opt(z.array(vmSchema).check(z.maxLength(20000, 'must hold at most 20000 VMs'))),
  vmFill: opt(vmFillSchema),
  steps: opt(z.array(stepSchema).check(z.maxLength(1000, 'must hold at most 1000 steps'))),
  /** extension (issue 20): checks the drill asserts (expectSchema.ts; README "Drills as data") */
  expect: opt(expectListSchema),
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
  if (iss.code === 'invalid_union' && 'discriminator' in iss) return `"kind" must be one of "disk", "cvm", "node", "block", "rack", "partition", "corrupt"`
  return undefined
}

/** Structural problems of an `addNode` argument, each prefixed with its path under `node` (`node.disks[0].tier: …`). */
export function addNodeProblems(input: unknown): { data?: AddNodeInput; problems: string[] } {
  const res = addNodeSchema.safeParse(input, { error: errorMap })
  if (res.success) return { data: res.data, problems: [] }
  const problems: string[] = []
  for (const iss of res.error.issues) {
    if (iss.code === 'unrecognized_keys') for (const k of iss.keys) problems.push(`${formatPath(['node', ...iss.path, k])}: unknown field`)
    else problems.push(`${formatPath(['node', ...iss.path])}: ${iss.message}`)
  }
  return { problems }
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
