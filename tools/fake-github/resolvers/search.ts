import { notImplemented } from '../errors.js'
import { paginate, type ConnectionArgs, type ConnectionView } from '../pagination.js'
import type { IssueView, PullRequestView, RepositoryView } from '../world-index.js'
import { connectionArgs, type Args, type RequestContext } from './fields.js'
import { sortByOrder } from './order.js'

export const searchArgs = [...connectionArgs, 'query', 'type']

/** GitHub search never reaches past the 1,000th result, whatever `issueCount` says. */
export const searchResultCap = 1000

type Found = IssueView | PullRequestView
type Test = (item: Found) => boolean

/** `2024-01-01..2024-02-01`, `>=2024-01-01`, `<2024-01-01T12:00:00Z`, `2024-01-01..*`; dates alone cover their day. */
function dateRange(range: string): { from: number; to: number } {
  const start = (d: string) => Date.parse(d)
  const end = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(d) + 86_400_000 - 1 : Date.parse(d))
  let from = -Infinity
  let to = Infinity
  const op = /^(>=|<=|>|<)(.+)$/.exec(range)
  if (op) {
    const [, sign, d = ''] = op
    if (sign === '>=') from = start(d)
    else if (sign === '>') from = end(d) + 1
    else if (sign === '<=') to = end(d)
    else to = start(d) - 1
  } else if (range.includes('..')) {
    const [a = '*', b = '*'] = range.split('..')
    if (a !== '*') from = start(a)
    if (b !== '*') to = end(b)
  } else {
    from = start(range)
    to = end(range)
  }
  if (Number.isNaN(from) || Number.isNaN(to)) throw notImplemented(`search date range '${range}'`)
  return { from, to }
}

function dateRangeTest(range: string, at: (item: Found) => string | null): Test {
  const { from, to } = dateRange(range)
  return item => {
    const value = at(item)
    if (value === null) return false
    const ms = Date.parse(value)
    return ms >= from && ms <= to
  }
}

function qualifierTest(qualifier: string): Test {
  const colon = qualifier.indexOf(':')
  const key = qualifier.slice(0, colon).toLowerCase()
  const value = qualifier.slice(colon + 1)
  switch (colon < 0 ? '' : key) {
    case 'repo':
      return i => i.repository.nameWithOwner.toLowerCase() === value.toLowerCase()
    case 'org':
      return i => i.repository.repository.owner.toLowerCase() === value.toLowerCase()
    case 'is':
    case 'type':
      if (value === 'pr') return i => i.__typename === 'PullRequest'
      if (value === 'issue') return i => i.__typename === 'Issue'
      if (value === 'merged') return i => i.__typename === 'PullRequest' && i.pullRequest.state === 'MERGED'
      if (value === 'open' || value === 'closed')
        return i =>
          ((i.__typename === 'Issue' ? i.issue.state : i.pullRequest.state) !== 'OPEN') ===
          (value === 'closed')
      break
    case 'merged':
      return dateRangeTest(value, i => (i.__typename === 'PullRequest' ? i.pullRequest.mergedAt : null))
    case 'updated':
      return dateRangeTest(value, i => i.updatedAt)
    case 'created':
      return dateRangeTest(value, created)
    case 'sort':
      if (SORTS[value]) return () => true
  }
  throw notImplemented(`search qualifier '${qualifier}'`)
}

const created = (i: Found) => (i.__typename === 'Issue' ? i.issue.createdAt : i.pullRequest.createdAt)
const descending = (key: (item: Found) => string) => (a: Found, b: Found) =>
  key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0
const ascending = (key: (item: Found) => string) => (a: Found, b: Found) => -descending(key)(a, b)
const updated = (i: Found) => i.updatedAt

/** `sort:` qualifiers; without one, the most recently updated first (GitHub's "best match" differs). */
const SORTS: Record<string, (a: Found, b: Found) => number> = {
  'created-asc': ascending(created),
  'created-desc': descending(created),
  'updated-asc': ascending(updated),
  'updated-desc': descending(updated)
}

const itemsOf = new WeakMap<RepositoryView, Found[]>()

/**
 * A repository's issues and pull requests oldest first, with a `created:` range found by bisection: a busy
 * repository is searched in hundreds of slices, which must not each walk all of its items.
 */
function createdWithin(repository: RepositoryView, range: string | undefined): readonly Found[] {
  let items = itemsOf.get(repository)
  if (!items) itemsOf.set(repository, (items = [...repository.issues, ...repository.pullRequests]))
  const sorted = sortByOrder(items, { field: 'CREATED_AT', direction: 'ASC' }, 'search', {
    CREATED_AT: created
  })
  if (range === undefined) return sorted
  const { from, to } = dateRange(range)
  const firstAtOrAfter = (time: number) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (Date.parse(created(sorted[mid]!)) < time) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return sorted.slice(firstAtOrAfter(from), firstAtOrAfter(to + 1))
}

export function searchIssues(_source: unknown, args: Args, { index }: RequestContext): ConnectionView<Found> {
  if (args.type !== 'ISSUE') throw notImplemented(`search(type: ${String(args.type)})`)
  const qualifiers = String(args.query).split(/\s+/).filter(Boolean)
  const tests = qualifiers.map(qualifierTest)
  const valueOf = (key: string) =>
    qualifiers.find(q => q.toLowerCase().startsWith(`${key}:`))?.slice(key.length + 1)
  const repo = valueOf('repo')
  const repository = repo === undefined ? undefined : index.repositoryByName.get(repo.toLowerCase())
  const candidates: readonly Found[] =
    repo === undefined
      ? index.repositories.flatMap((r): Found[] => [...r.issues, ...r.pullRequests])
      : repository
        ? createdWithin(repository, valueOf('created'))
        : []
  const found = candidates
    .filter(item => tests.every(test => test(item)))
    .sort(SORTS[valueOf('sort') ?? 'updated-desc'])
  const connection = paginate(found.slice(0, searchResultCap), args as ConnectionArgs)
  return { ...connection, extra: { issueCount: found.length } }
}
