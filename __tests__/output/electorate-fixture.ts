import { DEFAULT_CRITERIA, configSchema } from '../../src/config/schema.js'
import type { Electorate, Person } from '../../src/electorate/types.js'
import type { ReportMeta } from '../../src/output/report.js'

const NO_METRICS = { commits: 0, merged_prs: 0, reviews: 0, triaged: 0, issue_comments: 0, ci: 0 }

export function person(login: string, fields: Partial<Person> = {}): Person {
  return {
    login,
    name: `${login} name`,
    email: `${login}@example.org`,
    otherEmails: [],
    score: 1,
    metrics: { ...NO_METRICS, commits: 1 },
    qualifiedBy: 'commits>=1',
    firstActivity: '2024-03-01T10:00:00Z',
    lastActivity: '2024-03-01T10:00:00Z',
    profileUrl: `https://github.com/${login}`,
    status: 'qualified',
    note: '',
    ...fields
  }
}

export function electorate(fields: Partial<Electorate> = {}): Electorate {
  return {
    people: [
      person('alice', {
        otherEmails: ['alice@work.example', 'a@home.example'],
        score: 7.5,
        metrics: { ...NO_METRICS, commits: 3, reviews: 4, merged_prs: 2 },
        lastActivity: '2024-09-30T23:59:59Z'
      }),
      person('Bob', {
        email: '',
        score: 6,
        metrics: { ...NO_METRICS, reviews: 6 },
        qualifiedBy: 'reviews>=5'
      }),
      person('carol', {
        score: 0,
        metrics: { ...NO_METRICS, issue_comments: 2 },
        qualifiedBy: '',
        status: 'not-qualified'
      }),
      person('dependabot-like', { status: 'excluded', qualifiedBy: '', note: 'exclude.patterns: *-like' })
    ],
    unlinked: [
      {
        email: 'ghost@example.net',
        name: 'Ghost Writer',
        commits: 2,
        exampleUrl: 'https://github.com/o/r/commit/1'
      }
    ],
    evidence: [
      {
        login: 'alice',
        metric: 'commits',
        repository: 'o/r',
        url: 'https://github.com/o/r/commit/2',
        at: '2024-03-01T10:00:00Z'
      },
      {
        login: 'Bob',
        metric: 'reviews',
        repository: 'o/r',
        url: 'https://github.com/o/r/pull/3',
        at: '2024-04-01T00:00:00.000Z'
      }
    ],
    ruleCounts: [
      { rule: 'commits>=1', count: 1 },
      { rule: 'reviews>=5', count: 1 },
      { rule: 'triaged>=10', count: 0 },
      { rule: 'ci>=1', count: 0 }
    ],
    totals: { commits: 3, merged_prs: 2, reviews: 10, triaged: 0, issue_comments: 2, ci: 0 },
    deletedAccountItems: 0,
    lateApprovalsSetAside: 0,
    warnings: [],
    ...fields
  }
}

export function meta(fields: Partial<ReportMeta> = {}): ReportMeta {
  return {
    toolVersion: '0.1.0',
    organization: 'kata-containers',
    since: '2023-10-01T00:00:00Z',
    until: '2024-10-01T00:00:00Z',
    repositories: [
      {
        nameWithOwner: 'kata-containers/kata-containers',
        isArchived: false,
        isFork: false,
        isPrivate: false,
        defaultBranch: 'main',
        counts: { commits: 10, pullRequests: 4, reviews: 9, issues: 3, triageEvents: 5, issueComments: 7 }
      }
    ],
    config: configSchema.parse({ criteria: DEFAULT_CRITERIA, emails: { 'ghost@example.net': 'alice' } }),
    configSha256: 'a'.repeat(64),
    configPath: '.github/electorate.yml',
    stats: { requests: 12, points: 15, remaining: 4985, resetAt: '2024-10-01T01:00:00Z' },
    warnings: [],
    ...fields
  }
}
