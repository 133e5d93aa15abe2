import { describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { identityHints } from '../../tools/world/people.js'
import { edgeWindow } from '../../tools/world/time.js'
import { TRIAGE_EVENTS } from '../../src/records.js'
import {
  expectedElectorate,
  ORACLE_TRIAGE_EVENTS,
  repositoriesInScope,
  type ExpectedConfig
} from '../../tools/world/expected.js'
import type {
  World,
  WorldCommit,
  WorldIssue,
  WorldPullRequest,
  WorldRepository,
  WorldReview,
  WorldReviewState,
  WorldUser
} from '../../tools/world/types.js'

// Tiny hand-made worlds, one rule of SPEC.md each.

const since = new Date('2025-01-01T00:00:00Z')
const until = new Date('2026-01-01T00:00:00Z')
const window = { since, until }
const IN = '2025-06-01T12:00:00Z'
const BEFORE = '2024-12-31T23:59:59Z'

let next = 0
const id = () => `id${++next}`

function commit(at: string, authors: [string | null, string][], parents = 1): WorldCommit {
  return {
    oid: (++next).toString(16).padStart(40, '0'),
    committedDate: at,
    authoredDate: at,
    message: 'x',
    parents,
    authors: authors.map(([login, email]) => ({ name: login ?? email, email, login }))
  }
}

function pr(author: string | null, extra: Partial<WorldPullRequest> = {}): WorldPullRequest {
  return {
    id: id(),
    number: next,
    author,
    title: 't',
    createdAt: BEFORE,
    state: 'OPEN',
    mergedAt: null,
    closedAt: null,
    files: ['src/a.go'],
    reviews: [],
    comments: [],
    events: [],
    ...extra
  }
}

const merged = (author: string | null, at: string, files: string[] = ['src/a.go']) =>
  pr(author, { state: 'MERGED', mergedAt: at, closedAt: at, files })

function review(author: string | null, state: WorldReviewState, at: string | null): WorldReview {
  return { id: id(), author, state, submittedAt: at, body: '', comments: [] }
}

function issue(author: string | null, extra: Partial<WorldIssue> = {}): WorldIssue {
  return {
    id: id(),
    number: next,
    author,
    title: 't',
    createdAt: BEFORE,
    state: 'OPEN',
    closedAt: null,
    comments: [],
    events: [],
    ...extra
  }
}

function repo(name: string, content: Partial<WorldRepository> = {}): WorldRepository {
  return {
    id: id(),
    owner: 'org',
    name,
    isArchived: false,
    isFork: false,
    isPrivate: false,
    defaultBranch: 'main',
    createdAt: BEFORE,
    commits: [],
    pullRequests: [],
    issues: [],
    ...content
  }
}

function world(repositories: WorldRepository[], bots: string[] = []): World {
  const users: WorldUser[] = ['alice', 'Bob', 'carol', 'dave', 'erin', 'bob-alt', 'helperbot'].map(login => ({
    login,
    type: 'User',
    name: login,
    email: '',
    createdAt: BEFORE
  }))
  for (const login of ['github-actions', 'copilot-pull-request-reviewer', ...bots])
    users.push({ login, type: 'Bot', name: '', email: '', createdAt: BEFORE })
  return {
    now: '2026-02-01T00:00:00Z',
    organization: { login: 'org', name: 'org', id: 'o' },
    users,
    repositories
  }
}

const metricsOf = (w: World, login: string, config?: ExpectedConfig) =>
  expectedElectorate(w, window, config).people.find(p => p.login === login)?.metrics

describe('expectedElectorate: window', () => {
  it('counts an item exactly at since and leaves out one exactly at until', () => {
    const target = pr('alice', {
      reviews: [
        review('Bob', 'APPROVED', since.toISOString()),
        review('carol', 'APPROVED', until.toISOString())
      ]
    })
    const w = world([
      repo('r', {
        commits: [
          commit('2025-01-01T00:00:00Z', [['Bob', 'b@x']]),
          commit('2026-01-01T00:00:00Z', [['carol', 'c@x']])
        ],
        pullRequests: [
          target,
          merged('Bob', '2025-01-01T00:00:00Z'),
          merged('carol', '2026-01-01T00:00:00Z')
        ],
        issues: [
          issue('alice', {
            events: [
              { id: id(), type: 'LABELED_EVENT', actor: 'Bob', createdAt: '2025-01-01T00:00:00Z' },
              { id: id(), type: 'LABELED_EVENT', actor: 'carol', createdAt: '2026-01-01T00:00:00Z' }
            ],
            comments: [
              { id: id(), author: 'Bob', createdAt: '2025-01-01T00:00:00Z', body: '' },
              { id: id(), author: 'carol', createdAt: '2026-01-01T00:00:00Z', body: '' }
            ]
          })
        ]
      })
    ])
    const result = expectedElectorate(w, window)
    expect(result.people.map(p => p.login)).toEqual(['Bob'])
    expect(result.people[0].metrics).toEqual({
      commits: 1,
      merged_prs: 1,
      reviews: 1,
      triaged: 1,
      issue_comments: 1,
      ci: 0
    })
    expect(result.people[0].firstActivity).toBe('2025-01-01T00:00:00Z')
  })
})

describe('expectedElectorate: commits', () => {
  it('skips merge commits, counts root commits, credits each distinct co-author once', () => {
    const w = world([
      repo('r', {
        commits: [
          commit(IN, [['alice', 'a@x']], 2),
          commit(IN, [['alice', 'a@x']], 0),
          commit(IN, [
            ['Bob', 'b@x'],
            ['alice', 'a@x'],
            ['alice', 'alice@other']
          ]),
          commit(IN, [['Bob', 'b@x']])
        ]
      })
    ])
    expect(metricsOf(w, 'alice')?.commits).toBe(2)
    expect(metricsOf(w, 'Bob')?.commits).toBe(2)
  })

  it('maps login-less emails through `emails:` and lists the rest as unlinked, per distinct commit', () => {
    const c1 = commit(IN, [
      [null, 'Home@Example.org'],
      [null, 'cursoragent@cursor.com']
    ])
    const c2 = commit(IN, [[null, 'cursoragent@cursor.com']])
    const w = world([repo('r', { commits: [c1, c2] })])
    expect(expectedElectorate(w, window).unlinked).toEqual([
      { email: 'cursoragent@cursor.com', commits: 2 },
      { email: 'Home@Example.org', commits: 1 }
    ])
    const mapped = expectedElectorate(w, window, { emails: { 'home@example.org': 'dave' } })
    expect(mapped.people.find(p => p.login === 'dave')?.metrics.commits).toBe(1)
    expect(mapped.unlinked.map(u => u.email)).toEqual(['cursoragent@cursor.com'])
  })

  it('ignores commits of repositories without a default branch and outside the window', () => {
    const w = world([
      repo('empty', { defaultBranch: null, commits: [commit(IN, [['alice', 'a@x']])] }),
      repo('r', { commits: [commit(BEFORE, [['alice', 'a@x']])] })
    ])
    expect(expectedElectorate(w, window).people).toEqual([])
  })
})

describe('expectedElectorate: reviews', () => {
  it('counts distinct pull requests of others, never self-reviews or pending ones', () => {
    const w = world([
      repo('r', {
        pullRequests: [
          pr('alice', {
            reviews: [
              review('Bob', 'COMMENTED', IN),
              review('Bob', 'APPROVED', IN),
              review('alice', 'APPROVED', IN)
            ]
          }),
          pr('carol', { reviews: [review('Bob', 'PENDING', null), review('alice', 'DISMISSED', IN)] }),
          pr(null, { reviews: [review('Bob', 'CHANGES_REQUESTED', IN)] }),
          pr('dependabot', { reviews: [review('Bob', 'APPROVED', BEFORE)] })
        ]
      })
    ])
    expect(metricsOf(w, 'Bob')?.reviews).toBe(2)
    expect(metricsOf(w, 'alice')?.reviews).toBe(1)
  })

  it('merges aliases as a union: both accounts on one pull request count once; the alias author is oneself', () => {
    const w = world([
      repo('r', {
        pullRequests: [
          pr('alice', { reviews: [review('Bob', 'APPROVED', IN), review('bob-alt', 'APPROVED', IN)] }),
          pr('carol', { reviews: [review('bob-alt', 'APPROVED', IN)] }),
          pr('bob-alt', { reviews: [review('Bob', 'APPROVED', IN)] })
        ]
      })
    ])
    expect(metricsOf(w, 'Bob')?.reviews).toBe(2)
    const merged = expectedElectorate(w, window, { aliases: { bob: ['bob-alt'] } })
    expect(merged.people.map(p => p.login)).toEqual(['Bob'])
    expect(merged.people[0].metrics.reviews).toBe(2)
  })
})

describe('expectedElectorate: bots and exclusions', () => {
  it('never counts Bot accounts, leaves out `exclude.bots` and marks `exclude.logins`/`patterns` excluded', () => {
    const w = world([
      repo('r', {
        commits: [
          commit(IN, [['helperbot', 'h@x']]),
          commit(IN, [['erin', 'e@x']]),
          commit(IN, [['dave', 'd@x']])
        ],
        pullRequests: [pr('alice', { reviews: [review('copilot-pull-request-reviewer', 'COMMENTED', IN)] })],
        issues: [
          issue('alice', {
            events: [{ id: id(), type: 'LABELED_EVENT', actor: 'github-actions', createdAt: IN }]
          })
        ]
      })
    ])
    expect(expectedElectorate(w, window).people.map(p => p.login)).toEqual(['dave', 'erin', 'helperbot'])
    const result = expectedElectorate(w, window, {
      exclude: { bots: ['HelperBot'], logins: ['ERIN'], patterns: ['d*'] }
    })
    expect(result.people.map(p => [p.login, p.status, p.note])).toEqual([
      ['dave', 'excluded', 'exclude.patterns: d*'],
      ['erin', 'excluded', 'exclude.logins: erin']
    ])
    expect(result.qualified.size).toBe(0)
  })
})

describe('expectedElectorate: triage and issue comments', () => {
  it('counts triage events and comments on issues of others (or deleted accounts), once per issue', () => {
    const ev = (type: 'LABELED_EVENT' | 'CLOSED_EVENT' | 'CROSS_REFERENCED_EVENT', actor: string) => ({
      id: id(),
      type,
      actor,
      createdAt: IN
    })
    const w = world([
      repo('r', {
        issues: [
          issue('alice', {
            events: [ev('LABELED_EVENT', 'Bob'), ev('CLOSED_EVENT', 'Bob'), ev('CLOSED_EVENT', 'alice')]
          }),
          issue(null, {
            events: [ev('LABELED_EVENT', 'Bob')],
            comments: [{ id: id(), author: 'Bob', createdAt: IN, body: '' }]
          }),
          issue('carol', {
            events: [ev('CROSS_REFERENCED_EVENT', 'Bob')],
            comments: [{ id: id(), author: 'carol', createdAt: IN, body: '' }]
          })
        ],
        pullRequests: [
          pr('alice', {
            events: [ev('LABELED_EVENT', 'Bob')],
            comments: [{ id: id(), author: 'Bob', createdAt: IN, body: '' }]
          })
        ]
      })
    ])
    expect(metricsOf(w, 'Bob')).toMatchObject({ triaged: 2, issue_comments: 1 })
    expect(metricsOf(w, 'alice')).toBeUndefined()
    expect(metricsOf(w, 'carol')).toBeUndefined()
  })

  it("spells out the same triage events as src's list, so that either drifting fails here", () => {
    expect([...new Set(TRIAGE_EVENTS)].sort()).toEqual([...ORACLE_TRIAGE_EVENTS].sort())
  })
})

describe('expectedElectorate: ci', () => {
  it('counts merged pull requests touching ci paths, not those over 3,000 files', () => {
    const huge = ['.github/workflows/a.yaml', ...Array.from({ length: 3000 }, (_, i) => `f${i}`)]
    const w = world([
      repo('r', {
        pullRequests: [
          merged('alice', IN, ['.github/workflows/ci.yaml']),
          merged('alice', IN, ['ci/run.sh']),
          merged('alice', IN, ['src/ci.go']),
          merged('alice', IN, huge),
          pr('alice', { files: ['.ci/x.sh'] })
        ]
      })
    ])
    expect(metricsOf(w, 'alice')).toMatchObject({ merged_prs: 4, ci: 2 })
    expect(metricsOf(w, 'alice', { ci: { paths: ['src/**'] } })?.ci).toBe(1)
  })
})

describe('expectedElectorate: repositories in scope', () => {
  const w = world([
    repo('main'),
    repo('old', { isArchived: true }),
    repo('linux', { isFork: true }),
    repo('ghsa', { isPrivate: true }),
    repo('website')
  ])
  const names = (config?: ExpectedConfig) => repositoriesInScope(w, config).map(r => r.name)

  it('leaves out archived, forks and private by default; each can be switched on', () => {
    expect(names()).toEqual(['main', 'website'])
    expect(names({ repositories: { archived: true, forks: true, private: true } })).toEqual([
      'main',
      'old',
      'linux',
      'ghsa',
      'website'
    ])
  })

  it('applies exclude globs to name and owner/name, also to an explicit list', () => {
    expect(names({ repositories: { exclude: ['WEB*'] } })).toEqual(['main'])
    expect(names({ repositories: { exclude: ['org/main'] } })).toEqual(['website'])
    expect(names({ repositories: { include: ['old', 'org/linux', 'website'], exclude: ['web*'] } })).toEqual([
      'old',
      'linux'
    ])
  })
})

describe('expectedElectorate: criteria and score', () => {
  const reviewed = (n: number) =>
    Array.from({ length: n }, () => pr('alice', { reviews: [review('carol', 'APPROVED', IN)] }))
  const w = world([repo('r', { commits: [commit(IN, [['Bob', 'b@x']])], pullRequests: reviewed(5) })])

  it('names the first rule that holds, with its minimums in written order', () => {
    const result = expectedElectorate(w, window)
    expect(result.people.map(p => [p.login, p.qualifiedBy, p.score])).toEqual([
      ['Bob', 'commits>=1', 1],
      ['carol', 'reviews>=5', 5]
    ])
    const strict = expectedElectorate(w, window, {
      criteria: [{ reviews: 6 }, { score: 5, reviews: 1 }],
      scoring: { weights: { reviews: 1 } }
    })
    expect(strict.people.map(p => [p.login, p.qualifiedBy, p.status])).toEqual([
      ['Bob', '', 'not-qualified'],
      ['carol', 'score>=5&reviews>=1', 'qualified']
    ])
    expect([...strict.qualified]).toEqual(['carol'])
  })

  it('falls back to include entries that have not expired before until', () => {
    const result = expectedElectorate(w, window, {
      criteria: [{ commits: 2 }],
      include: [
        { login: 'Bob', reason: 'release manager' },
        { login: 'erin', reason: 'docs', expires: '2025-12-31' },
        { login: 'dave', reason: 'board', expires: '2026-01-01' }
      ]
    })
    expect(result.people.map(p => [p.login, p.qualifiedBy])).toEqual([
      ['Bob', 'include: release manager'],
      ['carol', ''],
      ['dave', 'include: board']
    ])
  })
})

describe('expectedElectorate on a generated world', () => {
  const generated = generateWorld({ scale: 'small', seed: 5 })
  const edges = edgeWindow(generated.now)

  it('counts every metric of edge-since and nothing of edge-until', () => {
    const result = expectedElectorate(generated, edges)
    expect(result.people.find(p => p.login === 'edge-since')?.metrics).toEqual({
      commits: 1,
      merged_prs: 1,
      reviews: 1,
      triaged: 1,
      issue_comments: 1,
      ci: 1
    })
    expect(result.people.find(p => p.login === 'edge-until')).toBeUndefined()
    expect(result.repositories).not.toContain('demo-org/legacy')
  })

  it('uses the identity hints: aliases merge, mapped emails leave unlinked, the user bot is gone', () => {
    const hints = identityHints(generated.organization.login)
    const plain = expectedElectorate(generated, edges)
    const configured = expectedElectorate(generated, edges, {
      aliases: hints.aliases,
      emails: hints.emails,
      exclude: { bots: hints.userBots }
    })
    const logins = configured.people.map(p => p.login)
    expect(logins).not.toContain('jmuller-work')
    expect(logins).not.toContain(hints.userBots[0])
    expect(plain.people.map(p => p.login)).toContain(hints.userBots[0])
    expect(plain.unlinked.map(u => u.email)).toContain('pat@obrien-home.example')
    expect(configured.unlinked.map(u => u.email)).not.toContain('pat@obrien-home.example')
    expect(configured.people.find(p => p.login === 'pat-obrien')?.metrics.commits).toBeGreaterThan(0)
  })
})
