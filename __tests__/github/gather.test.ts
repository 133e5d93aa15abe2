import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { configSchema, type ConfigInput } from '../../src/config/schema.js'
import { createGitHubClient } from '../../src/github/client.js'
import { type FinishedRecords, gather } from '../../src/github/gather.js'
import { hideEmail } from '../../src/email-privacy.js'
import { inRecordOrder } from '../../src/records-file/order.js'
import type { ActivityRecord } from '../../src/records.js'
import type { Logger } from '../../src/options.js'
import { sampleWorld } from '../../tools/fake-github/sample-world.js'
import type { FaultPlan } from '../../tools/fake-github/faults.js'
import { startFakeGitHub, type FakeGitHubOptions } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import { pullRequestUpdatedAt, type World, type WorldRepository } from '../../tools/world/types.js'
import { expectedProfiles, expectedRecords, normalised } from './expected-records.js'

const fakes: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close()
})

// The warnings of the test being run: cleared before each, so none can pass on another test's.
const warnings: string[] = []
beforeEach(() => {
  warnings.length = 0
})
const quiet: Logger = {
  info: () => {},
  warning: message => void warnings.push(message),
  debug: () => {},
  group: (_n, fn) => fn()
}

async function run(
  world: World,
  window: { since: Date; until: Date },
  extra: {
    repositories?: string[]
    config?: ConfigInput
    fake?: Partial<FakeGitHubOptions>
    concurrency?: number
    hideEmails?: boolean
    finished?: FinishedRecords
  } = {}
) {
  const fake = await startFakeGitHub({ world, token: 'test-token', ...extra.fake })
  fakes.push(fake)
  const client = createGitHubClient({
    url: fake.url,
    token: 'test-token',
    log: quiet,
    sleep: async () => {},
    concurrency: extra.concurrency
  })
  const gathered = await gather(
    {
      organizations: [world.organization.login],
      repositories: extra.repositories ?? [],
      ...window,
      config: configSchema.parse(extra.config ?? {}),
      hideEmails: extra.hideEmails
    },
    client,
    quiet,
    undefined,
    extra.finished
  )
  return { gathered, fake }
}

const publicSources = (world: World) =>
  world.repositories.filter(r => !r.isArchived && !r.isFork && !r.isPrivate)

function expectMatchesWorld(
  world: World,
  repositories: WorldRepository[],
  window: { since: Date; until: Date },
  gathered: Awaited<ReturnType<typeof run>>['gathered']
) {
  const expected = expectedRecords(world, repositories, window.since, window.until)
  expect(normalised(gathered.records)).toEqual(normalised(expected))
  expect(gathered.profiles).toEqual(expectedProfiles(world, expected))
  expect(gathered.repositories.map(r => r.nameWithOwner).sort()).toEqual(
    repositories.map(r => `${r.owner}/${r.name}`).sort()
  )
}

/** The sample world with its pull request of 3,001 files merged in the window. */
function withHugeMerged() {
  const world = sampleWorld()
  const runtime = world.repositories.find(r => r.name === 'runtime')!
  const huge = runtime.pullRequests.find(pr => pr.files.length > 3000)!
  Object.assign(huge, { state: 'MERGED', mergedAt: '2024-01-02T00:00:00Z', closedAt: '2024-01-02T00:00:00Z' })
  return { world, runtime, huge }
}

