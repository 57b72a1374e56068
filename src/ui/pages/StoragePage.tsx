export function StoragePage(_props: { view: string | null }) {
  return <p>Storage</p>
}
