export function AnalysisPage(_props: { view: string | null }) {
  return <p>Analysis</p>
}
