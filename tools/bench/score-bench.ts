// `npm run bench:score [-- --scale huge]`: the built CLI re-scores a world (default `large`) from its records
// file, with no GitHub.
// The records file is gathered once here from the fake GitHub without latency; only the re-score is timed.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startFakeGitHub } from '../fake-github/server.js'
import { generateWorld, SCALES, type Scale } from '../world/generate.js'

const NOW = '2026-04-07T00:00:00Z'
const TOKEN = 'bench-token'
const { values } = parseArgs({ options: { scale: { type: 'string', default: 'large' } } })
const scale = values.scale as Scale
if (!SCALES.includes(scale)) throw new Error(`--scale: ${scale} is not one of ${SCALES.join(', ')}`)
// The huge world's limits are those of a standard runner (issue: Kubernetes scale).
const LIMIT_SECONDS = scale === 'huge' ? 10 : 5
const LIMIT_MB = scale === 'huge' ? 1024 : 400
const cli = path.resolve('dist/cli.js')

/** Runs the CLI, with GNU time around it when the machine has it, to read the peak RSS. */
function runCli(args: string[], cwd: string, env: Record<string, string>) {
  const timed = existsSync('/usr/bin/time')
  const command = timed ? '/usr/bin/time' : process.execPath
  const argv = timed ? ['-f', 'peak-rss-kb=%M', process.execPath, cli, ...args] : [cli, ...args]
  const started = performance.now()
  return new Promise<{ code: number; seconds: number; rssKb: number | null; stderr: string }>(resolve => {
    const child = spawn(command, argv, { cwd, env: { PATH: process.env.PATH ?? '', ...env } })
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    child.stdout.resume()
    child.on('exit', code => {
      const rss = /peak-rss-kb=(\d+)/.exec(stderr)
      const seconds = (performance.now() - started) / 1000
      resolve({ code: code ?? 1, seconds, rssKb: rss ? Number(rss[1]) : null, stderr })
    })
  })
}

const world = generateWorld({ scale, seed: 1, now: NOW })
const github = await startFakeGitHub({ world, token: TOKEN })
const cwd = await mkdtemp(path.join(os.tmpdir(), 'electorate-score-bench-'))
try {
  process.stderr.write(`score bench: gathering the ${scale} world once from the fake GitHub...\n`)
  const window = ['--since', '2025-04-07T00:00:00Z', '--until', NOW]
  const gathered = await runCli(
    ['--organization', world.organization.login, '--graphql-url', github.url, ...window, '--mode', 'gather'],
    cwd,
    { GITHUB_TOKEN: TOKEN }
  )
  if (gathered.code !== 0) throw new Error(`gathering failed (exit ${gathered.code}):\n${gathered.stderr}`)
  const records = path.join(cwd, 'electorate', 'records.jsonl.gz')
  const requests = github.log.length

  process.stderr.write('score bench: re-scoring from the records file...\n')
  const scored = await runCli(['--from-records', records, '--output-dir', 'scored'], cwd, {})
  if (scored.code !== 0) throw new Error(`scoring failed (exit ${scored.code}):\n${scored.stderr}`)
  if (github.log.length !== requests) throw new Error('scoring from records asked GitHub')

  const mb = scored.rssKb === null ? null : Math.round(scored.rssKb / 1024)
  const fast = scored.seconds < LIMIT_SECONDS
  const small = mb === null || mb < LIMIT_MB
  const sizeMb = ((await stat(records)).size / 1024 / 1024).toFixed(1)
  process.stdout.write(
    `| figure | value | limit |\n|---|---|---|\n` +
      `| records file (${scale} world) | ${sizeMb} MB | - |\n` +
      `| score wall time | ${scored.seconds.toFixed(2)} s | ${LIMIT_SECONDS} s |\n` +
      `| score peak RSS | ${mb === null ? 'n/a (no /usr/bin/time)' : `${mb} MB`} | ${LIMIT_MB} MB |\n` +
      `| GitHub requests while scoring | 0 | 0 |\n`
  )
  if (!fast || !small) {
    process.stderr.write('score bench: over the limit\n')
    process.exitCode = 1
  }
} finally {
  await github.close()
  await rm(cwd, { recursive: true, force: true })
}
