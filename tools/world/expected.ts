import picomatch from 'picomatch'
import type { ConfigInput } from '../../src/config/schema.js'
import { METRICS, type Metric } from '../../src/records.js'
import { isoSeconds } from './time.js'
import type { World, WorldRepository } from './types.js'

// The oracle: SPEC.md's electorate computed straight from a world, written apart from src/electorate
// (it shares only types) so that the end-to-end tests compare two independent readings of the spec.

export type ExpectedConfig = Partial<
  Pick<
    ConfigInput,
    'repositories' | 'ci' | 'scoring' | 'criteria' | 'include' | 'exclude' | 'aliases' | 'emails'
  >
>

export interface ExpectedPerson {
  login: string
  metrics: Record<Metric, number>
  score: number
  /** `commits>=1`, `include: <reason>`, or '' */
  qualifiedBy: string
  status: 'qualified' | 'not-qualified' | 'excluded'
  /** For excluded people: the rule, like `exclude.logins: x` or `exclude.patterns: *-bot`. */
  note: string
  firstActivity: string
  lastActivity: string
}

export interface ExpectedElectorate {
  /** Everyone with a counted item, every include entry, every excluded person with activity; by login. */
  people: ExpectedPerson[]
  qualified: Set<string>
  /** Commit emails linked to no account and not mapped by `emails:`, with their distinct commits. */
  unlinked: { email: string; commits: number }[]
  repositories: string[]
}

