/** Prism's Settings page: the settings the simulation models, with a menu on the left. */
import { FaultToleranceSetting } from '../settings/FaultToleranceSetting'
import { HaSetting } from '../settings/HaSetting'
import { RackConfiguration } from '../settings/RackConfiguration'
import { ScenarioSetting } from '../settings/ScenarioSetting'
import { SettingsMenu } from '../settings/SettingsMenu'
import { ThresholdSetting } from '../settings/ThresholdSetting'
import { UpgradeSetting } from '../settings/UpgradeSetting'
import { useSim } from '../store/simStore'

export function SettingsPage(_props: { view: string | null }) {
  const structure = useSim((s) => s.structure)
  const threshold = useSim((s) => s.summary?.storage.warnThresholdPct ?? null)
  const ha = useSim((s) => s.summary?.ha ?? null)
  const planned = useSim((s) => s.summary?.planned ?? null)
  if (!structure) return null
  return (
    <div className="grid items-start gap-3 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <SettingsMenu />
      <div className="flex flex-col gap-3">
        {threshold !== null && <ThresholdSetting key={structure.loadId} current={threshold} />}
        <FaultToleranceSetting structure={structure} />
        <RackConfiguration structure={structure} />
        <HaSetting structure={structure} ha={ha} />
        <UpgradeSetting planned={planned} nodes={structure.nodes.length} />
        <ScenarioSetting structure={structure} />
      </div>
    </div>
  )
}
