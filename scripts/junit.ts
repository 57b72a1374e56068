/** JUnit XML for the headless runner's `--junit <file>`: one test suite, one test case per `expect` check. */
import type { CheckResult } from '../src/model/scenario/expect'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function junitXml(suite: string, checks: readonly CheckResult[]): string {
  const failures = checks.filter((c) => !c.passed).length
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="prism-sim drill" tests="${checks.length}" failures="${failures}">`,
    `  <testsuite name="${esc(suite)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="0">`,
  ]
  for (const c of checks) {
    const head = `    <testcase classname="${esc(suite)}" name="${esc(`expect[${c.index}] ${c.name}`)}" time="0"`
    if (c.passed) lines.push(`${head}>`, `      <system-out>${esc(`T+${c.time} s: ${c.message}`)}</system-out>`, '    </testcase>')
    else lines.push(`${head}>`, `      <failure message="${esc(c.message)}" type="ExpectationFailed">${esc(`T+${c.time} s: ${c.message}`)}</failure>`, '    </testcase>')
  }
  lines.push('  </testsuite>', '</testsuites>', '')
  return lines.join('\n')
}
