import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { startFakeGitHub, type FakeGitHubOptions } from '../../tools/fake-github/server.js'
import { type ExpectedConfig, expectedElectorate } from '../../tools/world/expected.js'
import { generateWorld } from '../../tools/world/generate.js'
import { addStewardship } from '../../tools/world/stewardship.js'
import type { World } from '../../tools/world/types.js'
import { runCli } from './run-cli.js'

const NOW = '2026-04-07T00:00:00Z'
const WINDOW = { since: new Date('2025-04-07T00:00:00Z'), until: new Date(NOW) }
const TOKEN = 'e2e-token'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step()
})

type Rows = Record<string, string>[]

async function runOn(
  world: World,
  flags: string[],
  config: ExpectedConfig & { candidates?: string[]; access?: boolean } = {},
  fake: Partial<FakeGitHubOptions> = {}
) {
  const github = await startFakeGitHub({ world, token: TOKEN, ...fake })
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'electorate-stewardship-'))
  cleanup.push(
    () => github.close(),
    () => rm(cwd, { recursive: true, force: true })
  )
  await writeFile(path.join(cwd, 'electorate.yml'), stringify(config))
  const args = ['--graphql-url', github.url, '--config', 'electorate.yml']
  args.push('--since', WINDOW.since.toISOString(), '--until', WINDOW.until.toISOString(), ...flags)
  const result = await runCli(args, { cwd, env: { GITHUB_TOKEN: TOKEN } })
  const read = async (file: string): Promise<Rows> =>
    parse(await readFile(path.join(cwd, 'electorate', file)), { columns: true }) as Rows
  const text = (file: string) => readFile(path.join(cwd, 'electorate', file), 'utf8')
  return { result, read, text }
}

describe('several organizations', () => {
  it('gathers both into one roll, a person active in both counted once, each named in the report', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    const cast = addStewardship(world, WINDOW, { secondOrganization: 'second-org' })
    const first = world.organization.login
    const { result, read, text } = await runOn(world, ['--organization', `${first}, second-org`])
    expect(result.code, result.stderr).toBe(0)

    const expected = expectedElectorate(world, WINDOW)
    const contributors = await read('contributors.csv')
    expect(contributors.map(r => [r.login, r.commits, r.status])).toEqual(
      expected.people.map(p => [p.login, String(p.metrics.commits), p.status])
    )
    // The shared person appears once, with the commit in the second organization added to the first's.
    expect(contributors.filter(r => r.login === cast.busy)).toHaveLength(1)
    const evidence = await read('evidence.csv')
    const busyRepositories = new Set(evidence.filter(r => r.login === cast.busy).map(r => r.repository))
    expect(busyRepositories).toContain(cast.secondRepository)
    expect([...busyRepositories].some(r => r.startsWith(`${first}/`))).toBe(true)
    expect(contributors.find(r => r.login === 'second-org-contributor')?.commits).toBe('1')

    const report = JSON.parse(await text('report.json')) as {
      organization: string
      organizations: { organization: string; repositories: number; counts: { commits: number } }[]
    }
    const owned = (login: string) => world.repositories.filter(r => r.owner === login)
    expect(report.organization).toBe([first, 'second-org'].sort().join(', '))
    expect(report.organizations.map(o => [o.organization, o.repositories])).toEqual(
      [first, 'second-org']
        .sort()
        .map(login => [login, expected.repositories.filter(r => r.startsWith(`${login}/`)).length])
    )
    expect(report.organizations.find(o => o.organization === 'second-org')?.counts.commits).toBe(2)
    expect(owned('second-org')).toHaveLength(1)
    const summary = await text('summary.md')
    expect(summary).toContain('## Organizations')
    expect(summary).toMatch(/\| second-org \| 1 \| 2 \|/)
  })

  it('refuses a bare repository name that could belong to either organization', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    addStewardship(world, WINDOW, { secondOrganization: 'second-org' })
    const { result } = await runOn(world, [
      '--organization',
      `${world.organization.login}\nsecond-org`,
      '--repositories',
      'guest-components'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('"guest-components" could belong to any of')
  })
})
