export function HomePage(_props: { view: string | null }) {
  return <p>Home</p>
}
