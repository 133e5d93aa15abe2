// Tiny hand-written records for the electorate's unit tests. The window is the year 2024.
import { configSchema, type ConfigInput } from '../../src/config/schema.js'
import { resolveIdentities } from '../../src/electorate/identities.js'
import { countContributions, metricsByPerson } from '../../src/electorate/metrics.js'
import type {
  Actor,
  CommitAuthor,
  CommitRecord,
  Gathered,
  IssueCommentRecord,
  Profile,
  PullRequestRecord,
  ReviewRecord,
  TriageRecord,
  ActivityRecord
} from '../../src/records.js'

export const SINCE = '2024-01-01T00:00:00Z'
export const UNTIL = '2025-01-01T00:00:00Z'
const AT = '2024-06-01T12:00:00Z'
export const REPO = 'org/repo'

export const user = (login: string): Actor => ({ login, type: 'User' })
export const bot = (login: string): Actor => ({ login, type: 'Bot' })
export const author = (login: string | null, email = `${login ?? 'someone'}@example.com`, name = login ?? 'Someone'): CommitAuthor => ({ name, email, login })

let oids = 0
export function commit(authors: CommitAuthor[], more: Partial<CommitRecord> = {}): CommitRecord {
  const oid = more.oid ?? (++oids).toString(16).padStart(40, '0')
  return { kind: 'commit', repository: REPO, oid, url: `https://github.com/${REPO}/commit/${oid}`, at: AT, parents: 1, authors, signoffs: [], ...more }
}

export const prUrl = (n: number) => `https://github.com/${REPO}/pull/${n}`
export const issueUrl = (n: number) => `https://github.com/${REPO}/issues/${n}`

export function pr(n: number, by: Actor | null, more: Partial<PullRequestRecord> = {}): PullRequestRecord {
  return { kind: 'pull_request', repository: REPO, url: prUrl(n), at: AT, author: by, files: ['src/main.go'], ...more }
}

export function review(n: number, by: Actor | null, prAuthor: Actor | null, more: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    kind: 'review',
    repository: REPO,
    url: prUrl(n),
    at: AT,
    reviewer: by,
    pullRequestAuthor: prAuthor,
    state: 'APPROVED',
    substantive: false,
    approvalsBefore: [],
    ...more
  }
}

export function triage(n: number, by: Actor | null, issueAuthor: Actor | null, more: Partial<TriageRecord> = {}): TriageRecord {
  return { kind: 'triage', repository: REPO, url: issueUrl(n), at: AT, actor: by, issueAuthor, event: 'LABELED_EVENT', ...more }
}

export function comment(n: number, by: Actor | null, issueAuthor: Actor | null, more: Partial<IssueCommentRecord> = {}): IssueCommentRecord {
  return { kind: 'issue_comment', repository: REPO, url: issueUrl(n), at: AT, author: by, issueAuthor, ...more }
}

export function gathered(records: ActivityRecord[], profiles: Profile[] = []): Gathered {
  return {
    organization: 'org',
    since: SINCE,
    until: UNTIL,
    repositories: [],
    records,
    profiles: Object.fromEntries(profiles.map(p => [p.login, p])),
    warnings: [],
    stats: { requests: 0, points: 0, remaining: null, resetAt: null }
  }
}

export const config = (input: ConfigInput = {}) => configSchema.parse(input)

/** Metrics per person of these records under this config, counted from the evidence. */
export function countsOf(records: ActivityRecord[], input: ConfigInput = {}) {
  const g = gathered(records)
  const counted = countContributions(g, resolveIdentities(g, config(input)), config(input))
  return { ...counted, metrics: Object.fromEntries(metricsByPerson(counted.evidence)) }
}
