// `npm run bench:trace -- --scale kata [--latency 300] [--concurrency 10]`: the built CLI against the fake
// GitHub, then every request in the order it started: when, how long, its depth in the chain of
// answers it built on, its cost and what it asked for; then the longest chain, link by link, with how
// long each link waited after the answer it built on; then where the request slots' time went. The way to
// see why a run takes the time it takes.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_CONCURRENCY } from '../../src/options.js'
import { startFakeGitHub, type RequestLogEntry } from '../fake-github/server.js'
import { generateWorld, type Scale } from '../world/generate.js'
import { slotUse } from './slot-use.js'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'kata' },
    latency: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) }
  }
})
const world = generateWorld({ scale: values.scale as Scale, seed: 1 })
const github = await startFakeGitHub({ world, token: 'trace', latencyMs: Number(values.latency) })
const cwd = await mkdtemp(path.join(os.tmpdir(), 'electorate-trace-'))
const started = Date.now()
const args = ['--organization', world.organization.login, '--until', world.now.slice(0, 10)]
args.push('--graphql-url', github.url, '--concurrency', values.concurrency)
await new Promise(resolve =>
  spawn(process.execPath, [path.resolve('dist/cli.js'), ...args], {
    cwd,
    env: { ...process.env, GITHUB_TOKEN: 'trace', GH_TOKEN: '' },
    stdio: 'ignore'
  }).on('exit', resolve)
)
const wall = Date.now() - started
await github.close()
await rm(cwd, { recursive: true, force: true })

process.stdout.write('start ms  took ms  depth  cost  operation\n')
for (const entry of [...github.log].sort((a, b) => a.startedAt - b.startedAt))
  process.stdout.write(
    `${String(entry.startedAt - started).padStart(8)}  ${String(entry.durationMs).padStart(7)}  ` +
      `${String(entry.depth ?? '').padStart(5)}  ${String(entry.cost).padStart(4)}  ${entry.operationName ?? ''}` +
      `${entry.fault ? ` (${entry.fault})` : ''}\n`
  )
// The longest chain, link by link: each request's wait after the answer it built on is time the
// schedule (or the machine) added to the critical path.
const byIndex = new Map(github.log.map(entry => [entry.index, entry]))
const chain: RequestLogEntry[] = []
for (
  let link: RequestLogEntry | undefined = [...github.log].sort(
    (a, b) => (b.depth ?? 0) - (a.depth ?? 0) || b.startedAt + b.durationMs - (a.startedAt + a.durationMs)
  )[0];
  link !== undefined;
  link = link.after === undefined ? undefined : byIndex.get(link.after)
)
  chain.unshift(link)
process.stdout.write('\nlongest chain\nstart ms  took ms  waited ms  operation\n')
let answered = started
for (const link of chain) {
  process.stdout.write(
    `${String(link.startedAt - started).padStart(8)}  ${String(link.durationMs).padStart(7)}  ` +
      `${String(link.startedAt - answered).padStart(9)}  ${link.operationName ?? ''}\n`
  )
  answered = link.startedAt + link.durationMs
}
process.stdout.write(
  `\n${github.log.length} requests, ${github.pointsUsed()} points, ${wall} ms; ` +
    `longest chain ${github.criticalPathRequests()} requests, at most ${github.maxInFlight} in flight\n`
)
// Where the slots' time went: what a better schedule could win is the idle time, not the requests' own.
const use = slotUse(github.log, { slots: Number(values.concurrency), latencyMs: Number(values.latency) })
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
process.stdout.write(
  `\nrequests from first to last answer ${s(use.spanMs)} = ${s(use.requestsMs)} of requests at the latency ` +
    `+ ${s(use.overLatencyMs)} of answers slower than it (the fake's own work) + slots free ` +
    `${s(use.idleAtStartMs)} before the first answer, ${s(use.idleBetweenMs)} between, ` +
    `${s(use.idleAtEndMs)} as the last answers came (slot time / slots)\n`
)
