export function VmsPage(_props: { view: string | null }) {
  return <p>Vms</p>
}
