import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { parse as parseYaml, stringify } from 'yaml'
import { startFakeGitHub, type FakeGitHubOptions } from '../../tools/fake-github/server.js'
import { type ExpectedConfig, expectedElectorate } from '../../tools/world/expected.js'
import { generateWorld } from '../../tools/world/generate.js'
import { addStewardship, type StewardshipCast } from '../../tools/world/stewardship.js'
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
  return { result, read, text, cwd }
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

const byLogin = (a: string, b: string) =>
  a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0
const inWindow = (at: string | null) =>
  at !== null && Date.parse(at) >= WINDOW.since.getTime() && Date.parse(at) < WINDOW.until.getTime()

/** ci-jobs.csv as the world implies it, read from the world's files and pull requests. */
function expectedCiJobs(world: World, cast: StewardshipCast, onRoll: Set<string>, repositories: string[]) {
  const humans = new Set(world.users.filter(u => u.type === 'User').map(u => u.login))
  // The CODEOWNERS written by addStewardship, read by hand: release.yaml is the leaver's, the rest busy's.
  const codeownersOf = (repository: string, workflow: string) =>
    repository !== cast.repository ? [] : workflow.endsWith('/release.yaml') ? [cast.leaver] : [cast.busy]
  const rows: Record<string, string>[] = []
  for (const repository of world.repositories.filter(r => repositories.includes(`${r.owner}/${r.name}`))) {
    const name = `${repository.owner}/${repository.name}`
    const workflows = Object.keys(repository.files ?? {})
      .filter(path => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path))
      .sort()
    for (const workflow of workflows) {
      const changes = repository.pullRequests.filter(
        pr => inWindow(pr.mergedAt) && pr.files.includes(workflow)
      )
      const maintainers = [
        ...new Set(changes.map(pr => pr.author).filter((a): a is string => a !== null && humans.has(a)))
      ].sort(byLogin)
      const lastChanged =
        changes
          .map(pr => pr.mergedAt!)
          .sort()
          .at(-1) ?? ''
      const codeowners = codeownersOf(name, workflow)
      const keeps = [...maintainers, ...codeowners].some(login => onRoll.has(login.toLowerCase()))
      const common = {
        repository: name,
        workflow,
        maintainers: maintainers.join(';'),
        last_changed: lastChanged
      }
      let jobs: Record<string, { name?: string }> | undefined
      try {
        jobs = (parseYaml(repository.files![workflow]!) as { jobs?: Record<string, { name?: string }> }).jobs
      } catch {
        jobs = undefined
      }
      if (!jobs) {
        rows.push({
          ...common,
          job: '',
          job_name: '',
          codeowners: codeowners.join(';'),
          status: 'unparsable'
        })
        continue
      }
      for (const [job, body] of Object.entries(jobs))
        rows.push({
          ...common,
          job,
          job_name: body.name ?? '',
          codeowners: codeowners.join(';'),
          status: keeps ? 'maintained' : 'unmaintained'
        })
    }
  }
  return rows
}

describe('ci-jobs.csv', () => {
  it('lists every job of every workflow file with its maintainers, CODEOWNERS and status', async () => {
    const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
    const cast = addStewardship(world, WINDOW)
    // The leaver left the project: excluded, their change to release.yaml keeps nothing maintained.
    const config: ExpectedConfig = { exclude: { logins: [cast.leaver] } }
    const { result, read, text } = await runOn(world, ['--organization', world.organization.login], config)
    expect(result.code, result.stderr).toBe(0)

    const expected = expectedElectorate(world, WINDOW, config)
    const onRoll = new Set([...expected.qualified].map(login => login.toLowerCase()))
    const want = expectedCiJobs(world, cast, onRoll, expected.repositories)
    const got = await read('ci-jobs.csv')
    const columns = [
      'repository',
      'workflow',
      'job',
      'job_name',
      'maintainers',
      'last_changed',
      'codeowners',
      'status'
    ]
    expect(Object.keys(got[0]!)).toEqual(columns)
    const pick = (row: Record<string, string>) => Object.fromEntries(columns.map(c => [c, row[c]]))
    expect(got.map(pick)).toEqual(want.map(pick))

    // Each case the world was built to hold is there.
    const of = (workflow: string) =>
      got.filter(r => r.repository === cast.repository && r.workflow === workflow)
    expect(of('.github/workflows/release.yaml')).toMatchObject([
      { job: 'publish', maintainers: cast.leaver, codeowners: cast.leaver, status: 'unmaintained' }
    ])
    expect(of('.github/workflows/nightly.yaml')).toMatchObject([
      {
        job: 'nightly',
        job_name: 'Nightly images',
        maintainers: '',
        codeowners: cast.busy,
        status: 'maintained'
      }
    ])
    expect(of('.github/workflows/broken.yml')).toMatchObject([
      { job: '', job_name: '', status: 'unparsable' }
    ])
    expect(got.some(r => r.workflow.endsWith('README.md'))).toBe(false)
    expect(got.filter(r => r.maintainers !== '').length).toBeGreaterThan(0)

    // The summary puts the unmaintained jobs first.
    const summary = await text('summary.md')
    const table = summary.slice(summary.indexOf('## CI jobs'))
    const statuses = [...table.matchAll(/\| (maintained|unmaintained|unparsable) \|/g)].map(m => m[1])
    expect(statuses[0]).toBe('unmaintained')
    expect(statuses.lastIndexOf('unmaintained')).toBeLessThan(statuses.indexOf('maintained'))
  })
})

