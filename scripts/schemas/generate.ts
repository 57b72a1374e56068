/**
 * Generates, from the code, everything a drill author outside this repo reads:
 * - `schemas/scenario.schema.json` and `schemas/run.schema.json` from the zod schemas
 *   (src/model/scenario/schema.ts, src/worker/runSchema.ts) with zod's own JSON Schema output;
 * - `schemas/report.schema.json` from the `Report` type (src/model/types.ts) with ts-json-schema-generator;
 * - `packages/drill-kit/src/types.gen.ts`: the kit's own types (Report, Scenario, Run, Fault,
 *   Until…) compiled from those schemas with json-schema-to-typescript (the kit imports no `src/`);
 * - `docs/REPORT.md`: the Report field reference (reportDoc.ts).
 * `npm run gen:schemas` writes them; schemas.test.ts fails when a committed file is stale.
 */
import { writeFileSync } from 'node:fs'
import { compile, type JSONSchema } from 'json-schema-to-typescript'
import { createGenerator } from 'ts-json-schema-generator'
import { z } from 'zod/mini'
import { scenarioSchema } from '../../src/model/scenario/schema'
import { runSchema } from '../../src/worker/runSchema'
import { reportDoc } from './reportDoc'

export const OUTPUTS = {
  scenario: 'schemas/scenario.schema.json',
  run: 'schemas/run.schema.json',
  report: 'schemas/report.schema.json',
  kitTypes: 'packages/drill-kit/src/types.gen.ts',
  reportDoc: 'docs/REPORT.md',
} as const

type Json = Record<string, unknown>
const BASE = 'https://prism-sim.local/schemas/'

/** zod writes an empty tuple as `prefixItems: []`, which JSON Schema forbids: say `maxItems: 0`. */
function fixEmptyTuples(x: unknown): void {
  if (typeof x !== 'object' || x === null) return
  const o = x as Json
  if (Array.isArray(o.prefixItems) && o.prefixItems.length === 0) {
    delete o.prefixItems
    o.maxItems = 0
  }
  for (const v of Object.values(o)) fixEmptyTuples(v)
}

function zodSchema(schema: z.core.$ZodType, id: string, title: string, description: string): Json {
  const out = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Json
  fixEmptyTuples(out)
  return { $schema: out.$schema, $id: `${BASE}${id}`, title, description, ...out }
}

/** Every exported type of src/model/types.ts as JSON Schema definitions. */
function modelDefinitions(): Record<string, Json> {
  const gen = createGenerator({ path: 'src/model/types.ts', tsconfig: 'tsconfig.json', type: '*', skipTypeCheck: true, expose: 'export', jsDoc: 'extended', topRef: true })
  const defs = gen.createSchema('*').definitions as Record<string, Json>
  // the file's own header comment lands on its first type: drop it
  for (const d of Object.values(defs)) if (typeof d.description === 'string' && d.description.startsWith('The public contract of the simulation')) delete d.description
  return defs
}

/** Only the definitions reachable from `root`. */
function reachable(defs: Record<string, Json>, root: string): Record<string, Json> {
  const out: Record<string, Json> = {}
  const visit = (name: string) => {
    if (out[name]) return
    out[name] = defs[name]
    JSON.stringify(defs[name]).replace(/"#\/definitions\/([^"]+)"/g, (_, n: string) => {
      visit(decodeURIComponent(n))
      return ''
    })
  }
  visit(root)
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]))
}

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`

export async function generate(): Promise<Record<keyof typeof OUTPUTS, string>> {
  const scenario = zodSchema(scenarioSchema, 'scenario.schema.json', 'Scenario', 'A Prism Simulator scenario (DRILL-API.md §3 and the README "Scenario format", "Drills as data").')
  const run = zodSchema(runSchema, 'run.schema.json', 'Run', 'A recorded run: scenario + seed + actions (README "Runs").')
  const defs = modelDefinitions()
  const report: Json = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${BASE}report.schema.json`,
    title: 'Report',
    description: 'What window.prismSim.report() and the headless runner return (DRILL-API.md §2; docs/REPORT.md).',
    $ref: '#/definitions/Report',
    definitions: reachable(defs, 'Report'),
  }
  const opts = { bannerComment: '', additionalProperties: false, strictIndexSignatures: false, unreachableDefinitions: true, format: true, ignoreMinAndMaxItems: true } as const
  const kitDefs = Object.fromEntries(['Report', 'Fault', 'Until', 'UntilResult', 'ResiliencyStatus', 'DrillChecks'].flatMap((n) => Object.entries(reachable(defs, n))))
  const roots = ['Report', 'Fault', 'Until', 'UntilResult', 'DrillChecks']
  // pairs stay pairs in the kit's types (ignoreMinAndMaxItems would make them number[][])
  const xr = kitDefs.XrayReportResult ? structuredClone(kitDefs.XrayReportResult) : null
  if (xr) { (xr.properties as Record<string, Json>).series.tsType = 'Array<[number, number]>'; kitDefs.XrayReportResult = xr }
  const wrapper = { title: 'KitTypes', type: 'object', additionalProperties: false, properties: Object.fromEntries(roots.map((n) => [n, { $ref: `#/definitions/${n}` }])), definitions: kitDefs }
  const modelTs = (await compile(wrapper as JSONSchema, 'KitTypes', { ...opts, declareExternallyReferenced: true })).replace(/export interface KitTypes \{[\s\S]*?\n\}\n/, '')
  const strip = (s: Json) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$schema' && k !== '$id')) as JSONSchema
  const scenarioTs = await compile(strip(scenario), 'Scenario', opts)
  const runTs = await compile({ ...strip(run), properties: { ...(run.properties as Json), scenario: { description: 'a Scenario object, or a built-in scenario id', tsType: 'Scenario | string' } } } as JSONSchema, 'Run', opts)
  const kitTypes = [
    '/* eslint-disable */',
    '/**',
    ' * GENERATED by `npm run gen:schemas` (scripts/schemas/generate.ts) from the model: do not edit.',
    ' * Report, Fault, Until: src/model/types.ts; Scenario: schemas/scenario.schema.json; Run: schemas/run.schema.json.',
    ' */',
    '',
    modelTs.trim(),
    '',
    scenarioTs.trim(),
    '',
    runTs.trim(),
    '',
  ].join('\n')
  return {
    scenario: json(scenario),
    run: json(run),
    report: json(report),
    kitTypes,
    reportDoc: reportDoc(report),
  }
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const out = await generate()
  for (const [k, text] of Object.entries(out)) {
    writeFileSync(OUTPUTS[k as keyof typeof OUTPUTS], text)
    process.stdout.write(`wrote ${OUTPUTS[k as keyof typeof OUTPUTS]}\n`)
  }
}
