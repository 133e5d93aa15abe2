// A runner behind a proxy: the built CLI reaches GitHub (the fake, over TLS, by a host name only the
// proxy knows) through HTTPS_PROXY, and goes direct when NO_PROXY covers the host. Loopback hosts
// always go direct in the Actions toolkit's rule, so the fake is named `github.test`, which does not
// resolve here: a run that skipped the proxy could not reach it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConnectProxy, type ConnectProxy } from '../../tools/connect-proxy.js'
import { startFakeGitHub, type FakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import { runCli } from './run-cli.js'

const NOW = '2026-04-07T00:00:00Z'
const TOKEN = 'proxy-test-token'
const HOST = 'github.test'
const QUICK_CLOCK = fileURLToPath(new URL('../faults/quick-clock.ts', import.meta.url))

let folder: string
let caFile: string
let github: FakeGitHub
let proxy: ConnectProxy
let endpoint: string
const world = generateWorld({ scale: 'kata', seed: 1, now: NOW })

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'electorate-proxy-'))
  const pems = await generate([{ name: 'commonName', value: HOST }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: HOST }] }]
  })
  caFile = path.join(folder, 'test-ca.pem')
  await writeFile(caFile, pems.cert)
  github = await startFakeGitHub({ world, token: TOKEN, tls: { key: pems.private, cert: pems.cert } })
  const port = Number(new URL(github.url).port)
  endpoint = `https://${HOST}:${port}/graphql`
  proxy = await startConnectProxy((host, asked) =>
    host === HOST ? { host: '127.0.0.1', port } : { host, port: asked }
  )
})

afterAll(async () => {
  await proxy.close()
  await github.close()
  await rm(folder, { recursive: true, force: true })
})

async function run(env: Record<string, string>) {
  const cwd = await mkdtemp(path.join(folder, 'run-'))
  const args = ['--organization', world.organization.login, '--graphql-url', endpoint]
  args.push('--since', '2025-04-07', '--until', '2026-04-07', '--mode', 'gather')
  const tunnelsBefore = proxy.tunnels.length
  const requestsBefore = github.log.length
  const result = await runCli(args, {
    cwd,
    env: { GITHUB_TOKEN: TOKEN, NODE_EXTRA_CA_CERTS: caFile, ...env }
  })
  return {
    ...result,
    tunnels: proxy.tunnels.slice(tunnelsBefore),
    requests: github.log.length - requestsBefore
  }
}

describe('behind a proxy', () => {
  it('reaches GitHub through HTTPS_PROXY', async () => {
    const result = await run({ HTTPS_PROXY: proxy.url })
    expect(result.code, result.stderr).toBe(0)
    expect(result.requests).toBeGreaterThan(0)
    expect(result.tunnels.length).toBeGreaterThan(0)
    expect(new Set(result.tunnels)).toEqual(new Set([`${HOST}:${new URL(endpoint).port}`]))
  })

  it('reads the variables in lower case too', async () => {
    const result = await run({ https_proxy: proxy.url, no_proxy: 'elsewhere.example' })
    expect(result.code, result.stderr).toBe(0)
    expect(result.tunnels.length).toBeGreaterThan(0)
  })

  it('goes direct when NO_PROXY covers the host: not through the proxy, and here to no GitHub at all', async () => {
    // The direct attempt cannot resolve the name and is retried to the end of the budget: a quick clock.
    const result = await run({
      HTTPS_PROXY: proxy.url,
      NO_PROXY: `.test`,
      NODE_OPTIONS: `--import ${QUICK_CLOCK}`
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/network error/)
    expect(result.tunnels).toEqual([])
    expect(result.requests).toBe(0)
  })
})
