/**
 * The line of a JSON path ("cluster.racks[0].id") in pretty JSON text, found by looking for
 * each key in turn after the previous one (array indexes are skipped). A hint for the
 * editor's problem list; null when a key isn't found.
 */
export function lineOfPath(text: string, path: string): number | null {
  const keys = path.split(/\.|\[\d+\]/).filter((k) => k !== '' && k !== '(scenario)')
  if (keys.length === 0) return null
  let pos = 0
  for (const k of keys) {
    const i = text.indexOf(`"${k}"`, pos)
    if (i < 0) return pos > 0 ? text.slice(0, pos).split('\n').length : null
    pos = i
  }
  return text.slice(0, pos).split('\n').length
}
