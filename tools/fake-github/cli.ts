import { parseArgs } from 'node:util'
import { generateWorld, SCALES, type Scale } from '../world/generate.js'
import { startFakeGitHub } from './server.js'

// npx tsx tools/fake-github/cli.ts --scale kata --seed 1 [--port N] [--latency MS] [--token T] [--now ISO]
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'kata' },
    seed: { type: 'string', default: '1' },
    now: { type: 'string' },
    port: { type: 'string' },
    latency: { type: 'string' },
    token: { type: 'string' }
  }
})
const scales = SCALES
if (!scales.includes(values.scale as Scale)) {
  process.stderr.write(`--scale must be one of ${scales.join(', ')}\n`)
  process.exit(2)
}
const world = generateWorld({ scale: values.scale as Scale, seed: Number(values.seed), now: values.now })
const github = await startFakeGitHub({
  world,
  token: values.token,
  port: values.port ? Number(values.port) : undefined,
  latencyMs: values.latency ? Number(values.latency) : undefined
})
process.stdout.write(`${github.url}\n`)
process.stderr.write(
  `Fake GitHub serving ${world.organization.login} (${world.repositories.length} repositories); Ctrl-C to stop\n`
)
const stop = () => void github.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