// Written out from SPEC.md rather than imported, on purpose.
const CI_PATHS = ['.github/workflows/**', '.github/actions/**', '.ci/**', 'ci/**']
const WEIGHTS: Record<Metric, number> = {
  commits: 1,
  merged_prs: 0,
  reviews: 1,
  triaged: 1,
  issue_comments: 0,
  ci: 1
}
const CRITERIA: Record<string, number>[] = [{ commits: 1 }, { reviews: 5 }, { triaged: 10 }, { ci: 1 }]
const REVIEW_STATES = new Set(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED'])
/** The issue events that count as triage, spelled out here apart from src's list (a test checks they agree). */
export const ORACLE_TRIAGE_EVENTS: ReadonlySet<string> = new Set([
  'LABELED_EVENT',
  'UNLABELED_EVENT',
  'ASSIGNED_EVENT',
  'UNASSIGNED_EVENT',
  'MILESTONED_EVENT',
  'DEMILESTONED_EVENT',
  'CLOSED_EVENT',
  'REOPENED_EVENT',
  'MARKED_AS_DUPLICATE_EVENT',
  'TRANSFERRED_EVENT',
  'LOCKED_EVENT',
  'UNLOCKED_EVENT',
  'PINNED_EVENT',
  'UNPINNED_EVENT'
])
const FILES_GITHUB_RETURNS = 3000

const anyGlob = (globs: string[], nocase: boolean) =>
  globs.length ? picomatch(globs, { nocase, dot: true }) : () => false

export function repositoriesInScope(world: World, config: ExpectedConfig = {}): WorldRepository[] {
  const scope = config.repositories ?? {}
  const excluded = anyGlob(scope.exclude ?? [], true)
  const kept = (r: WorldRepository) => !excluded(r.name) && !excluded(`${r.owner}/${r.name}`)
  if (scope.include?.length) {
    const named = (entry: string) => {
      const full = (entry.includes('/') ? entry : `${world.organization.login}/${entry}`).toLowerCase()
      return world.repositories.find(r => `${r.owner}/${r.name}`.toLowerCase() === full)
    }
    return scope.include.map(named).filter((r): r is WorldRepository => !!r && kept(r))
  }
  return world.repositories.filter(
    r =>
      (scope.archived || !r.isArchived) &&
      (scope.forks || !r.isFork) &&
      (scope.private || !r.isPrivate) &&
      kept(r)
  )
}

interface Tally {
  items: Record<Metric, Set<string>>
  first: number
  last: number
}

export function expectedElectorate(
  world: World,
  window: { since: Date; until: Date },
  config: ExpectedConfig = {}
): ExpectedElectorate {
  const since = window.since.getTime()
  const until = window.until.getTime()
  const inWindow = (at: string | null) => at !== null && Date.parse(at) >= since && Date.parse(at) < until

  const spelling = new Map(world.users.map(u => [u.login.toLowerCase(), u.login]))
  const bots = new Set([
    ...world.users.filter(u => u.type === 'Bot').map(u => u.login.toLowerCase()),
    ...(config.exclude?.bots ?? []).map(l => l.toLowerCase())
  ])
  const primaryOf = new Map<string, string>()
  for (const [primary, others] of Object.entries(config.aliases ?? {}))
    for (const login of [primary, ...others]) primaryOf.set(login.toLowerCase(), primary.toLowerCase())
  for (const primary of Object.keys(config.aliases ?? {}))
    if (!spelling.has(primary.toLowerCase())) spelling.set(primary.toLowerCase(), primary)
  const emails = new Map(Object.entries(config.emails ?? {}).map(([e, l]) => [e.toLowerCase(), l]))

  /** The person an account belongs to (lowercase key); deleted accounts stay null. */
  const identity = (login: string | null) =>
    login === null ? null : (primaryOf.get(login.toLowerCase()) ?? login.toLowerCase())
  /** Like identity, but bots count for nobody. */
  const person = (login: string | null) =>
    login === null || bots.has(login.toLowerCase()) ? null : identity(login)

  const tallies = new Map<string, Tally>()
  const credit = (key: string, metric: Metric, item: string, timestamp: string) => {
    const at = Date.parse(timestamp)
    let tally = tallies.get(key)
    if (!tally) {
      tally = {
        items: Object.fromEntries(METRICS.map(m => [m, new Set()])) as Tally['items'],
        first: at,
        last: at
      }
      tallies.set(key, tally)
    }
    tally.items[metric].add(item)
    if (at < tally.first) tally.first = at
    if (at > tally.last) tally.last = at
  }

  const isCi = anyGlob(config.ci?.paths ?? CI_PATHS, false)
  const unlinked = new Map<string, { email: string; commits: Set<string> }>()
  const repositories = repositoriesInScope(world, config)
  for (const repository of repositories) {
    if (repository.defaultBranch) {
      for (const commit of repository.commits) {
        if (commit.parents > 1 || !inWindow(commit.committedDate)) continue
        for (const author of commit.authors) {
          const login = author.login ?? emails.get(author.email.toLowerCase()) ?? null
          if (login === null) {
            const key = author.email.toLowerCase()
            const entry = unlinked.get(key) ?? { email: author.email, commits: new Set<string>() }
            entry.commits.add(commit.oid)
            unlinked.set(key, entry)
            continue
          }
          const key = person(login)
          if (key) credit(key, 'commits', commit.oid, commit.committedDate)
        }
      }
    }
    for (const pr of repository.pullRequests) {
      const author = person(pr.author)
      if (author && pr.mergedAt && inWindow(pr.mergedAt)) {
        credit(author, 'merged_prs', pr.id, pr.mergedAt)
        if (pr.files.length <= FILES_GITHUB_RETURNS && pr.files.some(f => isCi(f)))
          credit(author, 'ci', pr.id, pr.mergedAt)
      }
      const authorIdentity = identity(pr.author)
      for (const review of pr.reviews) {
        const reviewer = person(review.author)
        if (!reviewer || reviewer === authorIdentity || !REVIEW_STATES.has(review.state)) continue
        if (inWindow(review.submittedAt)) credit(reviewer, 'reviews', pr.id, review.submittedAt!)
      }
    }
    for (const issue of repository.issues) {
      const authorIdentity = identity(issue.author)
      for (const e of issue.events) {
        const actor = person(e.actor)
        if (actor && actor !== authorIdentity && ORACLE_TRIAGE_EVENTS.has(e.type) && inWindow(e.createdAt))
          credit(actor, 'triaged', issue.id, e.createdAt)
      }
      for (const c of issue.comments) {
        const author = person(c.author)
        if (author && author !== authorIdentity && inWindow(c.createdAt))
          credit(author, 'issue_comments', issue.id, c.createdAt)
      }
    }
  }

  const weights = { ...WEIGHTS, ...config.scoring?.weights }
  const criteria = (config.criteria ?? CRITERIA) as Record<string, number>[]
  const includes = new Map<string, string>()
  for (const entry of config.include ?? [])
    if (!entry.expires || Date.parse(`${entry.expires}T00:00:00Z`) >= until)
      includes.set(identity(entry.login)!, entry.reason)
  const excludedLogins = new Set((config.exclude?.logins ?? []).map(l => l.toLowerCase()))
  const patterns = config.exclude?.patterns ?? []
  const accountsOf = (key: string) => [key, ...[...primaryOf].filter(([, p]) => p === key).map(([a]) => a)]
  const exclusion = (key: string): string => {
    for (const account of accountsOf(key)) {
      if (excludedLogins.has(account)) return `exclude.logins: ${spelling.get(account) ?? account}`
      const pattern = patterns.find(p => picomatch.isMatch(account, p, { nocase: true, dot: true }))
      if (pattern) return `exclude.patterns: ${pattern}`
    }
    return ''
  }

  const people: ExpectedPerson[] = []
  for (const key of new Set([...tallies.keys(), ...includes.keys()])) {
    const tally = tallies.get(key)
    const metrics = Object.fromEntries(METRICS.map(m => [m, tally?.items[m].size ?? 0])) as Record<
      Metric,
      number
    >
    const score = METRICS.reduce((sum, m) => sum + weights[m] * metrics[m], 0)
    const values: Record<string, number> = { ...metrics, score }
    const rule = criteria.find(r => Object.entries(r).every(([k, min]) => values[k] >= min))
    const note = exclusion(key)
    let qualifiedBy = rule
      ? Object.entries(rule)
          .map(([k, min]) => `${k}>=${min}`)
          .join('&')
      : includes.has(key)
        ? `include: ${includes.get(key)}`
        : ''
    if (note) qualifiedBy = ''
    people.push({
      login: spelling.get(key) ?? key,
      metrics,
      score,
      qualifiedBy,
      status: note ? 'excluded' : qualifiedBy ? 'qualified' : 'not-qualified',
      note,
      firstActivity: tally ? isoSeconds(tally.first) : '',
      lastActivity: tally ? isoSeconds(tally.last) : ''
    })
  }
  people.sort((a, b) => byLowercase(a.login, b.login))
  return {
    people,
    qualified: new Set(people.filter(p => p.status === 'qualified').map(p => p.login)),
    unlinked: [...unlinked.values()]
      .map(u => ({ email: u.email, commits: u.commits.size }))
      .sort((a, b) => byLowercase(a.email, b.email)),
    repositories: repositories.map(r => `${r.owner}/${r.name}`)
  }
}

function byLowercase(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}