const METRIC_COLUMNS = ['commits', 'merged_prs', 'reviews', 'triaged', 'issue_comments', 'ci'] as const

/** What the nearest rule still needs, read from the rules as SPEC words it (first rule on a tie). */
function expectedShortfall(standing: Record<string, number>, criteria: Record<string, number>[]): string {
  let best: { share: number; text: string } | null = null
  for (const rule of criteria) {
    const unmet = Object.entries(rule).filter(([key, need]) => standing[key]! < need)
    if (unmet.length === 0) return ''
    const share = unmet.reduce((sum, [key, need]) => sum + (need - standing[key]!) / need, 0)
    if (!best || share < best.share)
      best = { share, text: unmet.map(([key, need]) => `${key} ${standing[key]} < ${need}`).join(';') }
  }
  return best?.text ?? ''
}

describe('candidates.csv', () => {
  it('says of each candidate whether they may stand and what the nearest rule still needs', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    const cast = addStewardship(world, WINDOW)
    const before = expectedElectorate(world, WINDOW)
    const reviewer = before.people.find(
      p => p.metrics.commits === 0 && p.metrics.reviews > 0 && p.metrics.ci === 0
    )!
    expect(reviewer).toBeDefined()
    // One review short of the review rule.
    const criteria: Record<string, number>[] = [{ commits: 1 }, { reviews: reviewer.metrics.reviews + 1 }]
    const config = { criteria, candidates: [cast.absentOwner] }
    const eligible = before.people.find(p => p.metrics.commits > 0 && p.status === 'qualified')!
    const { result, read, text } = await runOn(
      world,
      [
        '--organization',
        world.organization.login,
        '--candidates',
        `${reviewer.login}, @${eligible.login.toUpperCase()}`
      ],
      config
    )
    expect(result.code, result.stderr).toBe(0)
    const expected = expectedElectorate(world, WINDOW, { criteria })
    const row = (login: string) => {
      const person = expected.people.find(p => p.login.toLowerCase() === login.toLowerCase())
      const metrics = person?.metrics ?? Object.fromEntries(METRIC_COLUMNS.map(m => [m, 0]))
      const score = person?.score ?? 0
      return {
        login: person?.login ?? login,
        eligible: String(person?.status === 'qualified'),
        qualified_by: person?.qualifiedBy ?? '',
        score: String(score),
        ...Object.fromEntries(METRIC_COLUMNS.map(m => [m, String(metrics[m])])),
        shortfall: expectedShortfall({ ...metrics, score }, criteria)
      }
    }
    const got = await read('candidates.csv')
    // Sorted by login, case-insensitively, as every CSV is; not in the order they were named.
    const byLower = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)
    const order = [reviewer.login, eligible.login, cast.absentOwner].sort(byLower)
    expect(got).toEqual(order.map(row))
    const of = (login: string) => got.find(r => r.login === login)
    expect(of(reviewer.login)!.shortfall).toBe(
      `reviews ${reviewer.metrics.reviews} < ${reviewer.metrics.reviews + 1}`
    )
    expect(of(eligible.login)).toMatchObject({ eligible: 'true', shortfall: '' })
    expect(of(cast.absentOwner)).toMatchObject({ eligible: 'false', score: '0', shortfall: 'commits 0 < 1' })
    expect(await text('summary.md')).toContain('## Candidates')
    // The roll itself does not change.
    expect((await read('electorate.csv')).map(r => r.login)).toEqual(
      expected.people.filter(p => p.status === 'qualified').map(p => p.login)
    )
  })

  it('re-scored without a token, names in the report each candidate it could not check', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    const { result, cwd } = await runOn(world, ['--organization', world.organization.login])
    expect(result.code, result.stderr).toBe(0)
    const active = (await parse(await readFile(path.join(cwd, 'electorate', 'contributors.csv')), {
      columns: true
    })) as Rows
    const rescored = await runCli(
      [
        '--from-records',
        'electorate/records.jsonl.gz',
        '--output-dir',
        'x',
        '--candidates',
        `aalvs, ${active[0]!.login}`
      ],
      { cwd, env: {} }
    )
    expect(rescored.code, rescored.stderr).toBe(0)
    const report = JSON.parse(await readFile(path.join(cwd, 'x', 'report.json'), 'utf8')) as {
      warnings: string[]
    }
    const warning = report.warnings.find(w => w.startsWith('candidates:'))
    expect(warning).toContain("'aalvs'")
    expect(warning).not.toContain(active[0]!.login)
    expect(await readFile(path.join(cwd, 'x', 'summary.md'), 'utf8')).toContain('aalvs')
  })

  it('fails with exit 2 on a candidate GitHub does not know', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    const { result } = await runOn(world, [
      '--organization',
      world.organization.login,
      '--candidates',
      'nobody-here'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("candidates: GitHub knows no user 'nobody-here'")
  })
})

