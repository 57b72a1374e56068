export function HealthPage(_props: { view: string | null }) {
  return <p>Health</p>
}
