export function AlertsPage(_props: { view: string | null }) {
  return <p>Alerts</p>
}