describe('access', () => {
  /** access.csv as the world implies it: roles from the world, activity and roll from the oracle. */
  function expectedAccess(
    world: World,
    people: { login: string; status: string }[],
    inScope: readonly string[]
  ) {
    const person = new Map(people.map(p => [p.login.toLowerCase(), p]))
    const facts = (login: string) => {
      const p = person.get(login.toLowerCase())
      return { active: String(p !== undefined), on_roll: String(p?.status === 'qualified') }
    }
    const organizations = [world.organization, ...(world.moreOrganizations ?? [])]
    const rows: Record<string, string>[] = []
    for (const o of organizations) {
      for (const m of o.members ?? [])
        rows.push({
          login: m.login,
          role: m.role === 'ADMIN' ? 'owner' : 'member',
          scope: o.login,
          permission: m.role.toLowerCase(),
          ...facts(m.login)
        })
      for (const t of o.teams ?? []) {
        // Permissions on repositories in scope only: a private one's name never shows.
        const permission = t.repositories
          .filter(r => inScope.includes(r.repository))
          .sort((a, b) => (a.repository < b.repository ? -1 : 1))
          .map(r => `${r.repository}=${r.permission.toLowerCase()}`)
          .join(';')
        for (const m of t.members)
          rows.push({
            login: m.login,
            role: m.role === 'MAINTAINER' ? 'team-maintainer' : 'team-member',
            scope: `${o.login}/${t.slug}`,
            permission,
            ...facts(m.login)
          })
      }
    }
    // Outside collaborators with admin or maintain on the repositories in scope only (an archived one is not).
    for (const r of world.repositories.filter(r => inScope.includes(`${r.owner}/${r.name}`)))
      for (const c of (r.collaborators ?? []).filter(c => ['ADMIN', 'MAINTAIN'].includes(c.permission)))
        rows.push({
          login: c.login,
          role: 'collaborator',
          scope: `${r.owner}/${r.name}`,
          permission: c.permission.toLowerCase(),
          ...facts(c.login)
        })
    return rows.sort(
      (a, b) =>
        byLogin(a.login!, b.login!) ||
        (a.role! < b.role! ? -1 : a.role! > b.role! ? 1 : 0) ||
        (a.scope! < b.scope! ? -1 : 1)
    )
  }

  /** Repositories in scope where fewer than two active people hold admin or maintain, from the world. */
  function expectedThinlyHeld(world: World, active: Set<string>, inScope: readonly string[]) {
    const keys = new Set(['ADMIN', 'MAINTAIN'])
    const organizations = [world.organization, ...(world.moreOrganizations ?? [])]
    return inScope.filter(repository => {
      const holders = new Set<string>()
      const organization = organizations.find(o => repository.startsWith(`${o.login}/`))
      for (const m of organization?.members ?? []) if (m.role === 'ADMIN') holders.add(m.login)
      for (const t of organization?.teams ?? [])
        if (t.repositories.some(r => r.repository === repository && keys.has(r.permission)))
          for (const m of t.members) holders.add(m.login)
      const r = world.repositories.find(r => `${r.owner}/${r.name}` === repository)
      for (const c of r?.collaborators ?? []) if (keys.has(c.permission)) holders.add(c.login)
      return [...holders].filter(login => active.has(login.toLowerCase())).length < 2
    })
  }

  it('lists every role with activity and roll as the world implies, and the summary names idle keys', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    const cast = addStewardship(world, WINDOW)
    const { result, read, text, cwd } = await runOn(world, [
      '--organization',
      world.organization.login,
      '--access'
    ])
    expect(result.code, result.stderr).toBe(0)
    const contributors = await read('contributors.csv')
    const active = contributors.filter(r => r.last_activity !== '')
    const rows = await read('access.csv')
    expect(rows.map(({ last_activity: _, score: __, ...rest }) => rest)).toEqual(
      expectedAccess(
        world,
        active.map(r => ({ login: r.login!, status: r.status! })),
        expectedElectorate(world, WINDOW).repositories
      )
    )
    expect(new Set(rows.map(r => r.role))).toEqual(
      new Set(['owner', 'member', 'team-maintainer', 'team-member', 'collaborator'])
    )
    // The absent owner holds the organization's keys and did nothing in the window.
    expect(rows.find(r => r.login === cast.absentOwner)).toMatchObject({ role: 'owner', active: 'false' })
    const summary = await text('summary.md')
    expect(summary).toContain('## Access')
    expect(summary).toMatch(new RegExp(`\\| ${cast.absentOwner} \\| owner \\|`))
    // Every repository that fewer than two active people can administer, as the world implies, is named
    // in the summary and in report.html; the others are not.
    const inScope = expectedElectorate(world, WINDOW).repositories
    const thin = expectedThinlyHeld(world, new Set(active.map(r => r.login!.toLowerCase())), inScope)
    expect(thin.length).toBeGreaterThan(0)
    expect(thin.length).toBeLessThan(inScope.length)
    const accessOfSummary = summary.slice(summary.indexOf('## Access')).split(/\n## /)[0]!
    const html = await text('report.html')
    expect(html).toContain('<h2 id="access-title">Access</h2>')
    expect(html).toContain(`<td>${cast.absentOwner}</td><td>owner</td>`)
    for (const repository of inScope) {
      const listed = thin.includes(repository)
      expect(accessOfSummary.includes(`\n| ${repository} |`), repository).toBe(listed)
      expect(html.includes(`<tr><td>${repository}</td>`), repository).toBe(listed)
    }
    expect(await text('README.txt')).toContain('access.csv')
    // The team's private repository is out of scope: its name is in no output.
    const secret = world.repositories.find(r => r.isPrivate)!.name
    for (const file of ['access.csv', 'summary.md', 'report.html', 'report.json'])
      expect(await text(file), file).not.toContain(secret)
    const records = gunzipSync(await readFile(path.join(cwd, 'electorate', 'records.jsonl.gz'))).toString()
    expect(records).not.toContain(secret)
  })

  it('gives the same access.csv and findings when re-scored with access on, none with it off', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    addStewardship(world, WINDOW)
    const { result, text, cwd } = await runOn(world, ['--organization', world.organization.login, '--access'])
    expect(result.code, result.stderr).toBe(0)
    const rescore = (folder: string, access: string) =>
      runCli(
        [
          ...['--from-records', 'electorate/records.jsonl.gz', '--config', 'electorate.yml'],
          ...['--output-dir', folder],
          ...(access === 'true' ? ['--access'] : [])
        ],
        { cwd, env: {} }
      )
    const on = await rescore('on', 'true')
    expect(on.code, on.stderr).toBe(0)
    const again = (folder: string, file: string) => readFile(path.join(cwd, folder, file), 'utf8')
    for (const file of ['access.csv', 'summary.md', 'report.html'])
      expect(await again('on', file), file).toBe(await text(file))
    // The config as given, relative to the working folder: no path of the machine, the same bytes anywhere.
    const report = JSON.parse(await again('on', 'report.json')) as { config: { path: string } }
    expect(report.config.path).toBe('electorate.yml')
    expect(await again('on', 'report.html')).toContain('<td>config electorate.yml</td>')
    // Off (the default) as for a run online: no access.csv, no Access section, the roles kept in the records.
    const off = await rescore('off', 'false')
    expect(off.code, off.stderr).toBe(0)
    await expect(again('off', 'access.csv')).rejects.toThrow(/ENOENT/)
    expect(await again('off', 'summary.md')).not.toContain('## Access')
    // Records gathered without roles cannot give access.csv: said, not passed over.
    const without = await runOn(world, ['--organization', world.organization.login])
    expect(without.result.code, without.result.stderr).toBe(0)
    const refused = await runCli(
      ['--from-records', 'electorate/records.jsonl.gz', '--output-dir', 'x', '--access'],
      { cwd: without.cwd, env: {} }
    )
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('access')
    expect(refused.stderr).toContain('gathered with access off')
  })

  it('reads a team, its repositories and the collaborators of a repository past a hundred, none left out', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    addStewardship(world, WINDOW)
    const org = world.organization.login
    const logins = Array.from({ length: 230 }, (_, i) => `crowd-${String(i).padStart(3, '0')}`)
    for (const login of logins)
      world.users.push({ login, type: 'User', name: '', email: '', createdAt: '2020-01-01T00:00:00Z' })
    const repositories = Array.from({ length: 120 }, (_, i) => {
      const name = `quiet-${String(i).padStart(3, '0')}`
      world.repositories.push({
        id: Buffer.from(`Repository:${org}/${name}`).toString('base64'),
        owner: org,
        name,
        isArchived: false,
        isFork: false,
        isPrivate: false,
        defaultBranch: 'main',
        createdAt: '2020-01-01T00:00:00Z',
        commits: [],
        pullRequests: [],
        issues: []
      })
      return `${org}/${name}`
    })
    const team = world.organization.teams![0]!
    team.members.push(...logins.slice(0, 150).map(login => ({ login, role: 'MEMBER' as const })))
    team.repositories.push(
      ...repositories.map(repository => ({ repository, permission: 'MAINTAIN' as const }))
    )
    const crowded = world.repositories.find(r => `${r.owner}/${r.name}` === repositories[0])!
    crowded.collaborators = logins
      .slice(100)
      .map((login, i) => ({ login, permission: i % 10 === 0 ? ('WRITE' as const) : ('MAINTAIN' as const) }))

    const { result, read } = await runOn(world, ['--organization', org, '--access'])
    expect(result.code, result.stderr).toBe(0)
    const rows = await read('access.csv')
    const teamRows = rows.filter(r => r.scope === `${org}/${team.slug}`)
    expect(teamRows).toHaveLength(team.members.length)
    const inScope = expectedElectorate(world, WINDOW).repositories
    expect(teamRows[0]!.permission.split(';')).toHaveLength(
      team.repositories.filter(r => inScope.includes(r.repository)).length
    )
    expect(teamRows[0]!.permission.split(';').length).toBeGreaterThan(100)
    const collaborators = rows.filter(r => r.role === 'collaborator' && r.scope === repositories[0])
    expect(collaborators.map(r => r.login)).toEqual(
      crowded.collaborators.filter(c => c.permission === 'MAINTAIN').map(c => c.login)
    )
  })

  it('fails naming the permission when the token may not read members, and leaves no roll', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    addStewardship(world, WINDOW)
    for (const kind of ['classic', 'fine-grained'] as const) {
      const { result } = await runOn(
        world,
        ['--organization', world.organization.login, '--access'],
        {},
        { tokenLacksMembers: kind }
      )
      expect(result.code, result.stderr).toBe(1)
      expect(result.stderr).toMatch(/read:org/)
      expect(result.stderr).toMatch(/Members: read/)
    }
  })

  it('is off by default: no access.csv and no member query', async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    addStewardship(world, WINDOW)
    const { result, text } = await runOn(
      world,
      ['--organization', world.organization.login],
      {},
      { tokenLacksMembers: 'classic' }
    )
    expect(result.code, result.stderr).toBe(0)
    await expect(text('access.csv')).rejects.toThrow(/ENOENT/)
  })
})
