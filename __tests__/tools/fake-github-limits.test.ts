/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked by the shape each query asks for */
import { afterEach, describe, expect, it } from 'vitest'
import { sampleWorld } from '../../tools/fake-github/sample-world.js'
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../../tools/fake-github/server.js'
import type { World, WorldIssue } from '../../tools/world/types.js'

let github: FakeGitHub | undefined
afterEach(async () => {
  await github?.close()
  github = undefined
})

async function serve(options: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  github = await startFakeGitHub({ world: sampleWorld(), ...options })
  return github
}

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(github!.url, { method: 'POST', body: JSON.stringify({ query, variables }) })
  return { status: response.status, headers: response.headers, body: (await response.json()) as any }
}

const docsExample = `query($repos: Int!, $issues: Int!, $labels: Int!) {
  organization(login: "kata-containers") { repositories(first: $repos) { nodes {
    issues(first: $issues) { nodes { labels(first: $labels) { nodes { name } } } } } } }
  rateLimit(dryRun: true) { cost nodeCount remaining }
}`

describe('cost', () => {
  it("prices GitHub's documented example at 51 points (5,101 requests) with variables applied", async () => {
    await serve()
    const { body } = await post(docsExample, { repos: 100, issues: 50, labels: 60 })
    expect(body.data.rateLimit).toEqual({ cost: 51, nodeCount: 100 + 5_000 + 300_000, remaining: 5000 })
    expect(body.data.organization).toBeNull()
    expect(github!.pointsUsed()).toBe(0)
  })

  it('charges at least one point, counts a child connection once per parent item, and reports it', async () => {
    await serve({ rateLimit: { limit: 1000, used: 10 } })
    const small = await post(`{ repository(owner: "kata-containers", name: "runtime") { id } }`)
    expect(small.headers.get('x-ratelimit-used')).toBe('11')
    // 1 + 100 (reviews per PR) + 100 * 40 (comments per review) = 4,101 requests: 41 points
    const nested = await post(`{ repository(owner: "kata-containers", name: "runtime") {
      pullRequests(first: 100) { nodes { reviews(first: 40) { nodes { comments(first: 5) { totalCount } } } } } }
      rateLimit { cost used remaining limit resetAt } }`)
    expect(nested.body.data.rateLimit).toMatchObject({ cost: 41, used: 52, remaining: 948, limit: 1000 })
    expect(nested.headers.get('x-ratelimit-remaining')).toBe('948')
    expect(nested.headers.get('x-ratelimit-resource')).toBe('graphql')
    const resetSeconds = Number(nested.headers.get('x-ratelimit-reset'))
    expect(Date.parse(nested.body.data.rateLimit.resetAt) / 1000).toBe(resetSeconds)
    expect(resetSeconds - Date.now() / 1000).toBeGreaterThan(3500)
    expect(github!.pointsUsed()).toBe(42)
    expect(github!.log.map(e => e.cost)).toEqual([1, 41])
  })

  it("prices a field by the fragment's type: PullRequest.files is a connection, Gist.files is not", async () => {
    await serve()
    const listed = await post(`{ repository(owner: "kata-containers", name: "runtime") {
      pullRequests(first: 1) { nodes { id } } } }`)
    const ids = Array.from(
      { length: 100 },
      () => listed.body.data.repository.pullRequests.nodes[0].id as string
    )
    // 100 ids x (reviews + files) = 200 requests, whether the fields come inline or from a named fragment.
    const inline = await post(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on PullRequest { reviews(first: 40) { totalCount }
        files(first: 100) { nodes { path } } } } rateLimit { cost nodeCount } }`,
      { ids }
    )
    expect(inline.body.errors).toBeUndefined()
    expect(inline.body.data.rateLimit).toEqual({ cost: 2, nodeCount: 100 * 40 + 100 * 100 })
    const named = await post(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ...Changed } rateLimit { cost nodeCount } }
      fragment Changed on PullRequest { reviews(first: 40) { totalCount } files(first: 100) { nodes { path } } }`,
      { ids }
    )
    expect(named.body.data.rateLimit).toEqual(inline.body.data.rateLimit)
  })
})

