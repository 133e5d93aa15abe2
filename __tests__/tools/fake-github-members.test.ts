/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked by the shape each query asks for */
import { afterEach, describe, expect, it } from 'vitest'
import {
  ORGANIZATION_MEMBERS,
  ORGANIZATION_TEAMS,
  OUTSIDE_COLLABORATORS
} from '../../src/github/queries/access.js'
import { nodesDocument } from '../../src/github/queries/nodes.js'
import { startFakeGitHub, type FakeGitHubOptions } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import { addStewardship } from '../../tools/world/stewardship.js'

const NOW = '2026-04-07T00:00:00Z'
const WINDOW = { since: new Date('2025-04-07T00:00:00Z'), until: new Date(NOW) }
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function fake(options: Partial<FakeGitHubOptions> = {}) {
  const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
  const cast = addStewardship(world, WINDOW)
  const github = await startFakeGitHub({ world, ...options })
  closers.push(() => github.close())
  const ask = async (query: string, variables: Record<string, unknown>) =>
    (await (
      await fetch(github.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables })
      })
    ).json()) as { data?: any; errors?: { type?: string; message: string }[] }
  return { world, cast, ask }
}

describe('fake GitHub: who holds a role (the access queries of src/github/queries/access.ts)', () => {
  it('serves members with their role, teams with members and permissions, outside collaborators', async () => {
    const { world, cast, ask } = await fake()
    const login = world.organization.login
    const members = await ask(ORGANIZATION_MEMBERS, { login, first: 2 })
    expect(members.errors).toBeUndefined()
    const first = members.data.organization.membersWithRole
    expect(first.edges.map((e: any) => [e.node.login, e.role])).toEqual([
      [cast.busy, 'ADMIN'],
      [cast.absentOwner, 'ADMIN']
    ])
    expect(first.pageInfo.hasNextPage).toBe(true)
    const rest = await ask(ORGANIZATION_MEMBERS, { login, first: 2, after: first.pageInfo.endCursor })
    expect(rest.data.organization.membersWithRole.edges.map((e: any) => e.role)).toEqual(['MEMBER', 'MEMBER'])

    const teams = await ask(ORGANIZATION_TEAMS, { login, first: 10 })
    expect(teams.errors).toBeUndefined()
    const [team] = teams.data.organization.teams.nodes
    expect(team.slug).toBe('maintainers')
    expect(team.members.edges.map((e: any) => [e.node.login, e.role])).toEqual([
      [cast.busy, 'MAINTAINER'],
      [cast.second, 'MEMBER']
    ])
    expect(team.repositories.edges.map((e: any) => [e.node.nameWithOwner, e.permission])).toEqual(
      world.organization.teams![0]!.repositories.map(r => [r.repository, r.permission])
    )

    const other = world.repositories.find(r => r.collaborators?.length)!
    const collaborators = await ask(nodesDocument(OUTSIDE_COLLABORATORS, 1), { ids0: [other.id] })
    expect(collaborators.errors).toBeUndefined()
    expect(
      collaborators.data.n0[0].collaborators.edges.map((e: any) => [e.node.login, e.permission])
    ).toEqual(other.collaborators!.map(c => [c.login, c.permission]))
  })

  it("answers a classic token without read:org with GitHub's INSUFFICIENT_SCOPES", async () => {
    const { world, ask } = await fake({ tokenLacksMembers: 'classic' })
    const answer = await ask(ORGANIZATION_MEMBERS, { login: world.organization.login, first: 10 })
    expect(answer.errors?.[0]?.type).toBe('INSUFFICIENT_SCOPES')
    expect(answer.errors?.[0]?.message).toContain("requires one of the following scopes: ['read:org']")
  })

  it('answers a fine-grained token without Members: read with FORBIDDEN', async () => {
    const { world, ask } = await fake({ tokenLacksMembers: 'fine-grained' })
    const answer = await ask(ORGANIZATION_TEAMS, { login: world.organization.login, first: 10 })
    expect(answer.errors?.[0]).toMatchObject({
      type: 'FORBIDDEN',
      message: 'Resource not accessible by personal access token'
    })
  })
})
