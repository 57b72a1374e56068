/** Start-up: load the scenario named in the URL (?scenario=<id>&seed=<n>), then expose window.prismSim. */
import { simClient } from '../bridge/client'
import { installPrismSim } from '../bridge/prismSim'
import { DEFAULT_SCENARIO_ID } from '../bridge/types'
import { decodeRun } from '../runs/shareUrl'
import { useSim } from '../store/simStore'
import { rememberedScenario, rememberScenario } from './lastScenario'

export async function startup(): Promise<void> {
  const params = new URLSearchParams(window.location.search)
  const problems: string[] = []
  const scenario = params.get('scenario') ?? DEFAULT_SCENARIO_ID
  const seedText = params.get('seed')
  let seed: number | undefined
  if (seedText !== null) {
    if (/^\d+$/.test(seedText) && Number(seedText) <= 4294967295) seed = Number(seedText)
    else problems.push(`URL parameter seed: must be a whole number from 0 to 4294967295, got "${seedText}"`)
  }
  const custom = params.get('scenario') === null && params.get('run') === null ? rememberedScenario() : null
  try {
    if (custom) await simClient.load(custom.scenario, seed ?? custom.seed)
    else await simClient.load(scenario, seed)
  } catch (e) {
    if (custom) rememberScenario(null)
    problems.push(custom ? `The custom scenario kept from before the reload: ${(e as Error).message}` : `URL parameter scenario: ${(e as Error).message}`)
    await simClient.load(DEFAULT_SCENARIO_ID, seed)
    problems.push(`Loaded the default scenario "${DEFAULT_SCENARIO_ID}" instead.`)
  }
  const runParam = params.get('run')
  if (runParam !== null) {
    // a shared run (?run=, runs/shareUrl.ts): replay it; when it is bad, say why and keep the scenario above
    try {
      await simClient.importRun(await decodeRun(runParam))
    } catch (e) {
      problems.push(`URL parameter run: ${(e as Error).message}`, `The shared run was not loaded; "${scenario}" is running instead.`)
    }
  }
  if (problems.length > 0) useSim.getState().setBanner(problems.join('\n'))
  installPrismSim()
}
