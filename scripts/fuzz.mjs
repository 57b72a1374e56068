#!/usr/bin/env node
// `npm run fuzz [-- --minutes 10] [--factor 50] [path-filter …]`: the model's property suites
// (every src/model test file that uses fast-check, found anew each time, in whatever
// subfolders) with FC_RUNS_FACTOR× each property's own numRuns and fresh seeds, file after
// file, round after round, until the time budget is spent and every file ran at least once.
// A failure prints its file, test, seed, path and counterexample, and the command replaying
// it; the fuzz goes on with the other files and exits 1 at the end.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const args = process.argv.slice(2)
const usage = 'usage: npm run fuzz -- [--minutes <m>] [--factor <n>] [path-filter …]'
let minutes = 10
let factor = 50
const filters = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]
  const num = (name) => {
    const v = Number(args[++i])
    if (!Number.isFinite(v) || v <= 0) {
      console.error(`${name} needs a positive number, got "${args[i] ?? ''}"\n${usage}`)
      process.exit(2)
    }
    return v
  }
  if (a === '--minutes') minutes = num('--minutes')
  else if (a === '--factor') factor = num('--factor')
  else if (a === '--help' || a === '-h') {
    console.log(usage)
    process.exit(0)
  } else if (a.startsWith('-')) {
    console.error(`unknown option ${a}\n${usage}`)
    process.exit(2)
  } else filters.push(a)
}

const root = process.cwd()
function walk(dir) {
  const out = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...walk(p))
    else if (e.name.endsWith('.test.ts')) out.push(p)
  }
  return out
}
const suites = () => walk(join(root, 'src', 'model'))
  .filter((f) => /fast-check|fcParams\(/.test(readFileSync(f, 'utf8')))
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()

// fresh seeds: nothing pinned from the caller's shell
const env = { ...process.env, FC_RUNS_FACTOR: String(factor), NO_COLOR: '1', FORCE_COLOR: '0' }
for (const k of ['FC_SEED', 'FC_PATH', 'FC_RUNS']) delete env[k]

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function runFile(file) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', file], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('close', (code) => resolve({ code: code ?? 1, out }))
  })
}

/** The failures in a Vitest output: test name, seed, path, counterexample, cause. */
function failures(out) {
  const found = []
  const blocks = out.split(/\n(?= FAIL )/)
  for (const b of blocks) {
    const head = /^ FAIL +(\S+) > (.+)$/m.exec(b)
    if (!head) continue
    const seed = /seed: (-?\d+), path: "([^"]*)"/.exec(b)
    const counter = /Counterexample: (.*)$/m.exec(b)
    const cause = /Caused by: (.*)$/m.exec(b) ?? /^(\w*Error: .*)$/m.exec(b)
    found.push({ file: head[1], test: head[2].split(' > ').pop(), seed: seed?.[1], path: seed?.[2], counter: counter?.[1], cause: cause?.[1] })
  }
  return found
}

const files = suites()
if (files.length === 0) {
  console.error(`no property suite matches ${filters.join(', ')}`)
  process.exit(2)
}
const budgetMs = minutes * 60_000
const start = Date.now()
const stamp = () => `${((Date.now() - start) / 60_000).toFixed(1).padStart(5)} min`
console.log(`fuzz: ${files.length} property suites, ${factor}× each property's runs, fresh seeds, for at least ${minutes} min`)
const passes = new Map(files.map((f) => [f, 0]))
const failed = []
let round = 0
while (Date.now() - start < budgetMs || [...passes.values()].some((n) => n === 0)) {
  round++
  for (const file of round === 1 ? files : suites()) {
    if (round > 1 && Date.now() - start >= budgetMs) break
    const t0 = Date.now()
    const { code, out } = await runFile(file)
    const secs = ((Date.now() - t0) / 1000).toFixed(1)
    passes.set(file, (passes.get(file) ?? 0) + 1)
    if (code === 0) {
      console.log(`${stamp()}  round ${round}  ok    ${file} (${secs} s)`)
      continue
    }
    const fs = failures(out)
    console.log(`${stamp()}  round ${round}  FAIL  ${file} (${secs} s)`)
    if (fs.length === 0) {
      console.log(out.split('\n').slice(-60).join('\n')) // not a property failure: show the end of the output
      failed.push({ file, test: '(see output)' })
    }
    for (const f of fs) {
      failed.push(f)
      console.log(`  test:   ${f.test}`)
      if (f.cause) console.log(`  error:  ${f.cause}`)
      if (f.seed !== undefined) {
        console.log(`  seed:   ${f.seed}   path: ${f.path}`)
        if (f.counter) console.log(`  counterexample: ${f.counter.length > 600 ? `${f.counter.slice(0, 600)} …` : f.counter}`)
        console.log(`  replay: FC_RUNS_FACTOR=${factor} FC_SEED=${f.seed} FC_PATH="${f.path}" npx vitest run ${f.file} -t "${escapeRe(f.test)}"`)
      }
    }
  }
}
const total = [...passes.values()].reduce((a, b) => a + b, 0)
console.log(`fuzz: ${stamp().trim()}, ${round} round(s), ${total} suite runs at ${factor}× (${[...passes].map(([f, n]) => `${f.replace(/^src\/model\//, '')} ${n}`).join(', ')})`)
if (failed.length > 0) {
  console.log(`fuzz: ${failed.length} failure(s)`)
  process.exit(1)
}
console.log('fuzz: clean')
