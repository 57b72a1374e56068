export function IoPathsPage(_props: { view: string | null }) {
  return <p>IoPaths</p>
}