describe('gather against the fake GitHub', () => {
  it('returns exactly the sample world: 250 reviews, 3,001 files, 400 events, bots and deleted accounts', async () => {
    const { world, runtime, huge } = withHugeMerged()
    const commit = runtime.commits[5]
    commit.message =
      'Fix the agent\n\nCo-authored-by: Carol C <carol@example.com>\nSigned-off-by: Alice A <alice@example.com>\nSigned-off-by: Carol C <carol@example.com>\n'
    commit.authors = [commit.authors[0], { name: 'Carol C', email: 'carol@example.com', login: 'carol' }]
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const { gathered } = await run(world, window)
    expectMatchesWorld(world, publicSources(world), window, gathered)

    const hugeRecord = gathered.records.find(
      r => r.kind === 'pull_request' && r.url.endsWith(`/pull/${huge.number}`)
    )
    expect(hugeRecord).toMatchObject({ files: null })
    expect(warnings.join('\n')).toContain(`/runtime/pull/${huge.number}`)
    const reviewsPerPullRequest = new Map<string, number>()
    for (const r of gathered.records)
      if (r.kind === 'review') reviewsPerPullRequest.set(r.url, (reviewsPerPullRequest.get(r.url) ?? 0) + 1)
    expect(Math.max(...reviewsPerPullRequest.values())).toBeGreaterThan(100)
    const triagePerIssue = new Map<string, number>()
    for (const r of gathered.records)
      if (r.kind === 'triage') triagePerIssue.set(r.url, (triagePerIssue.get(r.url) ?? 0) + 1)
    expect(Math.max(...triagePerIssue.values())).toBeGreaterThan(100)
    expect(gathered.records.find(r => r.kind === 'commit' && r.oid === commit.oid)).toMatchObject({
      authors: [{}, { login: 'carol' }],
      signoffs: [
        { name: 'Alice A', email: 'alice@example.com' },
        { name: 'Carol C', email: 'carol@example.com' }
      ]
    })
    const actors = gathered.records.flatMap(r =>
      r.kind === 'review' ? [r.reviewer] : r.kind === 'triage' ? [r.actor] : []
    )
    expect(actors).toContainEqual({ login: 'dependabot', type: 'Bot' })
    expect(actors).toContain(null)
    expect(gathered.repositories.find(r => r.nameWithOwner.endsWith('/empty'))?.defaultBranch).toBeNull()
  })

  it('hands out the records of each repository once each gatherer is done with it, final and in canonical order', async () => {
    const world = sampleWorld()
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const handed: (readonly ActivityRecord[])[] = []
    const { gathered } = await run(world, window, { finished: records => void handed.push([...records]) })
    for (const records of handed) {
      expect(new Set(records.map(r => r.repository)).size).toBe(1)
      expect(records).toEqual(inRecordOrder([...records]))
    }
    // The very objects gathered, each handed out once: lines made of them are the records file's.
    const objects = handed.flat()
    expect(new Set(objects).size).toBe(objects.length)
    expect(new Set(objects)).toEqual(new Set(gathered.records))
    // One gatherer's records at a time: commits, pull requests with their reviews, issues' events.
    const gatherers = [['commit'], ['pull_request', 'review'], ['issue_comment', 'triage']]
    const gathererOf = (records: readonly ActivityRecord[]) =>
      gatherers.findIndex(kinds => records.every(r => kinds.includes(r.kind)))
    expect(handed.map(gathererOf)).not.toContain(-1)
    expect(new Set(handed.map(gathererOf))).toEqual(new Set([0, 1, 2]))
  })

  it('records commit addresses hidden where asked, as the privacy pass would hide them', async () => {
    const world = sampleWorld()
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const plain = await run(world, window)
    const hidden = await run(world, window, { hideEmails: true })
    expect(plain.gathered.emails).toBeUndefined()
    expect(hidden.gathered.emails).toBe('hidden')
    const addresses = (records: ActivityRecord[]) =>
      records
        .flatMap(r => (r.kind === 'commit' ? [r] : []))
        .sort((a, b) => a.url.localeCompare(b.url))
        .flatMap(r => [...r.authors, ...r.signoffs].map(a => a.email))
    const plainAddresses = addresses(plain.gathered.records)
    expect(plainAddresses.filter(email => email.includes('@')).length).toBeGreaterThan(10)
    expect(addresses(hidden.gathered.records)).toEqual(plainAddresses.map(hideEmail))
  })

  it('takes a pull request whose files GitHub cuts at 3,000 as one whose files it does not list, without paging them', async () => {
    const { world, huge } = withHugeMerged()
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const clean = await run(world, window)
    const cleanWarnings = [...warnings]
    const cut = await run(world, window, { fake: { faults: { filesCutAt3000: true } } })
    expect(normalised(cut.gathered.records)).toEqual(normalised(clean.gathered.records))
    expect(
      cut.gathered.records.find(r => r.kind === 'pull_request' && r.url.endsWith(`/pull/${huge.number}`))
    ).toMatchObject({ files: null })
    expect(warnings.slice(cleanWarnings.length)).toEqual(cleanWarnings)
    expect(cleanWarnings.join('\n')).toContain(
      `/runtime/pull/${huge.number}: GitHub does not list any of its 3001 changed files`
    )
    expect(cut.fake.log.filter(e => e.operationName === 'PullRequestFiles')).toEqual([])
  })

  it.each([
    ['pull request', 'pullRequest', 1, 1, 'before its details are read'],
    ['pull request', 'pullRequest', 1, 2, 'between its details and its later reviews'],
    ['issue', 'issue', 1000, 1, 'before its details are read'],
    ['issue', 'issue', 1000, 2, 'between its details and its later timeline']
  ] as const)(
    'leaves out the %s deleted after its listing (%s#%i, answers %i: %s), naming it',
    async (name, kind, number, answers, _when) => {
      const world = sampleWorld()
      const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
      const deletedAfterListing = { repository: 'kata-containers/runtime', kind, number, answers }
      const { gathered, fake } = await run(world, window, { fake: { faults: { deletedAfterListing } } })
      const runtime = world.repositories.find(r => r.name === 'runtime')!
      if (kind === 'pullRequest')
        runtime.pullRequests = runtime.pullRequests.filter(pr => pr.number !== number)
      else runtime.issues = runtime.issues.filter(issue => issue.number !== number)
      expectMatchesWorld(world, publicSources(world), window, gathered)
      const item = `${name} kata-containers/runtime#${number}`
      expect(gathered.deleted).toEqual([item])
      expect(gathered.warnings).toEqual([`${item} was deleted on GitHub during the run: left out`])
      expect(warnings).toContain(`${item} was deleted on GitHub during the run: left out`)
      expect(fake.log.filter(e => e.status !== 200)).toEqual([])
      const deleting = fake.log.find(e => e.fault === 'deletes-item')!
      expect(deleting.operationName).toBe(
        {
          pullRequest: ['PullRequestLists', 'MergedPullRequests'],
          issue: ['OrganizationRepositories', 'Issues']
        }[kind][answers - 1]
      )
    }
  )

  it.each([
    ['the organization’s listing', [] as string[]],
    ['an explicit list', ['agent', 'runtime']]
  ])(
    'fails naming the repository whose pull requests the token may not read, and the permission (%s)',
    async (_, repositories) => {
      const world = sampleWorld()
      const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
      const refused = run(world, window, {
        repositories,
        fake: { faults: { forbiddenRepository: 'kata-containers/runtime' } }
      })
      await expect(refused).rejects.toThrow(
        'kata-containers/runtime: the token may not read its pull requests (GitHub answered FORBIDDEN: Resource ' +
          'not accessible by integration). Give the token the "Pull requests: read" permission (in a workflow, ' +
          '`permissions: pull-requests: read`), or leave the repository out with repositories.exclude'
      )
    }
  )

  it('counts at since and not at until, and cuts every kind of item there', async () => {
    const world = sampleWorld()
    const { since, until } = edgesOf(world)
    const window = { since: new Date(since), until: new Date(until) }
    const { gathered } = await run(world, window)
    expectMatchesWorld(world, publicSources(world), window, gathered)
    expect(gathered.records.some(r => r.at === since)).toBe(true)
    expect(gathered.records.some(r => r.at === until)).toBe(false)
  })

  it('takes an explicit list as given (name or owner/name) and still applies excludes', async () => {
    const world = sampleWorld()
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const { gathered } = await run(world, window, {
      repositories: ['old-tools', 'kata-containers/agent', 'runtime'],
      config: { repositories: { exclude: ['RUNTIME'] } }
    })
    const chosen = world.repositories.filter(r => r.name === 'old-tools' || r.name === 'agent')
    expectMatchesWorld(world, chosen, window, gathered)
  })

  it('asks GitHub to leave forks, archived and private repositories out of the listing itself', async () => {
    const world = sampleWorld()
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const listings = (bodies: { operationName?: string | null; query: string; variables?: unknown }[]) =>
      bodies.filter(body => body.query.includes('query OrganizationRepositories')).map(body => body.variables)
    const defaults: Parameters<NonNullable<FakeGitHubOptions['onRequest']>>[2][] = []
    await run(world, window, { fake: { onRequest: (_i, _f, body) => void defaults.push(body) } })
    expect(listings(defaults)).toEqual([
      expect.objectContaining({ isFork: false, isArchived: false, privacy: 'PUBLIC' })
    ])
    const everything: typeof defaults = []
    await run(world, window, {
      config: { repositories: { archived: true, forks: true, private: true } },
      fake: { onRequest: (_i, _f, body) => void everything.push(body) }
    })
    expect(listings(everything)).toEqual([
      expect.objectContaining({ isFork: null, isArchived: null, privacy: null })
    ])
  })

  it('lets archived, forks and private repositories in when the config says so', async () => {
    const world = sampleWorld()
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const { gathered } = await run(world, window, {
      config: {
        repositories: { archived: true, forks: true, private: true, exclude: ['kata-containers/run*'] }
      }
    })
    expectMatchesWorld(
      world,
      world.repositories.filter(r => r.name !== 'runtime'),
      window,
      gathered
    )
  })

  it('completes despite 502s, secondary limits and partial answers', async () => {
    const world = sampleWorld()
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const { gathered, fake } = await run(world, window, {
      fake: { faults: { http502Every: 5, secondaryEvery: 7, retryAfterSeconds: 1, partialErrorAt: [3, 11] } }
    })
    expectMatchesWorld(world, publicSources(world), window, gathered)
    expect(fake.log.some(e => e.status === 502)).toBe(true)
  })

  it('gathers the kata world within 200 requests and 200 points, never over the concurrency', async () => {
    const world = generateWorld({ scale: 'kata', seed: 7 })
    const until = new Date(world.now.slice(0, 10) + 'T00:00:00Z')
    const since = new Date(until)
    since.setUTCMonth(since.getUTCMonth() - 12)
    // A little latency so that requests overlap and the bound is put to the test.
    const { gathered, fake } = await run(world, { since, until }, { concurrency: 4, fake: { latencyMs: 20 } })
    expectMatchesWorld(world, publicSources(world), { since, until }, gathered)
    expect(gathered.stats.requests).toBe(fake.log.length)
    expect(gathered.stats.points).toBe(fake.pointsUsed())
    expect(fake.log.length).toBeLessThanOrEqual(200)
    expect(fake.pointsUsed()).toBeLessThanOrEqual(200)
    // The server sees the fourth request only if it arrives before an answer leaves: on a busy machine it
    // may not, so the test asks for overlap and the bound, not for the bound to be reached.
    expect(fake.maxInFlight).toBeGreaterThan(1)
    expect(fake.maxInFlight).toBeLessThanOrEqual(4)
  })

  it('splits batches and halves pages that keep timing out, and still gathers everything', async () => {
    const world = generateWorld({ scale: 'kata', seed: 7 })
    const until = new Date(world.now.slice(0, 10) + 'T00:00:00Z')
    const since = new Date(until)
    since.setUTCMonth(since.getUTCMonth() - 12)
    const { gathered, fake } = await run(
      world,
      { since, until },
      { fake: { faults: { timeoutAboveNodes: 10_000, timeoutDelayMs: 1 } } }
    )
    expectMatchesWorld(world, publicSources(world), { since, until }, gathered)
    const timedOut = fake.log.filter(entry => entry.fault === 'timeout')
    // The listing's pages were halved; batches of ids were split.
    expect(new Set(timedOut.map(entry => entry.operationName))).toEqual(
      new Set(['OrganizationRepositories', 'MergedPullRequests', 'Issues'])
    )
  })

  it("reads many pull requests' later review pages and issues' later timeline pages a request for many, not one each", async () => {
    const { world, since, until } = withLongItems()
    const { gathered, fake } = await run(world, { since, until }, { concurrency: 1 })
    expectMatchesWorld(world, publicSources(world), { since, until }, gathered)
    const followed = (operation: RegExp) => fake.log.filter(e => operation.test(e.operationName ?? '')).length
    // Six pull requests and six issues of three later pages each: 18 requests each, one a page, but the
    // pages found by one answer go together (one slot: they all wait for it), a round of pages a request.
    expect(followed(/^PullRequestReview/)).toBeGreaterThan(0)
    expect(followed(/^PullRequestReview/)).toBeLessThanOrEqual(6)
    expect(followed(/^IssueTimeline/)).toBeGreaterThan(0)
    expect(followed(/^IssueTimeline/)).toBeLessThanOrEqual(6)
  })

  it.each([
    ['pull request', 'pullRequest'],
    ['issue', 'issue']
  ] as const)(
    'leaves out the %s deleted while its later pages are read with others in one query, and keeps the others whole',
    async (name, kind) => {
      const { world, since, until, kata, pullRequests, issues } = withLongItems()
      const { number, id } = (kind === 'pullRequest' ? pullRequests : issues)[2]!
      const queries: string[] = []
      const deletedAfterListing = { repository: `${kata.owner}/${kata.name}`, kind, number, answers: 2 }
      const { gathered, fake } = await run(
        world,
        { since, until },
        {
          concurrency: 1,
          fake: {
            faults: { deletedAfterListing },
            onRequest: (_i, _f, body) => void queries.push(body.query)
          }
        }
      )
      if (kind === 'pullRequest') kata.pullRequests = kata.pullRequests.filter(pr => pr.number !== number)
      else kata.issues = kata.issues.filter(issue => issue.number !== number)
      expectMatchesWorld(world, publicSources(world), { since, until }, gathered)
      const item = `${name} ${kata.owner}/${kata.name}#${number}`
      expect(gathered.deleted).toEqual([item])
      expect(gathered.warnings).toEqual([`${item} was deleted on GitHub during the run: left out`])
      // The deleted item's later page was asked for in a query with other items' pages.
      const pages = kind === 'pullRequest' ? 'PullRequestReviewPages' : 'IssueTimelinePages'
      const shared = queries.filter(q => q.includes(`query ${pages}`) && q.includes(`"${id}"`))
      expect(shared.some(q => q.includes('r1:'))).toBe(true)
      expect(fake.log.filter(e => e.status !== 200)).toEqual([])
    }
  )

  it('splits a query of many later pages that times out, and still gathers everything', async () => {
    const timedOut = new Set<string>()
    // Every query of two or more later pages times out, once per kind.
    const { world, window, gathering } = withLongItemsAnswered((_i, body) => {
      const name = /^\s*query (\w+)/.exec(body.query)?.[1] ?? ''
      if (!/Pages$/.test(name) || name.endsWith('Lists') || !body.query.includes('r1:')) return null
      if (timedOut.has(name)) return null
      timedOut.add(name)
      return { status: 502, body: '<html>timeout</html>', fault: 'timeout' }
    })
    const { gathered, fake } = await gathering
    expectMatchesWorld(world, publicSources(world), window, gathered)
    expect([...timedOut].sort()).toEqual(['IssueTimelinePages', 'PullRequestReviewPages'])
    expect(fake.log.filter(e => e.fault === 'timeout')).toHaveLength(2)
  })

  it('fails, naming the issue, when GitHub gives the same cursor again for its next page, rather than asking for ever', async () => {
    // Every later page of timelines is empty and says there is more, after the very cursor asked with.
    const { gathering } = withLongItemsAnswered((_i, body) => {
      if (!/^\s*query IssueTimelinePages/.test(body.query)) return null
      const data = Object.fromEntries(
        [
          ...body.query.matchAll(/(r\d+): node\(id: [^)]*\) \{[^(]*\(first: \d+, after: ("(?:[^"\\]|\\.)*")/g)
        ].map(([, alias, after]) => [
          alias,
          {
            timelineItems: {
              nodes: [],
              pageInfo: { hasNextPage: true, endCursor: JSON.parse(after!) }
            }
          }
        ])
      )
      return { status: 200, body: { data } }
    })
    await expect(gathering).rejects.toThrow(
      /IssueTimelinePages of .*\/issues\/\d+: GitHub gave the same cursor again/
    )
  }, 10_000)

  it("fails, naming the organization, when GitHub gives the same cursor again for its listing's next page", async () => {
    const world = sampleWorld()
    const window = { since: new Date('2024-01-01T00:00:00Z'), until: new Date('2024-12-01T00:00:00Z') }
    const organization = world.organization.login
    const refused = run(world, window, {
      fake: {
        faults: {
          // Every page of the listing is empty and says there is more, after the same cursor.
          custom: (_i, body) =>
            /^\s*query OrganizationRepositories/.test(body.query)
              ? {
                  status: 200,
                  body: {
                    data: {
                      organization: {
                        login: organization,
                        repositories: { nodes: [], pageInfo: { hasNextPage: true, endCursor: 'same' } }
                      }
                    }
                  }
                }
              : null
        }
      }
    })
    await expect(refused).rejects.toThrow(
      `repositories of ${organization}: GitHub gave the same cursor again for the next page`
    )
  }, 10_000)

  it('fails, rather than leaving them out, when GitHub refuses pull requests of a query of later review pages', async () => {
    // Not deleted but refused (FORBIDDEN): not a reason to leave the pull request out.
    const { gathering } = withLongItemsAnswered((_i, body) => {
      if (!/^\s*query PullRequestReviewPages/.test(body.query)) return null
      const aliases = [...body.query.matchAll(/(r\d+): node/g)].map(([, alias]) => alias!)
      return {
        status: 200,
        body: {
          data: Object.fromEntries(aliases.map(alias => [alias, null])),
          errors: aliases.map(alias => ({
            type: 'FORBIDDEN',
            path: [alias],
            message: 'Resource not accessible by integration'
          }))
        }
      }
    })
    await expect(gathering).rejects.toThrow(/Resource not accessible by integration/)
  })

  it('reads the rest of the lists in smaller pages when pages of a hundred keep timing out', async () => {
    const world = generateWorld({ scale: 'kata', seed: 7 })
    const until = new Date(world.now.slice(0, 10) + 'T00:00:00Z')
    const since = new Date(until)
    since.setUTCMonth(since.getUTCMonth() - 12)
    const timeout = { status: 502, body: '<html>timeout</html>', fault: 'timeout' }
    const { gathered, fake } = await run(
      world,
      { since, until },
      {
        fake: {
          faults: {
            custom: (_index, body) =>
              /query (PullRequestLists|IssueLists)/.test(body.query) && body.query.includes('first: 100')
                ? timeout
                : null
          }
        }
      }
    )
    expectMatchesWorld(world, publicSources(world), { since, until }, gathered)
    const lists = fake.log.filter(entry => entry.operationName === 'PullRequestLists' && !entry.fault)
    expect(lists.length).toBeGreaterThan(0)
    expect(fake.log.some(entry => entry.fault === 'timeout')).toBe(true)
  })

  it('still finds one updated again while the top of the list was being read again', async () => {
    const world = generateWorld({ scale: 'kata', seed: 7 })
    const until = new Date(world.now.slice(0, 10) + 'T00:00:00Z')
    const since = new Date(until)
    since.setUTCMonth(since.getUTCMonth() - 12)
    const main = world.repositories.reduce((a, b) => (b.pullRequests.length > a.pullRequests.length ? b : a))
    const name = `${main.owner}/${main.name}`
    const reviewed = [...main.pullRequests]
      .sort((a, b) => pullRequestUpdatedAt(b).localeCompare(pullRequestUpdatedAt(a)))
      .slice(300)
      .filter(pr => pr.reviews.some(r => r.submittedAt && r.submittedAt >= since.toISOString()))
    // `twice` moves to the top while the list is paged, so the pages never reach it; as the top is read
    // again, 110 others move above it, more than that read's first page holds; and as that read pages
    // on, `twice` moves to the top again, ahead of its cursor. Only a second read of the top finds it.
    const [twice, ...others] = reviewed.slice(0, 111)
    expect(others).toHaveLength(110)
    const moved = [twice!, ...others]
    const at = (second: number) =>
      new Date(Date.parse('2026-04-07T01:00:00Z') + second * 1000).toISOString().replace('.000Z', 'Z')
    const done = new Set<string>()
    const once = (step: string, act: () => void) => {
      if (!done.has(step)) act()
      done.add(step)
    }
    const { gathered } = await run(
      world,
      { since, until },
      {
        fake: {
          onRequest: (index, github, body) => {
            if (index === 2) once('paged', () => github.touch(name, 'pullRequest', twice!.number, at(1)))
            // The lists' tops are read with no cursor; the pages after them with one.
            const lists = body.query.includes('query PullRequestLists')
            if (lists && body.query.includes('after: null'))
              once('read', () =>
                others.forEach((pr, i) => github.touch(name, 'pullRequest', pr.number, at(10 + i)))
              )
            else if (lists && done.has('read'))
              once('again', () => github.touch(name, 'pullRequest', twice!.number, at(1000)))
          }
        }
      }
    )
    expect([...done]).toEqual(['paged', 'read', 'again'])
    for (const pr of moved) {
      const url = `https://github.com/${name}/pull/${pr.number}`
      expect(
        gathered.records.some(r => r.kind === 'review' && r.url === url),
        url
      ).toBe(true)
    }
    expectMatchesWorld(world, publicSources(world), { since, until }, gathered)
  })

  it('still finds a pull request that was updated while its repository was being paged', async () => {
    const world = generateWorld({ scale: 'kata', seed: 7 })
    const until = new Date(world.now.slice(0, 10) + 'T00:00:00Z')
    const since = new Date(until)
    since.setUTCMonth(since.getUTCMonth() - 12)
    // Deep in the main repository's list (not on the listing's first page), with reviews in the window.
    const main = world.repositories.reduce((a, b) => (b.pullRequests.length > a.pullRequests.length ? b : a))
    const newestFirst = [...main.pullRequests].sort((a, b) =>
      pullRequestUpdatedAt(b).localeCompare(pullRequestUpdatedAt(a))
    )
    const moved = newestFirst
      .slice(300)
      .find(pr => pr.reviews.some(r => r.submittedAt && r.submittedAt >= since.toISOString()))!
    const { gathered } = await run(
      world,
      { since, until },
      {
        fake: {
          // Once the listing is read, a label lands on it: it jumps to the top of the list.
          onRequest: (index, github) => {
            if (index === 2)
              github.touch(`${main.owner}/${main.name}`, 'pullRequest', moved.number, world.now)
          }
        }
      }
    )
    const url = `https://github.com/${main.owner}/${main.name}/pull/${moved.number}`
    expect(gathered.records.some(r => r.kind === 'review' && r.url === url)).toBe(true)
    expectMatchesWorld(world, publicSources(world), { since, until }, gathered)
  })
})

/** A window whose edges fall exactly on items of the world: the first in-range item's time, and a later one's. */
/** The kata world where five more pull requests and issues are as long as the busiest: each needs pages after its first. */
function withLongItems() {
  const world = generateWorld({ scale: 'kata', seed: 7 })
  const until = new Date(world.now.slice(0, 10) + 'T00:00:00Z')
  const since = new Date(until)
  since.setUTCMonth(since.getUTCMonth() - 12)
  const inWindow = (at: string | null) => at !== null && at >= since.toISOString() && at < until.toISOString()
  const kata = world.repositories.find(r => r.name === 'kata-containers')!
  const busiest = kata.pullRequests.reduce((a, b) => (b.reviews.length > a.reviews.length ? b : a))
  const pullRequests = kata.pullRequests.filter(pr => pr !== busiest && inWindow(pr.mergedAt)).slice(0, 5)
  pullRequests.forEach((pr, k) => {
    pr.reviews = busiest.reviews.map(r => ({
      ...r,
      id: `${r.id}-${k}`,
      comments: r.comments.map(c => ({ ...c, id: `${c.id}-${k}` }))
    }))
  })
  const longest = kata.issues.reduce((a, b) => (b.events.length > a.events.length ? b : a))
  const issues = kata.issues
    .filter(issue => issue !== longest && issue.events.some(e => inWindow(e.createdAt)))
    .slice(0, 5)
  issues.forEach((issue, k) => {
    issue.events = longest.events.map(e => ({ ...e, id: `${e.id}-${k}` }))
  })
  return { world, since, until, kata, pullRequests, issues }
}

/** The world of withLongItems gathered one request at a time, the fake answering first as `custom` says. */
function withLongItemsAnswered(custom: NonNullable<FaultPlan['custom']>) {
  const { world, since, until } = withLongItems()
  const window = { since, until }
  return { world, window, gathering: run(world, window, { concurrency: 1, fake: { faults: { custom } } }) }
}

function edgesOf(world: World) {
  const times = world.repositories
    .flatMap(r => [
      ...r.commits.map(c => c.committedDate),
      ...r.issues.flatMap(i => i.events.map(e => e.createdAt))
    ])
    .map(t => new Date(t).toISOString().replace('.000Z', 'Z'))
    .sort()
  return { since: times[Math.floor(times.length / 4)], until: times[Math.floor((times.length * 3) / 4)] }
}

describe('a busy repository read as time slices', () => {
  /** The kata world with its main repository made busier: ties on one second and more issues than a slice. */
  function busyWorld() {
    const world = generateWorld({ scale: 'kata', seed: 11 })
    const until = new Date(world.now.slice(0, 10) + 'T00:00:00Z')
    const since = new Date(until)
    since.setUTCMonth(since.getUTCMonth() - 12)
    const main = world.repositories.reduce((a, b) => (b.pullRequests.length > a.pullRequests.length ? b : a))
    // Creation times on whole hours, so that most seconds where a slice is cut hold several pull requests
    // (one of them on the page before the cut); and 150 created in one second, more than a page holds.
    const updated = main.pullRequests.filter(pr => pullRequestUpdatedAt(pr) >= since.toISOString())
    for (const pr of updated) pr.createdAt = pr.createdAt.slice(0, 13) + ':00:00Z'
    const crowded = updated.filter(pr => pr.createdAt < '2025-09-01').slice(0, 150)
    for (const pr of crowded) pr.createdAt = '2025-02-01T12:00:00Z'
    // Issues enough to be sliced too: copies of those updated in the window, with their own numbers.
    const last = Math.max(...[...main.issues, ...main.pullRequests].map(i => i.number))
    const copies = main.issues
      .filter(issue => issue.events.some(e => e.createdAt >= since.toISOString()))
      .map((issue, i) => ({
        ...issue,
        number: last + 1 + i,
        id: Buffer.from(`Issue:copy#${last + 1 + i}`).toString('base64'),
        createdAt: issue.createdAt.slice(0, 13) + ':00:00Z',
        events: issue.events.map(e => ({ ...e, id: `${e.id}-copy${i}` })),
        comments: issue.comments.map(c => ({ ...c, id: `${c.id}-copy${i}` }))
      }))
    main.issues.push(...copies)
    return { world, main, since, until, crowded }
  }

  const searchesOf = (fake: { log: { operationName?: string }[] }, name: string) =>
    fake.log.filter(entry => entry.operationName === name).length

  it('loses no item and counts none twice where slices meet, in a crowded second, or when updated meanwhile', async () => {
    const { world, main, since, until, crowded } = busyWorld()
    const name = `${main.owner}/${main.name}`
    const newestFirst = [...main.pullRequests].sort((a, b) =>
      pullRequestUpdatedAt(b).localeCompare(pullRequestUpdatedAt(a))
    )
    // Deep in the list, with reviews in the window: it is updated (a label lands) as the slices are read.
    const moved = newestFirst
      .slice(300)
      .filter(pr => pr.reviews.some(r => r.submittedAt && r.submittedAt >= since.toISOString()))
    const queries: string[] = []
    const { gathered, fake } = await run(
      world,
      { since, until },
      {
        fake: {
          onRequest: (_index, github, body) => {
            if (!/query (PullRequest|Issue)Search/.test(body.query)) return
            queries.push(body.query)
            // Each search round moves one more pull request to the top of every updated order.
            const pr = moved[queries.length]
            if (pr) github.touch(name, 'pullRequest', pr.number, world.now)
          }
        }
      }
    )
    expect(searchesOf(fake, 'PullRequestSearch')).toBeGreaterThan(1)
    // Issues are counted by the listing, so their slices are cut at once: several in one query.
    expect(searchesOf(fake, 'IssueSearch')).toBeGreaterThan(0)
    expect(
      queries
        .filter(q => q.includes('query IssueSearch'))
        .join()
        .split('search(').length - 1
    ).toBeGreaterThan(4)
    // The crowded second was cut down to a second or two, then paged.
    expect(
      queries.some(q =>
        /created:2025-02-01T12:00:0\dZ\.\.\S+ sort:created-asc", first: 100, after: "/.test(q)
      )
    ).toBe(true)
    expectMatchesWorld(world, publicSources(world), { since, until }, gathered)
    const pullRequests = gathered.records.filter(r => r.kind === 'pull_request').map(r => r.url)
    expect(new Set(pullRequests).size).toBe(pullRequests.length)
    for (const pr of crowded.filter(p => p.mergedAt && p.mergedAt >= since.toISOString()))
      expect(pullRequests).toContain(`https://github.com/${name}/pull/${pr.number}`)
  })
})
