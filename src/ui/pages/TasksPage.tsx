export function TasksPage(_props: { view: string | null }) {
  return <p>Tasks</p>
}
