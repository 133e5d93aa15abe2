/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked by the shape each query asks for */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleWorld } from '../../tools/fake-github/sample-world.js'
import { startFakeGitHub, type FakeGitHub } from '../../tools/fake-github/server.js'
import { pullRequestUpdatedAt, type World } from '../../tools/world/types.js'

interface GraphQLAnswer {
  data?: Record<string, any> | null
  errors?: { message: string; type?: string; path?: (string | number)[] }[]
}

let github: FakeGitHub
const world: World = sampleWorld()
const runtime = world.repositories.find(r => r.name === 'runtime')!

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> {
  const response = await fetch(github.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  })
  expect(response.status).toBe(200)
  return (await response.json()) as GraphQLAnswer
}

/** Follows `pageInfo` to the end; `pick` finds the connection in each answer. */
async function everyPage<T>(
  query: string,
  variables: Record<string, unknown>,
  pick: (data: Record<string, any>) => { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string } }
): Promise<T[]> {
  const items: T[] = []
  let after: string | null = null
  for (let page = 0; page < 100; page++) {
    const answer = await graphql(query, { ...variables, after })
    expect(answer.errors).toBeUndefined()
    const connection = pick(answer.data!)
    items.push(...connection.nodes)
    if (!connection.pageInfo.hasNextPage) return items
    after = connection.pageInfo.endCursor
  }
  throw new Error('pagination never ended')
}

beforeAll(async () => {
  github = await startFakeGitHub({ world })
})
afterAll(async () => {
  await github.close()
})

const historyQuery = `
  query History($after: String, $since: GitTimestamp, $until: GitTimestamp) {
    repository(owner: "kata-containers", name: "runtime") {
      defaultBranchRef { target { ... on Commit {
        history(first: 100, after: $after, since: $since, until: $until) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes { oid committedDate parents(first: 2) { totalCount } authors(first: 5) { nodes { email user { login } } } }
        }
      } } }
    }
  }`
type HistoryNode = {
  oid: string
  committedDate: string
  parents: { totalCount: number }
  authors: { nodes: { email: string; user: { login: string } | null }[] }
}
const history = (data: Record<string, any>) => data.repository.defaultBranchRef.target.history

