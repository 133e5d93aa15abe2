import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { type ExpectedConfig, expectedElectorate } from '../../tools/world/expected.js'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { runCli } from './run-cli.js'

const NOW = '2026-04-07T00:00:00Z'
const SINCE = new Date('2025-04-07T00:00:00Z')
const UNTIL = new Date(NOW)
const TOKEN = 'e2e-token'
const METRICS = ['commits', 'merged_prs', 'reviews', 'triaged', 'issue_comments', 'ci'] as const

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step()
})

async function electorateOf(world: World, config?: ExpectedConfig) {
  const github = await startFakeGitHub({ world, token: TOKEN })
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'electorate-e2e-'))
  cleanup.push(
    () => github.close(),
    () => rm(cwd, { recursive: true, force: true })
  )
  const args = ['--organization', world.organization.login, '--graphql-url', github.url]
  args.push('--since', SINCE.toISOString(), '--until', UNTIL.toISOString())
  if (config) {
    await writeFile(path.join(cwd, 'electorate.yml'), stringify(config))
    args.push('--config', 'electorate.yml')
  }
  const result = await runCli(args, { cwd, env: { GITHUB_TOKEN: TOKEN } })
  expect(result.stderr).not.toContain(TOKEN)
  expect(result.code, result.stderr).toBe(0)
  const read = async (file: string) =>
    parse(await readFile(path.join(cwd, 'electorate', file)), { columns: true }) as Record<string, string>[]
  return {
    result,
    contributors: await read('contributors.csv'),
    electorate: await read('electorate.csv'),
    unlinked: await read('unlinked.csv'),
    evidence: await read('evidence.csv')
  }
}

/** Every person, metric, score, status and qualified_by equal the oracle's reading of the world. */
function expectSameAsWorld(
  got: Awaited<ReturnType<typeof electorateOf>>,
  world: World,
  config?: ExpectedConfig
) {
  const expected = expectedElectorate(world, { since: SINCE, until: UNTIL }, config)
  const want = expected.people.map(p => ({
    login: p.login,
    ...Object.fromEntries(METRICS.map(m => [m, String(p.metrics[m])])),
    score: String(p.score),
    status: p.status,
    qualified_by: p.qualifiedBy,
    first_activity: p.firstActivity,
    last_activity: p.lastActivity
  }))
  // An oracle that finds nobody would make every comparison below pass on empty lists.
  expect(want.length).toBeGreaterThan(0)
  const keys = Object.keys(want[0]!)
  const pick = (row: Record<string, string>) => Object.fromEntries(keys.map(k => [k, row[k]]))
  expect(got.contributors.map(pick)).toEqual(want)
  expect(got.electorate.map(r => r.login)).toEqual(
    want.filter(p => p.status === 'qualified').map(p => p.login)
  )
  const byEmail = (a: [string, number], b: [string, number]) => a[0].localeCompare(b[0])
  expect(got.unlinked.map((r): [string, number] => [r.email!, Number(r.commits)]).sort(byEmail)).toEqual(
    expected.unlinked.map((u): [string, number] => [u.email, u.commits]).sort(byEmail)
  )
  // Every number can be checked by hand: the evidence holds exactly one row per counted item.
  for (const person of got.contributors) {
    for (const metric of METRICS) {
      const rows = got.evidence.filter(e => e.login === person.login && e.metric === metric)
      expect(rows.length, `${person.login} ${metric}`).toBe(Number(person[metric]))
    }
  }
  return expected
}

describe('the built CLI against the fake GitHub', () => {
  it.each([1, 2, 3])('gives the electorate the small world %i says it must', async seed => {
    const world = generateWorld({ scale: 'small', seed, now: NOW })
    const got = await electorateOf(world)
    const expected = expectSameAsWorld(got, world)
    expect(expected.qualified.size).toBeGreaterThan(0)
    expect(got.result.stdout).toContain(`${expected.qualified.size} qualified of ${expected.people.length}`)
  })

  it('gives the electorate the kata world says it must', async () => {
    const world = generateWorld({ scale: 'kata', seed: 1, now: NOW })
    const got = await electorateOf(world)
    const expected = expectSameAsWorld(got, world)
    expect(expected.people.length).toBeGreaterThan(100)
  })

  it('applies aliases, emails, exclusions, includes, weights and criteria from the config file', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    // Included by the officials without activity in the window; config logins must exist on GitHub.
    world.users.push({ login: 'officials-pick', type: 'User', name: '', email: '', createdAt: NOW })
    const humans = world.users.filter(u => u.type === 'User').map(u => u.login)
    const unlinkedEmail = world.repositories
      .flatMap(r => r.commits)
      .flatMap(c => c.authors)
      .find(a => a.login === null && a.email.endsWith('.example'))!.email
    const config: ExpectedConfig = {
      repositories: { exclude: ['legacy'] },
      aliases: { [humans[0]!]: [humans[1]!] },
      emails: { [unlinkedEmail.toUpperCase()]: humans[2]! },
      exclude: { logins: [humans[3]!], patterns: ['*bot'] },
      include: [{ login: 'officials-pick', reason: 'Election officer' }],
      scoring: { weights: { merged_prs: 0.5, issue_comments: 0.25 } },
      criteria: [{ commits: 3, reviews: 1 }, { score: 6 }, { triaged: 2 }]
    }
    const got = await electorateOf(world, config)
    expectSameAsWorld(got, world, config)
    const officer = got.contributors.find(r => r.login === 'officials-pick')!
    expect(officer.qualified_by).toBe('include: Election officer')
    expect(got.contributors.find(r => r.login === humans[1])).toBeUndefined()
    expect(got.contributors.find(r => r.login === humans[3])?.status).toBe('excluded')
    expect(got.unlinked.map(r => r.email)).not.toContain(unlinkedEmail)
  })
})
