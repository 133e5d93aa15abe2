// `npm run bench [-- --latency 300 --scale kata,large,huge --concurrency 4 --json]`: runs the built CLI as a
// separate process against the fake GitHub with a latency per request and prints one table of figures, or
// with `--json` one JSON object per world, to compare across commits.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_CONCURRENCY } from '../../src/options.js'
import { startFakeGitHub } from '../fake-github/server.js'
import { expectedElectorate } from '../world/expected.js'
import { generateWorld, SCALES, type Scale } from '../world/generate.js'
import { baselineFigures } from './baseline.js'

const NOW = '2026-04-07T00:00:00Z'
const UNTIL = new Date(NOW)
const SINCE = new Date('2025-04-07T00:00:00Z')
const TOKEN = 'bench-token'

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '300' },
    // `--scale huge` as the issues write it; `--scales` is the older spelling of the same.
    scale: { type: 'string' },
    scales: { type: 'string' },
    json: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
    // Wall time varies by a few percent from run to run on a shared machine: the median run is shown.
    runs: { type: 'string', default: '3' }
  }
})
const latencyMs = Number(values.latency)
const scales = (values.scale ?? values.scales ?? 'kata,large').split(',') as Scale[]
for (const scale of scales)
  if (!SCALES.includes(scale)) throw new Error(`--scale: ${scale} is not one of ${SCALES.join(', ')}`)
const cli = path.resolve('dist/cli.js')

interface Row {
  run: string
  /** Numbers as measured, for the JSON line. */
  figures: { wall: number; chain: number; bound: number; rssMb: number | null }
  requests: number
  points: number | string
  wall: number
  wallRange: string
  criticalPath: number | string
  ratio: string
  /** No schedule with this many slots beats max(critical path, requests x latency / slots). */
  bound: number | string
  boundRatio: string
  fakeCpu: number | string
  maxInFlight: number | string
  rssMb: number | string
  equal: string
}

/** Runs the CLI, with GNU time around it when the machine has it, to read the peak RSS. */
async function runCli(
  args: string[],
  cwd: string
): Promise<{ code: number; rssKb: number | null; stderr: string }> {
  const timed = existsSync('/usr/bin/time')
  const command = timed ? '/usr/bin/time' : process.execPath
  const argv = timed ? ['-f', 'peak-rss-kb=%M', process.execPath, cli, ...args] : [cli, ...args]
  return new Promise(resolve => {
    const child = spawn(command, argv, { cwd, env: { ...process.env, GITHUB_TOKEN: TOKEN, GH_TOKEN: '' } })
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    child.stdout.resume()
    child.on('exit', code => {
      const rss = /peak-rss-kb=(\d+)/.exec(stderr)
      resolve({ code: code ?? 1, rssKb: rss ? Number(rss[1]) : null, stderr })
    })
  })
}

async function electorateLogins(file: string): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/).slice(1)
  return lines
    .filter(l => l !== '')
    .map(l => l.split(',')[0]!)
    .sort()
}