describe("GitHub's query limits answer 200 with errors and no data", () => {
  it('rejects a page over 100 records', async () => {
    await serve()
    const { status, body } = await post(`{ organization(login: "kata-containers") {
      repositories(first: 101) { nodes { name } } } }`)
    expect(status).toBe(200)
    expect(body).toEqual({
      errors: [
        {
          message:
            'Requesting 101 records on the `repositories` connection exceeds the `first` limit of 100 records.'
        }
      ]
    })
    expect(github!.pointsUsed()).toBe(0)
  })

  it('requires first or last when nodes or edges are asked, not for totalCount alone', async () => {
    await serve()
    const missing = await post(`{ repository(owner: "kata-containers", name: "runtime") {
      pullRequests { edges { node { number } } } } }`)
    expect(missing.body).toEqual({
      errors: [
        {
          message:
            'You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.'
        }
      ]
    })
    const count = await post(
      `{ repository(owner: "kata-containers", name: "runtime") { pullRequests { totalCount } } }`
    )
    expect(count.body).toEqual({ data: { repository: { pullRequests: { totalCount: 120 } } } })
  })

  it('refuses a query that could return more than 500,000 nodes', async () => {
    await serve()
    const { body } = await post(`{ organization(login: "kata-containers") { repositories(first: 100) { nodes {
      pullRequests(first: 100) { nodes { reviews(first: 100) { nodes { id } } } } } } } }`)
    expect(body).toEqual({
      errors: [
        {
          message:
            'This query requests up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000.'
        }
      ]
    })
  })

  it('serves `last` and `before` and rejects a cursor it never gave', async () => {
    await serve()
    const tail = await post(`{ repository(owner: "kata-containers", name: "runtime") {
      pullRequests(last: 2) { pageInfo { hasPreviousPage startCursor } nodes { number } } } }`)
    const connection = tail.body.data.repository.pullRequests
    expect(connection.nodes).toEqual([{ number: 119 }, { number: 120 }])
    expect(connection.pageInfo.hasPreviousPage).toBe(true)
    const before = await post(
      `query($c: String) { repository(owner: "kata-containers", name: "runtime") {
      pullRequests(last: 1, before: $c) { nodes { number } } } }`,
      { c: connection.pageInfo.startCursor }
    )
    expect(before.body.data.repository.pullRequests.nodes).toEqual([{ number: 118 }])
    const bad = await post(`{ repository(owner: "kata-containers", name: "runtime") {
      pullRequests(first: 1, after: "bm9wZQ==") { nodes { number } } } }`)
    expect(bad.body.errors[0].message).toBe('`bm9wZQ==` does not appear to be a valid cursor.')
  })
})

describe('search', () => {
  it('reaches at most 1,000 results while issueCount tells the whole number', async () => {
    const world: World = sampleWorld()
    const base = world.repositories.find(r => r.name === 'agent')!
    base.issues = Array.from({ length: 1050 }, (_, i): WorldIssue => ({
      id: `I_bulk_${i}`,
      number: 5000 + i,
      author: 'alice',
      title: `bulk ${i}`,
      createdAt: new Date(Date.parse('2024-03-01T00:00:00Z') + i * 60_000).toISOString(),
      state: 'OPEN',
      closedAt: null,
      comments: [],
      events: []
    }))
    await serve({ world })
    const seen: number[] = []
    let after: string | null = null
    let issueCount = 0
    for (let page = 0; page < 20; page++) {
      const { body } = await post(
        `query($after: String) { search(type: ISSUE, first: 100, after: $after,
          query: "repo:kata-containers/agent is:issue updated:>=2024-03-01") {
          issueCount pageInfo { hasNextPage endCursor } nodes { ... on Issue { number } } } }`,
        { after }
      )
      issueCount = body.data.search.issueCount
      seen.push(...body.data.search.nodes.map((n: { number: number }) => n.number))
      if (!body.data.search.pageInfo.hasNextPage) break
      after = body.data.search.pageInfo.endCursor
    }
    expect(issueCount).toBe(1050)
    expect(seen).toHaveLength(1000)
    expect(new Set(seen).size).toBe(1000)
  })
})
