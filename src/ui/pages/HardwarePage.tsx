export function HardwarePage(_props: { view: string | null }) {
  return <p>Hardware</p>
}
