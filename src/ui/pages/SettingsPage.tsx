export function SettingsPage(_props: { view: string | null }) {
  return <p>Settings</p>
}