async function benchScale(scale: Scale): Promise<Row[]> {
  const world = generateWorld({ scale, seed: 1, now: NOW })
  const github = await startFakeGitHub({ world, token: TOKEN, latencyMs })
  const cwd = await mkdtemp(path.join(os.tmpdir(), `electorate-bench-${scale}-`))
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const result = await runCli(
    [
      '--organization',
      world.organization.login,
      '--since',
      SINCE.toISOString(),
      '--until',
      UNTIL.toISOString(),
      '--graphql-url',
      github.url,
      '--concurrency',
      values.concurrency,
      '--include-emails',
      'false'
    ],
    cwd
  )
  const wall = (performance.now() - started) / 1000
  // This process is the fake GitHub: its CPU time is taken from the same two cores the CLI runs on.
  const cpu = process.cpuUsage(cpuBefore)
  const fakeCpu = (cpu.user + cpu.system) / 1e6
  await github.close()
  if (result.code !== 0) {
    process.stderr.write(result.stderr)
    throw new Error(`the CLI failed on the ${scale} world (exit ${result.code})`)
  }
  const expected = expectedElectorate(world, { since: SINCE, until: UNTIL })
  const got = await electorateLogins(path.join(cwd, 'electorate', 'electorate.csv'))
  const want = [...expected.qualified].sort()
  const equal = JSON.stringify(got) === JSON.stringify(want) ? 'yes' : `NO (${got.length} vs ${want.length})`
  await rm(cwd, { recursive: true, force: true })

  const depth = github.criticalPathRequests()
  const criticalPath = (depth * latencyMs) / 1000
  const bound = Math.max(criticalPath, (github.log.length * latencyMs) / 1000 / Number(values.concurrency))
  const baseline = baselineFigures(world, SINCE, UNTIL, latencyMs)
  return [
    {
      run: `${scale}`,
      figures: {
        wall,
        chain: criticalPath,
        bound,
        rssMb: result.rssKb === null ? null : Math.round(result.rssKb / 1024)
      },
      requests: github.log.length,
      points: github.pointsUsed(),
      wall: Number(wall.toFixed(2)),
      wallRange: '',
      criticalPath: Number(criticalPath.toFixed(1)),
      ratio: (wall / criticalPath).toFixed(2),
      bound: Number(bound.toFixed(1)),
      boundRatio: (wall / bound).toFixed(2),
      fakeCpu: Number(fakeCpu.toFixed(1)),
      maxInFlight: github.maxInFlight,
      rssMb: result.rssKb === null ? 'n/a' : Math.round(result.rssKb / 1024),
      equal
    },
    {
      run: `${scale} baseline (script)`,
      figures: { wall: baseline.wallSeconds, chain: 0, bound: 0, rssMb: null },
      requests: baseline.requests,
      points: 'REST',
      wall: Number(baseline.wallSeconds.toFixed(1)),
      wallRange: '-',
      criticalPath: '-',
      ratio: '-',
      bound: '-',
      boundRatio: '-',
      fakeCpu: '-',
      maxInFlight: 1,
      rssMb: '-',
      equal: 'commits only'
    }
  ]
}

const rows: Row[] = []
for (const scale of scales) {
  process.stderr.write(`bench: ${scale} world, ${latencyMs} ms per request, ${values.runs} runs...\n`)
  const runs: Row[][] = []
  for (let run = 0; run < Number(values.runs); run++) runs.push(await benchScale(scale))
  runs.sort((a, b) => a[0]!.wall - b[0]!.wall)
  const [median, baseline] = runs[Math.floor((runs.length - 1) / 2)]!
  median!.wallRange = `${runs[0]![0]!.wall.toFixed(2)}–${runs.at(-1)![0]!.wall.toFixed(2)}`
  rows.push(median!, baseline!)
  if (values.json) {
    const { figures } = median!
    const line = {
      world: scale,
      requests: median!.requests,
      points: median!.points,
      wall_s: Number(figures.wall.toFixed(2)),
      chain_s: Number(figures.chain.toFixed(1)),
      bound_s: Number(figures.bound.toFixed(1)),
      peak_rss_mb: figures.rssMb,
      equals_oracle: median!.equal === 'yes'
    }
    process.stdout.write(`${JSON.stringify(line)}\n`)
  }
}
if (!values.json) printTable(rows)

function printTable(rows: Row[]): void {
  const header = [
    'run',
    'requests',
    'points',
    'wall s (median run)',
    'wall s (min–max)',
    'critical path s',
    'wall/critical',
    'bound s',
    'wall/bound',
    'fake GitHub CPU s',
    'max in flight',
    'peak RSS MB',
    'equals expected'
  ]
  const table = [
    header,
    ...rows.map(r =>
      [
        r.run,
        r.requests,
        r.points,
        r.wall,
        r.wallRange,
        r.criticalPath,
        r.ratio,
        r.bound,
        r.boundRatio,
        r.fakeCpu,
        r.maxInFlight,
        r.rssMb,
        r.equal
      ].map(String)
    )
  ]
  const widths = header.map((_, i) => Math.max(...table.map(row => row[i]!.length)))
  for (const [i, row] of table.entries()) {
    process.stdout.write(`| ${row.map((cell, j) => cell.padEnd(widths[j]!)).join(' | ')} |\n`)
    if (i === 0) process.stdout.write(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|\n`)
  }
}
