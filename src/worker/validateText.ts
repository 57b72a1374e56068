/**
 * Validation of a pasted or typed scenario (issue 21), run in its own worker
 * (validate.worker.ts) so a huge paste never blocks the page: JSON text in, the scenario or at
 * most 100 problems (then "and N more") out, each with the line it points at.
 */
import { compileScenario } from '../model/scenario/normalize'
import { clipProblem, MAX_JSON_CHARS, quote } from '../model/scenario/limits'
import { lineOfPath } from '../model/scenario/locatePath'

export type ScenarioVerdict = { ok: true; summary: string; scenario: unknown } | { ok: false; problems: string[] }

export function validateScenarioText(text: unknown, seed?: number): ScenarioVerdict {
  if (typeof text !== 'string') return { ok: false, problems: [`(JSON): must be text, got ${quote(text)}`] }
  if (text.length > MAX_JSON_CHARS) return { ok: false, problems: [`(JSON): ${text.length} characters, more than the ${MAX_JSON_CHARS} a scenario may have`] }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    return { ok: false, problems: [clipProblem(`(JSON): ${(e as Error).message}`)] }
  }
  let res: ReturnType<typeof compileScenario>
  try {
    res = compileScenario(parsed, seed)
  } catch (e) {
    const deep = e instanceof RangeError
    return { ok: false, problems: [deep ? '(scenario): nested too deeply to read' : clipProblem(`(scenario): ${(e as Error).message}`)] }
  }
  if (!res.ok) {
    const problems = res.problems.map((p) => { // already capped by compileScenario
      if (p.startsWith('… and ')) return p
      const line = lineOfPath(text, p.split(':')[0])
      return line === null ? p : `${p} (line ${line})`
    })
    return { ok: false, problems }
  }
  const sp = res.spec
  return { ok: true, scenario: parsed, summary: `Valid: ${sp.nodes.length} nodes in ${sp.blocks.length} blocks and ${sp.racks.length} racks, FT${sp.ftLevel}, ${sp.vms.length} VMs, seed ${sp.seed}.` }
}
