import { describe, expect, it } from 'vitest'
import { DEFAULT_NOW, generateWorld } from '../../tools/world/generate.js'
import { edgeWindow } from '../../tools/world/time.js'
import type { World } from '../../tools/world/types.js'

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
