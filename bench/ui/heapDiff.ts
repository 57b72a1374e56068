/**
 * Heap snapshots (V8's .heapsnapshot JSON, as CDP HeapProfiler.takeHeapSnapshot streams
 * it) summarised by constructor, and the difference of two summaries: what grew.
 */

export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: Array<string[] | string>; edge_fields: string[]; edge_types: Array<string[] | string> } }
  nodes: number[]
  edges: number[]
  strings: string[]
}

export interface ClassStat {
  count: number
  bytes: number
}

/** Count and self size of every object, by "type:name" (e.g. "object:Array", "closure:apply"). */
export function summarise(snap: HeapSnapshotJson): Map<string, ClassStat> {
  const fields = snap.snapshot.meta.node_fields
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const types = snap.snapshot.meta.node_types[typeAt] as string[]
  const out = new Map<string, ClassStat>()
  const { nodes, strings } = snap
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]] ?? 'unknown'
    // strings and numbers: one class each, not one per value
    const name = type === 'string' || type === 'number' || type === 'concatenated string' || type === 'sliced string' ? '' : (strings[nodes[i + nameAt]] ?? '?')
    const key = `${type}:${name.length > 60 ? name.slice(0, 57) + '...' : name}`
    const s = out.get(key)
    if (s) {
      s.count++
      s.bytes += nodes[i + sizeAt]
    } else out.set(key, { count: 1, bytes: nodes[i + sizeAt] })
  }
  return out
}

export interface ClassGrowth {
  key: string
  count: number
  bytes: number
  countBefore: number
  bytesBefore: number
}

/** Classes whose self size grew most from `before` to `after`, largest growth first. */
export function grown(before: Map<string, ClassStat>, after: Map<string, ClassStat>, top = 12): ClassGrowth[] {
  const out: ClassGrowth[] = []
  for (const [key, a] of after) {
    const b = before.get(key) ?? { count: 0, bytes: 0 }
    if (a.bytes > b.bytes || a.count > b.count) out.push({ key, count: a.count - b.count, bytes: a.bytes - b.bytes, countBefore: b.count, bytesBefore: b.bytes })
  }
  return out.sort((x, y) => y.bytes - x.bytes || y.count - x.count).slice(0, top)
}

/** Total self size of a summary. */
export function totalBytes(s: Map<string, ClassStat>): number {
  let t = 0
  for (const v of s.values()) t += v.bytes
  return t
}

/**
 * JS arrays of at least `minLength` plain objects, named by the property names of their
 * first element (e.g. "time,severity,type,entity,message" for the event log): how long
 * the UI's histories are. Two arrays of the same shape are counted once (the longest):
 * React keeps the previous render's array beside the current one.
 */
export function objectArrays(snap: HeapSnapshotJson, minLength = 100): Map<string, number> {
  const { meta } = snap.snapshot
  const NF = meta.node_fields.length
  const EF = meta.edge_fields.length
  const nType = meta.node_fields.indexOf('type')
  const nName = meta.node_fields.indexOf('name')
  const nEdges = meta.node_fields.indexOf('edge_count')
  const eType = meta.edge_fields.indexOf('type')
  const eName = meta.edge_fields.indexOf('name_or_index')
  const eTo = meta.edge_fields.indexOf('to_node')
  const ntypes = meta.node_types[nType] as string[]
  const etypes = meta.edge_types[eType] as string[]
  const { nodes, edges, strings } = snap
  const count = nodes.length / NF
  const first = new Float64Array(count + 1)
  for (let n = 0, e = 0; n < count; n++) {
    first[n] = e
    e += nodes[n * NF + nEdges] * EF
  }
  first[count] = edges.length
  const isObject = (n: number) => ntypes[nodes[n * NF + nType]] === 'object' && strings[nodes[n * NF + nName]] === 'Object'
  const out = new Map<string, number>()
  for (let n = 0; n < count; n++) {
    if (ntypes[nodes[n * NF + nType]] !== 'object' || strings[nodes[n * NF + nName]] !== 'Array') continue
    let store = -1
    for (let e = first[n]; e < first[n + 1]; e += EF) {
      if (etypes[edges[e + eType]] === 'internal' && strings[edges[e + eName]] === 'elements') store = edges[e + eTo] / NF
    }
    if (store < 0 || (first[store + 1] - first[store]) / EF < minLength) continue
    let objs = 0
    let sample = -1
    for (let e = first[store]; e < first[store + 1]; e += EF) {
      const to = edges[e + eTo] / NF
      const et = etypes[edges[e + eType]]
      if ((et === 'element' || et === 'internal') && isObject(to)) {
        objs++
        if (sample < 0) sample = to
      }
    }
    if (objs < minLength) continue
    const keys: string[] = []
    for (let e = first[sample]; e < first[sample + 1]; e += EF) {
      if (etypes[edges[e + eType]] === 'property') keys.push(strings[edges[e + eName]])
    }
    const key = keys.filter((k) => k !== '__proto__').join(',')
    out.set(key, Math.max(out.get(key) ?? 0, objs))
  }
  return out
}
