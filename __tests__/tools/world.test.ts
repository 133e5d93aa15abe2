import { describe, expect, it } from 'vitest'
import { DEFAULT_NOW, generateWorld } from '../../tools/world/generate.js'
import { edgeWindow } from '../../tools/world/time.js'
import type { World, WorldCommit } from '../../tools/world/types.js'

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

function allTimestamps(world: World): string[] {
  const out: string[] = []
  for (const r of world.repositories) {
    for (const c of r.commits) out.push(c.committedDate, c.authoredDate)
    for (const pr of r.pullRequests) {
      out.push(pr.createdAt, ...[pr.mergedAt, pr.closedAt].filter((d): d is string => !!d))
      for (const rv of pr.reviews) {
        if (rv.submittedAt) out.push(rv.submittedAt)
        out.push(...rv.comments.map(c => c.createdAt))
      }
      out.push(...pr.comments.map(c => c.createdAt), ...pr.events.map(e => e.createdAt))
    }
    for (const i of r.issues) {
      out.push(i.createdAt, ...(i.closedAt ? [i.closedAt] : []))
      out.push(...i.comments.map(c => c.createdAt), ...i.events.map(e => e.createdAt))
    }
  }
  return out
}

function allIds(world: World): string[] {
  return world.repositories.flatMap(r => [
    r.id,
    ...r.pullRequests.flatMap(pr => [
      pr.id,
      ...pr.reviews.flatMap(rv => [rv.id, ...rv.comments.map(c => c.id)]),
      ...pr.comments.map(c => c.id),
      ...pr.events.map(e => e.id)
    ]),
    ...r.issues.flatMap(i => [i.id, ...i.comments.map(c => c.id), ...i.events.map(e => e.id)])
  ])
}

describe('generateWorld: small', () => {
  const world = generateWorld({ scale: 'small', seed: 7 })

  it('is the same world for the same seed, and another for another seed', () => {
    const again = generateWorld({ scale: 'small', seed: 7 })
    expect(again).toEqual(world)
    expect(JSON.stringify(again)).toBe(JSON.stringify(world))
    expect(JSON.stringify(generateWorld({ scale: 'small', seed: 8 }))).not.toBe(JSON.stringify(world))
  })

  it('has an archived, a fork, a private and an empty repository in demo-org', () => {
    expect(world.organization.login).toBe('demo-org')
    expect(world.now).toBe(DEFAULT_NOW)
    const repos = world.repositories
    expect(repos.some(r => r.isArchived && r.commits.length > 0)).toBe(true)
    expect(repos.some(r => r.isFork && r.commits.length > 0)).toBe(true)
    expect(repos.some(r => r.isPrivate)).toBe(true)
    const empty = repos.find(r => r.defaultBranch === null)
    expect(empty?.commits).toEqual([])
    const commits = repos.reduce((n, r) => n + r.commits.length, 0)
    expect(commits).toBeGreaterThan(20)
    expect(commits).toBeLessThan(300)
    expect(generateWorld({ scale: 'small', organization: 'acme' }).organization.login).toBe('acme')
  })

  it('writes every timestamp in seconds, nothing after now, and history older than 12 months', () => {
    const stamps = allTimestamps(world)
    expect(stamps.every(s => TIMESTAMP.test(s))).toBe(true)
    expect(stamps.filter(s => s > world.now)).toEqual([])
    const { since } = edgeWindow(world.now)
    expect(stamps.some(s => Date.parse(s) < since.getTime() - 90 * 86_400_000)).toBe(true)
  })

  it('gives unique node ids and 40-hex oids, and numbers threads per repository', () => {
    const ids = allIds(world)
    expect(new Set(ids).size).toBe(ids.length)
    const oids = world.repositories.flatMap(r => r.commits.map(c => c.oid))
    expect(oids.every(o => /^[0-9a-f]{40}$/.test(o))).toBe(true)
    expect(new Set(oids).size).toBe(oids.length)
    for (const r of world.repositories) {
      const numbers = [...r.pullRequests, ...r.issues].map(t => t.number).sort((a, b) => a - b)
      expect(numbers).toEqual(numbers.map((_, i) => i + 1))
    }
  })

  it('puts one commit exactly on each edge of the default window', () => {
    const { since, until } = edgeWindow(world.now)
    const commits = world.repositories.flatMap(r => r.commits)
    const at = (login: string) => commits.filter(c => c.authors[0].login === login).map(c => c.committedDate)
    expect(at('edge-since')).toEqual([since.toISOString().replace('.000', '')])
    expect(at('edge-until')).toEqual([until.toISOString().replace('.000', '')])
  })

  it('runs activity up to a later now, never past it', () => {
    const later = generateWorld({ scale: 'small', now: '2026-05-10T15:30:00Z' })
    const stamps = allTimestamps(later)
    expect(stamps.filter(s => s > later.now)).toEqual([])
    expect(stamps.some(s => s > '2026-05-10T00:00:00Z')).toBe(true)
  })

  it('every user referenced exists, once, case-insensitively', () => {
    const logins = world.users.map(u => u.login.toLowerCase())
    expect(new Set(logins).size).toBe(logins.length)
    const known = new Set(logins)
    const referenced = world.repositories.flatMap(r => [
      ...r.commits.flatMap(c => c.authors.map(a => a.login)),
      ...r.pullRequests.flatMap(pr => [
        pr.author,
        ...pr.reviews.map(rv => rv.author),
        ...pr.events.map(e => e.actor)
      ]),
      ...r.issues.flatMap(i => [i.author, ...i.comments.map(c => c.author), ...i.events.map(e => e.actor)])
    ])
    expect(referenced.filter(l => l !== null && !known.has(l.toLowerCase()))).toEqual([])
  })
})

