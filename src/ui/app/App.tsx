/** The Prism frame: top bar, start-up banner, the current page, toasts. */
import { useEffect, type ComponentType } from 'react'
import { AlertsPage } from '../pages/AlertsPage'
import { AnalysisPage } from '../pages/AnalysisPage'
import { HaPage } from '../pages/HaPage'
import { HardwarePage } from '../pages/HardwarePage'
import { HealthPage } from '../pages/HealthPage'
import { HomePage } from '../pages/HomePage'
import { IoPathsPage } from '../pages/IoPathsPage'
import { XrayPage } from '../xray/XrayPage'
import { MetadataPage } from '../pages/MetadataPage'
import { SettingsPage } from '../pages/SettingsPage'
import { StoragePage } from '../pages/StoragePage'
import { RunsPage } from '../pages/RunsPage'
import { TasksPage } from '../pages/TasksPage'
import { TravelBanner } from '../timetravel/TravelBanner'
import { VmsPage } from '../pages/VmsPage'
import { useSim } from '../store/simStore'
import { DataLossBanner } from '../resiliency/DataLossBanner'
import { PartitionBanner } from '../resiliency/PartitionBanner'
import { Banner } from './Banner'
import { ErrorBoundary } from '../common/ErrorBoundary'
import { WorkerBanner } from './WorkerBanner'
import { pageName, useRoute, type PageId } from './routes'
import { Toasts } from './Toasts'
import { Walkthrough } from '../walkthrough/Walkthrough'
import { TopBar } from './TopBar'

const PAGE_COMPONENTS: Record<PageId, ComponentType<{ view: string | null }>> = {
  home: HomePage,
  health: HealthPage,
  vms: VmsPage,
  storage: StoragePage,
  hardware: HardwarePage,
  'io-paths': IoPathsPage,
  xray: XrayPage,
  ha: HaPage,
  metadata: MetadataPage,
  analysis: AnalysisPage,
  alerts: AlertsPage,
  tasks: TasksPage,
  runs: RunsPage,
  settings: SettingsPage,
}

export function App() {
  const route = useRoute()
  const ready = useSim((s) => s.ready && s.state !== null)
  const toast = useSim((s) => s.toast)
  useEffect(() => {
    document.title = `${pageName(route.page)} · Prism Simulator`
  }, [route.page])
  useEffect(() => {
    if (route.unknown) toast('error', `Unknown page "#/${route.unknown}": showing Home`)
  }, [route.unknown, toast])
  const Page = PAGE_COMPONENTS[route.page]
  return (
    <div className="flex min-h-screen flex-col bg-[#eef1f4] text-slate-800">
      <TopBar page={route.page} />
      <Banner />
      <WorkerBanner />
      <DataLossBanner />
      <PartitionBanner />
      <TravelBanner />
      <Walkthrough />
      <main id="content" tabIndex={-1} className="flex-1 p-3 outline-none" aria-label={pageName(route.page)}>
        <h1 className="sr-only">{pageName(route.page)}</h1>
        {ready ? (
          <ErrorBoundary what={`The ${pageName(route.page)} page`} resetKey={`${route.page}/${route.view ?? ''}`} back={{ label: 'Back to Home', onClick: () => void (window.location.hash = '#/home') }}>
            <Page view={route.view} />
          </ErrorBoundary>
        ) : <p className="p-6 text-sm text-slate-600" role="status">Starting the simulation…</p>}
      </main>
      <Toasts />
    </div>
  )
}
