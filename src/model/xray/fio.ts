/**
 * fio job files (the `.fio` files an X-Ray workload names), read into sections and options.
 *
 * Why our own small reader and not an INI library: fio's format looks like INI but is not
 * quite. Options may be bare flags (`time_based`, `norandommap`); a `[global]` section may
 * appear several times and applies only to the jobs after it; job names may hold dots
 * (the `ini` package turns `[a.b]` into nested objects and drops line numbers); and our
 * refusals must name the line. The grammar we accept, documented in the README:
 *   - blank lines and lines starting with `;` or `#` are ignored;
 *   - `[name]` starts a section (`global` or a job); a job name is used once per file;
 *   - `key=value` or a bare `key` (a flag) inside a section; spaces around `=` are trimmed;
 *   - `include` is refused (every option must be in the file).
 */

export interface FioOption { key: string; value: string | null; line: number }
export interface FioSection { name: string; line: number; options: FioOption[] }
export interface FioJobFile { file: string; sections: FioSection[] }

/** A job with the `[global]` options that precede it folded in (the job's own win). */
export interface FioJob {
  name: string
  line: number
  options: Map<string, { value: string | null; line: number }>
}

export function parseFio(file: string, text: string): { ok: true; value: FioJobFile } | { ok: false; problems: string[] } {
  const problems: string[] = []
  const sections: FioSection[] = []
  const jobNames = new Map<string, number>()
  let current: FioSection | null = null
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = i + 1
    const s = raw.trim()
    if (s === '' || s.startsWith(';') || s.startsWith('#')) return
    if (s.startsWith('[')) {
      if (!s.endsWith(']')) { problems.push(`${file}: line ${line}: section header must end with "]"`); current = null; return }
      const name = s.slice(1, -1).trim()
      if (name === '') { problems.push(`${file}: line ${line}: empty section name`); current = null; return }
      if (name !== 'global') {
        const prev = jobNames.get(name)
        if (prev !== undefined) problems.push(`${file}: line ${line}: job "${name}" is already defined at line ${prev}`)
        else jobNames.set(name, line)
      }
      current = { name, line, options: [] }
      sections.push(current)
      return
    }
    const eq = s.indexOf('=')
    const key = (eq < 0 ? s : s.slice(0, eq)).trim()
    const value = eq < 0 ? null : s.slice(eq + 1).trim()
    if (key === '') { problems.push(`${file}: line ${line}: option without a name`); return }
    if (key === 'include' || key.startsWith('include ')) { problems.push(`${file}: line ${line}: "include" is not supported: put the options in this file`); return }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) { problems.push(`${file}: line ${line}: "${key}" is not an option name`); return }
    if (current === null) { problems.push(`${file}: line ${line}: option "${key}" is outside a section`); return }
    ;(current as FioSection).options.push({ key, value, line })
  })
  if (problems.length === 0 && jobNames.size === 0) problems.push(`${file}: holds no job section (only [global] or nothing)`)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { file, sections } }
}

/** The jobs of a file, in order, each with the globals defined before it. */
export function resolveJobs(f: FioJobFile): FioJob[] {
  const globals = new Map<string, { value: string | null; line: number }>()
  const jobs: FioJob[] = []
  for (const s of f.sections) {
    if (s.name === 'global') {
      for (const o of s.options) globals.set(o.key, { value: o.value, line: o.line })
      continue
    }
    const options = new Map(globals)
    for (const o of s.options) options.set(o.key, { value: o.value, line: o.line })
    jobs.push({ name: s.name, line: s.line, options })
  }
  return jobs
}