describe('generateWorld: kata calibration', () => {
  const world = generateWorld({ scale: 'kata', seed: 42 })
  const { since, until } = edgeWindow(world.now)
  const inWindow = (at: string | null) =>
    !!at && Date.parse(at) >= since.getTime() && Date.parse(at) < until.getTime()
  const inScope = world.repositories.filter(r => !r.isArchived && !r.isFork && !r.isPrivate)
  const commits = inScope.flatMap(r => r.commits).filter(c => c.parents <= 1 && inWindow(c.committedDate))
  const merged = inScope.flatMap(r => r.pullRequests).filter(pr => inWindow(pr.mergedAt))
  const share = (n: number, of: number) => n / of
  const within = (value: number, target: number, tolerance: number) => {
    expect(value).toBeGreaterThanOrEqual(target * (1 - tolerance))
    expect(value).toBeLessThanOrEqual(target * (1 + tolerance))
  }

  it('is deterministic at this scale too', () => {
    expect(JSON.stringify(generateWorld({ scale: 'kata', seed: 42 }))).toBe(JSON.stringify(world))
  })

  it('has about 30 repositories in kata-containers, most of them small', () => {
    expect(world.organization.login).toBe('kata-containers')
    expect(world.repositories.length).toBeGreaterThanOrEqual(25)
    expect(world.repositories.length).toBeLessThanOrEqual(35)
    const sizes = world.repositories.map(r => r.commits.length).sort((a, b) => b - a)
    expect(sizes[0]).toBeGreaterThan(sizes.slice(1).reduce((a, b) => a + b, 0))
  })

  it('has about 2,100 non-merge commits in 12 months from about 100 emails, heavily skewed', () => {
    within(commits.length, 2100, 0.15)
    const emails = new Set(commits.map(c => c.authors[0].email.toLowerCase()))
    expect(emails.size).toBeGreaterThan(80)
    expect(emails.size).toBeLessThan(160)
    const perLogin = new Map<string, number>()
    for (const c of commits) {
      const login = c.authors[0].login
      if (login) perLogin.set(login, (perLogin.get(login) ?? 0) + 1)
    }
    const counts = [...perLogin.values()].sort((a, b) => b - a)
    within(counts[0], 865, 0.15)
    expect(counts.filter(n => n <= 3).length).toBeGreaterThanOrEqual(40)
  })

  it('has about 840 merged pull requests, 47% touching workflows and 65% tests', () => {
    within(merged.length, 840, 0.15)
    const workflows = merged.filter(pr => pr.files.some(f => f.startsWith('.github/workflows/'))).length
    const tests = merged.filter(pr => pr.files.some(f => f.startsWith('tests/'))).length
    expect(Math.abs(share(workflows, merged.length) - 0.47)).toBeLessThanOrEqual(0.08)
    expect(Math.abs(share(tests, merged.length) - 0.65)).toBeLessThanOrEqual(0.08)
  })

  it('has co-author trailers that agree with authors, AI agents among them linked to no account', () => {
    const coAuthored = commits.filter(c => c.authors.length > 1)
    expect(coAuthored.length).toBeGreaterThan(15)
    expect(coAuthored.length).toBeLessThan(80)
    for (const c of coAuthored)
      for (const a of c.authors.slice(1))
        expect(c.message).toContain(`Co-authored-by: ${a.name} <${a.email}>`)
    const coAuthors = coAuthored.flatMap(c => c.authors.slice(1))
    expect(coAuthors).toContainEqual({
      name: 'Copilot',
      email: '198982749+Copilot@users.noreply.github.com',
      login: null
    })
    expect(coAuthors).toContainEqual({ name: 'Cursor', email: 'cursoragent@cursor.com', login: null })
  })

  it('has about 3% noreply commit emails, linked to their user', () => {
    const noreply = commits.filter(c => c.authors[0].email.endsWith('@users.noreply.github.com'))
    expect(share(noreply.length, commits.length)).toBeGreaterThan(0.015)
    expect(share(noreply.length, commits.length)).toBeLessThan(0.05)
    for (const c of noreply) expect(c.authors[0].email).toMatch(new RegExp(`^\\d+\\+${c.authors[0].login}@`))
  })

  it('signs off mostly as the author, sometimes with another email of the same name', () => {
    const signoff = (c: WorldCommit) => /Signed-off-by: (.*) <(.*)>/.exec(c.message)
    const signed = commits.filter(c => signoff(c))
    expect(share(signed.length, commits.length)).toBeGreaterThan(0.8)
    const other = signed.filter(
      c => signoff(c)![2] !== c.authors[0].email && signoff(c)![1] === c.authors[0].name
    )
    expect(other.length).toBeGreaterThan(0)
  })

  it('has merge commits, unlinked emails, deleted accounts, bots and a user-account bot', () => {
    const all = world.repositories.flatMap(r => r.commits)
    expect(all.some(c => c.parents === 2)).toBe(true)
    expect(commits.some(c => c.authors[0].login === null)).toBe(true)
    const prs = world.repositories.flatMap(r => r.pullRequests)
    const issues = world.repositories.flatMap(r => r.issues)
    expect(prs.some(pr => pr.author === null)).toBe(true)
    expect(issues.some(i => i.author === null)).toBe(true)
    expect(issues.some(i => i.events.some(e => e.actor === null))).toBe(true)
    const reviews = prs.flatMap(pr => pr.reviews.map(r => ({ pr, r })))
    expect(reviews.some(({ r }) => r.author === 'copilot-pull-request-reviewer')).toBe(true)
    expect(reviews.some(({ r }) => r.state === 'PENDING' && r.submittedAt === null)).toBe(true)
    expect(reviews.some(({ pr, r }) => r.author === pr.author && r.author !== null)).toBe(true)
    expect(reviews.some(({ r }) => r.body === '' && r.comments.length === 0)).toBe(true)
    expect(reviews.some(({ r }) => r.comments.length > 0)).toBe(true)
    expect(prs.some(pr => pr.reviews.filter(r => r.state === 'APPROVED').length >= 2)).toBe(true)
    expect(
      issues.some(i => i.events.some(e => e.actor === 'github-actions' && e.type === 'LABELED_EVENT'))
    ).toBe(true)
    expect(world.users.find(u => u.login === 'katacontainersbot')?.type).toBe('User')
    expect(world.users.find(u => u.login === 'Copilot')?.type).toBe('Bot')
  })

  it('has names that test CSV quoting and formula injection, and few public emails', () => {
    const names = world.users.map(u => u.name)
    expect(names).toEqual(expect.arrayContaining(['José Müller', "O'Brien, Pat", '=HYPERLINK("http://x")']))
    expect(names.some(n => n.includes('"') && !n.startsWith('='))).toBe(true)
    const humans = world.users.filter(u => u.type === 'User')
    expect(humans.filter(u => u.name).length / humans.length).toBeGreaterThan(0.8)
    expect(humans.filter(u => u.email).length / humans.length).toBeLessThan(0.2)
  })

  it('has the stress items: 250 reviews, over 3,000 files, 400 events, transfers, non-triage events', () => {
    const prs = world.repositories.flatMap(r => r.pullRequests)
    const issues = world.repositories.flatMap(r => r.issues)
    expect(prs.some(pr => pr.reviews.length === 250)).toBe(true)
    const huge = prs.find(pr => pr.files.length > 3000)
    expect(huge && inWindow(huge.mergedAt)).toBe(true)
    expect(huge?.files.some(f => f.startsWith('.github/workflows/'))).toBe(true)
    expect(issues.some(i => i.events.length === 400)).toBe(true)
    const transfers = issues.flatMap(i => i.events).filter(e => e.type === 'TRANSFERRED_EVENT')
    expect(transfers.length).toBeGreaterThanOrEqual(2)
    for (const e of transfers) expect(e.detail).toBe('kata-containers/tests')
    expect(issues.some(i => i.events.some(e => e.type === 'CROSS_REFERENCED_EVENT'))).toBe(true)
  })
})

describe('generateWorld: large', () => {
  it('is about ten times kata, quickly, and nothing happens after now', () => {
    const started = Date.now()
    const world = generateWorld({ scale: 'large', seed: 3 })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(world.repositories.length).toBe(300)
    const commits = world.repositories.reduce((n, r) => n + r.commits.length, 0)
    expect(commits).toBeGreaterThan(25_000)
    const latest = world.repositories
      .flatMap(r => r.commits.map(c => c.committedDate))
      .reduce((a, b) => (a > b ? a : b))
    expect(latest <= world.now).toBe(true)
    const logins = world.users.map(u => u.login.toLowerCase())
    expect(new Set(logins).size).toBe(logins.length)
  })
})