describe('pagination reaches every item exactly once', () => {
  it('serves the whole default-branch history newest first', async () => {
    const commits = await everyPage<HistoryNode>(historyQuery, {}, history)
    expect(commits).toHaveLength(250)
    expect(new Set(commits.map(c => c.oid))).toEqual(new Set(runtime.commits.map(c => c.oid)))
    const dates = commits.map(c => c.committedDate)
    expect(dates).toEqual([...dates].sort().reverse())
    const merge = runtime.commits.find(c => c.parents === 2)!
    expect(commits.find(c => c.oid === merge.oid)!.parents.totalCount).toBe(2)
  })

  it('treats since and until as inclusive bounds on the committed date', async () => {
    const sorted = [...runtime.commits].sort((a, b) => a.committedDate.localeCompare(b.committedDate))
    const since = sorted[10]!.committedDate
    const until = sorted[20]!.committedDate
    const commits = await everyPage<HistoryNode>(historyQuery, { since, until }, history)
    expect(commits.map(c => c.oid).sort()).toEqual(
      sorted
        .slice(10, 21)
        .map(c => c.oid)
        .sort()
    )
  })

  it('lists pull requests by updatedAt descending across pages', async () => {
    const prs = await everyPage<{ number: number; updatedAt: string }>(
      `query($after: String) { repository(owner: "kata-containers", name: "runtime") {
         pullRequests(first: 50, after: $after, orderBy: {field: UPDATED_AT, direction: DESC}) {
           pageInfo { hasNextPage endCursor } nodes { number updatedAt } } } }`,
      {},
      data => data.repository.pullRequests
    )
    expect(prs.map(p => p.number).sort((a, b) => a - b)).toEqual(runtime.pullRequests.map(p => p.number))
    const updated = prs.map(p => p.updatedAt)
    expect(updated).toEqual([...updated].sort().reverse())
    for (const pr of runtime.pullRequests)
      expect(prs.find(p => p.number === pr.number)!.updatedAt).toBe(pullRequestUpdatedAt(pr))
  })

  it('follows a nested connection past its first page through node(id:)', async () => {
    const first = await graphql(`
      {
        repository(owner: "kata-containers", name: "runtime") {
          pullRequest(number: 1) {
            id
            reviews(first: 100) {
              totalCount
              pageInfo {
                hasNextPage
                endCursor
              }
              nodes {
                id
              }
            }
          }
        }
      }
    `)
    const pr = first.data!.repository.pullRequest
    expect(pr.reviews.totalCount).toBe(250)
    const rest = await everyPage<{ id: string }>(
      `query($id: ID!, $after: String) { node(id: $id) { ... on PullRequest {
         reviews(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } } }`,
      { id: pr.id },
      data => data.node.reviews
    )
    const ids = rest.map(r => r.id)
    expect(ids).toHaveLength(250)
    expect(new Set(ids).size).toBe(250)
    expect(ids.slice(0, 100)).toEqual(pr.reviews.nodes.map((r: { id: string }) => r.id))
  })

  it('serves an issue timeline of 400 events, filtered by item type and since', async () => {
    const issue = runtime.issues.find(i => i.number === 1000)!
    const query = `query($after: String, $types: [IssueTimelineItemsItemType!], $since: DateTime) {
      repository(owner: "kata-containers", name: "runtime") { issue(number: 1000) {
        timelineItems(first: 100, after: $after, itemTypes: $types, since: $since) {
          pageInfo { hasNextPage endCursor }
          nodes { __typename ... on LabeledEvent { id createdAt actor { login } label { name } }
                  ... on ClosedEvent { id } ... on MentionedEvent { id } ... on SubscribedEvent { id }
                  ... on CrossReferencedEvent { id } ... on LockedEvent { id actor { __typename } } } } } } }`
    const timeline = (data: Record<string, any>) => data.repository.issue.timelineItems
    const all = await everyPage<{ __typename: string }>(query, {}, timeline)
    expect(all).toHaveLength(400)
    const labeled = await everyPage<{ id: string; label: { name: string } }>(
      query,
      { types: ['LABELED_EVENT'] },
      timeline
    )
    const worldLabeled = issue.events.filter(e => e.type === 'LABELED_EVENT')
    expect(labeled.map(e => e.id)).toEqual(worldLabeled.map(e => e.id))
    expect(labeled[0]!.label.name).toBe(worldLabeled[0]!.detail)
    const since = issue.events[300]!.createdAt
    const late = await everyPage<unknown>(query, { since }, timeline)
    expect(late).toHaveLength(100)
  })
})

