/** Prism's dark top bar: view selector, health, alerts, tasks, cluster name, clock, search, settings, help. */
import { useCallback, useMemo, useRef, useState } from 'react'
import { useSim } from '../store/simStore'
import { ClockControls } from './ClockControls'
import { AlertsCounter, TasksCounter } from './Counters'
import { EntitySearch } from './EntitySearch'
import { HealthIndicator } from './HealthIndicator'
import { HelpDialog } from './HelpDialog'
import { PageMenu } from './PageMenu'
import { navigate, pageName, type PageId } from './routes'
import { ScenarioDialog } from './ScenarioDialog'
import { useHotkeys } from './useHotkeys'
import { useWalkthrough } from '../walkthrough/walkthroughStore'

export function TopBar(props: { page: PageId }) {
  const clusterName = useSim((s) => s.structure?.clusterName ?? '')
  const [menu, setMenu] = useState(false)
  const [scenarios, setScenarios] = useState(false)
  const [help, setHelp] = useState(false)
  const search = useRef<HTMLInputElement>(null)
  const closeMenu = useCallback(() => setMenu(false), [])
  const openWalkthroughs = useCallback(() => useWalkthrough.getState().set({ listOpen: true }), [])
  const keys = useMemo(
    () => ({
      m: () => setMenu((v) => !v),
      a: () => navigate('alerts'),
      p: () => navigate('tasks'),
      '/': () => search.current?.focus(),
      '?': () => setHelp(true),
    }),
    [],
  )
  useHotkeys(keys)
  return (
    <header className="relative flex h-11 items-center gap-2 whitespace-nowrap bg-[#22272e] px-3 text-slate-100 shadow xl:gap-3">
      <a href="#content" className="skip-link" onClick={(e) => {
        e.preventDefault()
        document.getElementById('content')?.focus()
      }}>
        Skip to content
      </a>
      <div className="relative">
        <button type="button" className="topbar-btn flex items-center gap-1 font-semibold" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu((v) => !v)} title="Pages (m)">
          <span aria-hidden="true">☰</span> {pageName(props.page)} <span aria-hidden="true" className="text-[11px]">▾</span>
        </button>
        {menu && <PageMenu current={props.page} onClose={closeMenu} onWalkthroughs={openWalkthroughs} />}
      </div>
      <HealthIndicator />
      <AlertsCounter />
      <TasksCounter />
      <button type="button" className="topbar-btn min-w-0 max-w-[220px] shrink truncate text-sm font-semibold" onClick={() => setScenarios(true)} title="Scenarios" aria-label={`Cluster ${clusterName}: change scenario`} data-testid="cluster-name">
        {clusterName}
      </button>
      <button type="button" className="topbar-btn text-sm" onClick={openWalkthroughs} title="Narrated failure stories (w)" data-testid="walkthroughs-button">
        Walkthroughs
      </button>
      <div className="ml-auto flex items-center gap-3">
        <ClockControls />
        <EntitySearch ref={search} />
        <button type="button" className="topbar-btn" aria-label="Settings" onClick={() => navigate('settings')}>
          <span aria-hidden="true">⚙</span>
        </button>
        <button type="button" className="topbar-btn" aria-label="Help" onClick={() => setHelp(true)}>
          <span aria-hidden="true">?</span>
        </button>
      </div>
      {scenarios && <ScenarioDialog onClose={() => setScenarios(false)} />}
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </header>
  )
}