describe('GitHub shapes', () => {
  it('answers files: null above 3,000 changed files, with no error', async () => {
    const answer = await graphql(`
      {
        repository(owner: "kata-containers", name: "runtime") {
          big: pullRequest(number: 2) {
            changedFiles
            files(first: 100) {
              totalCount
              nodes {
                path
              }
            }
          }
          small: pullRequest(number: 1) {
            files(first: 100) {
              totalCount
              nodes {
                path
                additions
                deletions
              }
            }
          }
        }
      }
    `)
    expect(answer.errors).toBeUndefined()
    expect(answer.data!.repository.big).toEqual({ changedFiles: 3001, files: null })
    expect(answer.data!.repository.small.files.nodes[0].path).toBe('.github/workflows/ci.yaml')
  })

  it("resolves a bot's __typename, a deleted author as null, and unlinked commit emails", async () => {
    const answer = await graphql(`
      {
        repository(owner: "kata-containers", name: "runtime") {
          bot: pullRequest(number: 5) {
            author {
              __typename
              login
              url
            }
          }
          ghost: pullRequest(number: 4) {
            author {
              login
            }
          }
          human: pullRequest(number: 3) {
            author {
              __typename
              login
              ... on User {
                name
                email
              }
            }
          }
        }
      }
    `)
    expect(answer.data!.repository.bot.author).toEqual({
      __typename: 'Bot',
      login: 'dependabot',
      url: 'https://github.com/apps/dependabot'
    })
    expect(answer.data!.repository.ghost.author).toBeNull()
    expect(answer.data!.repository.human.author).toEqual({
      __typename: 'User',
      login: 'carol',
      name: 'Carol C',
      email: ''
    })
    const commits = await everyPage<HistoryNode>(historyQuery, {}, history)
    const unlinked = commits.find(c => c.authors.nodes[0]!.email === 'dev@example.org')!
    expect(unlinked.authors.nodes[0]!.user).toBeNull()
    const coAuthored = commits.find(c => c.authors.nodes.length === 2)!
    expect(coAuthored.authors.nodes[1]).toEqual({ email: 'bob@example.com', user: { login: 'bob' } })
  })

  it('names the source repository of a transferred issue', async () => {
    const answer = await graphql(`
      {
        repository(owner: "kata-containers", name: "runtime") {
          issue(number: 1001) {
            timelineItems(first: 10, itemTypes: [TRANSFERRED_EVENT]) {
              totalCount
              nodes {
                ... on TransferredEvent {
                  actor {
                    login
                  }
                  fromRepository {
                    nameWithOwner
                  }
                }
              }
            }
          }
        }
      }
    `)
    expect(answer.data!.repository.issue.timelineItems).toEqual({
      totalCount: 1,
      nodes: [{ actor: { login: 'alice' }, fromRepository: { nameWithOwner: 'elsewhere/old-home' } }]
    })
  })

  it('filters organization repositories like GitHub', async () => {
    const answer = await graphql(`
      {
        organization(login: "KATA-containers") {
          repositories(
            first: 100
            isFork: false
            isArchived: false
            privacy: PUBLIC
            orderBy: { field: NAME, direction: ASC }
          ) {
            totalCount
            nodes {
              name
              isEmpty
              defaultBranchRef {
                name
              }
            }
          }
        }
      }
    `)
    expect(answer.data!.organization.repositories).toEqual({
      totalCount: 3,
      nodes: [
        { name: 'agent', isEmpty: false, defaultBranchRef: { name: 'main' } },
        { name: 'empty', isEmpty: true, defaultBranchRef: null },
        { name: 'runtime', isEmpty: false, defaultBranchRef: { name: 'main' } }
      ]
    })
  })

  it('answers an issue search with the items its qualifiers select', async () => {
    const answer = await graphql(`
      {
        search(
          type: ISSUE
          first: 100
          query: "repo:kata-containers/runtime is:pr is:merged merged:2024-01-01..2024-01-02"
        ) {
          issueCount
          nodes {
            ... on PullRequest {
              number
              mergedAt
            }
          }
        }
      }
    `)
    const expected = runtime.pullRequests.filter(p => p.mergedAt && p.mergedAt < '2024-01-03')
    expect(answer.data!.search.issueCount).toBe(expected.length)
    expect(
      answer.data!.search.nodes.map((n: { number: number }) => n.number).sort((a: number, b: number) => a - b)
    ).toEqual(expected.map(p => p.number))
  })

  it('refuses a field or argument it does not serve, by name, never with a silent null', async () => {
    const answer = await graphql(`
      {
        repository(owner: "kata-containers", name: "runtime") {
          description
          pullRequests(first: 1, labels: ["bug"]) {
            totalCount
          }
        }
      }
    `)
    expect(answer.errors!.map(e => e.message).sort()).toEqual([
      'fake GitHub does not implement Repository.description',
      'fake GitHub does not implement Repository.pullRequests(labels:)'
    ])
  })

  it('answers repositoryOwner with the organization or a user, and a bot or an unknown login with null alone', async () => {
    const answer = await graphql(`
      {
        org: repositoryOwner(login: "KATA-containers") {
          __typename
          login
        }
        user: repositoryOwner(login: "Carol") {
          __typename
          login
        }
        bot: repositoryOwner(login: "dependabot") {
          login
        }
        unknown: repositoryOwner(login: "nobody-here") {
          login
        }
      }
    `)
    expect(answer).toEqual({
      data: {
        org: { __typename: 'Organization', login: 'kata-containers' },
        user: { __typename: 'User', login: 'carol' },
        bot: null,
        unknown: null
      }
    })
  })

  it('answers repositoryOwner of an unknown login with NOT_FOUND when the plan asks', async () => {
    const strict = await startFakeGitHub({ world, faults: { repositoryOwnerNotFound: true } })
    try {
      const response = await fetch(strict.url, {
        method: 'POST',
        body: JSON.stringify({ query: '{ o0: repositoryOwner(login: "nobody-here") { login } }' })
      })
      expect(await response.json()).toMatchObject({
        data: { o0: null },
        errors: [{ type: 'NOT_FOUND', path: ['o0'] }]
      })
    } finally {
      await strict.close()
    }
  })

  it('reports a missing repository as NOT_FOUND', async () => {
    const answer = await graphql(`
      {
        repository(owner: "kata-containers", name: "nope") {
          id
        }
      }
    `)
    expect(answer.data).toEqual({ repository: null })
    expect(answer.errors![0]).toMatchObject({
      type: 'NOT_FOUND',
      message: "Could not resolve to a Repository with the name 'kata-containers/nope'."
    })
  })
})
