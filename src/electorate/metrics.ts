import { globMatcher } from '../config/globs.js'
import type { Config } from '../config/schema.js'
import { TRIAGE_EVENTS, type ActivityRecord, type Gathered, type Metric } from '../records.js'
import type { Identities } from './identities.js'
import { utcSecond } from '../window.js'
import { inWindow } from './instants.js'
import { isLateApproval } from './late-approvals.js'
import type { ContributionRecord, MetricCounts } from './types.js'

export interface Contributions {
  /** One record per distinct item per metric per person, at the item's earliest moment in the window. */
  evidence: ContributionRecord[]
  /** Earliest and latest counted action per person: a later action on an already counted item counts here. */
  activity: Map<string, ActivitySpan>
  deletedAccountItems: number
  lateApprovalsSetAside: number
  warnings: string[]
}

export interface ActivitySpan {
  first: string
  last: string
}

const COUNTED_REVIEW_STATES = new Set(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED'])
const TRIAGE = new Set<string>(TRIAGE_EVENTS)

/** Every counted item of every person: the six metrics of the contract, as sets of distinct items. */
export function countContributions(gathered: Gathered, identities: Identities, config: Config): Contributions {
  // By person and metric, then by item: the item (a url or oid) is a string the records already hold,
  // so the inner lookups reuse its hash instead of hashing a new key for each of tens of thousands.
  const items = new Map<string, Map<string, ContributionRecord>>()
  const itemsOf = (login: string, metric: Metric) => {
    const key = `${login}\n${metric}`
    let found = items.get(key)
    if (found === undefined) items.set(key, (found = new Map()))
    return found
  }
  const activity = new Map<string, ActivitySpan>()
  // A commit is one item however many repositories hold it (forks), so it is keyed by oid.
  const credit = (login: string, metric: Metric, item: string, record: ActivityRecord) => {
    const at = utcSecond(record.at)
    const span = activity.get(login)
    if (span === undefined) activity.set(login, { first: at, last: at })
    else if (at < span.first) span.first = at
    else if (at > span.last) span.last = at
    const counted = itemsOf(login, metric)
    const earlier = counted.get(item)
    if (earlier === undefined || at < earlier.at || (at === earlier.at && record.url < earlier.url))
      counted.set(item, { login, metric, repository: record.repository, url: record.url, at })
  }
  const isCi = globMatcher(config.ci.paths, { nocase: false, dot: true })
  const lateApprovals = config.reviews['late-approvals']
  let deletedAccountItems = 0
  // Counted in the metric's own unit, a (person, pull request): a late approval beside a counted review
  // of the same pull request sets nothing aside.
  const setAside = new Map<string, { reviewer: string; url: string }>()
  const warnings: string[] = []

  const isInTheWindow = inWindow(gathered)
  for (const record of gathered.records) {
    if (!isInTheWindow(record.at)) continue
    switch (record.kind) {
      case 'commit': {
        if (record.parents > 1) break
        for (const author of record.authors) {
          const person = identities.personOfCommitAuthor(author)
          if (person !== null) credit(person, 'commits', record.oid.toLowerCase(), record)
        }
        break
      }
      case 'pull_request': {
        if (record.author === null) deletedAccountItems++
        const author = identities.personOf(record.author)
        if (record.files === null)
          warnings.push(`${record.url}: GitHub does not list its changed files (over 3,000); not counted as ci`)
        if (author === null) break
        credit(author, 'merged_prs', record.url, record)
        if (record.files?.some(path => isCi(path))) credit(author, 'ci', record.url, record)
        break
      }
      case 'review': {
        if (record.reviewer === null) deletedAccountItems++
        const reviewer = identities.personOf(record.reviewer)
        const author = identities.personOf(record.pullRequestAuthor)
        if (reviewer === null || reviewer === author || !COUNTED_REVIEW_STATES.has(record.state)) break
        if (isLateApproval(record, { reviewer, author }, identities, lateApprovals))
          setAside.set(`${reviewer}\n${record.url}`, { reviewer, url: record.url })
        else credit(reviewer, 'reviews', record.url, record)
        break
      }
      case 'triage': {
        if (record.actor === null) deletedAccountItems++
        const actor = identities.personOf(record.actor)
        if (actor !== null && actor !== identities.personOf(record.issueAuthor) && TRIAGE.has(record.event))
          credit(actor, 'triaged', record.url, record)
        break
      }
      case 'issue_comment': {
        if (record.author === null) deletedAccountItems++
        const author = identities.personOf(record.author)
        if (author !== null && author !== identities.personOf(record.issueAuthor))
          credit(author, 'issue_comments', record.url, record)
        break
      }
    }
  }
  const lateApprovalsSetAside = [...setAside.values()].filter(
    ({ reviewer, url }) => !items.get(`${reviewer}\nreviews`)?.has(url)
  ).length
  const evidence = [...items.values()].flatMap(counted => [...counted.values()])
  return { evidence, activity, deletedAccountItems, lateApprovalsSetAside, warnings }
}

export const NO_METRICS: MetricCounts = { commits: 0, merged_prs: 0, reviews: 0, triaged: 0, issue_comments: 0, ci: 0 }

/** Each person's metrics, counted from the evidence itself so that every number can be checked by hand. */
export function metricsByPerson(evidence: ContributionRecord[]): Map<string, MetricCounts> {
  const metrics = new Map<string, MetricCounts>()
  for (const item of evidence) {
    const counts = metrics.get(item.login) ?? { ...NO_METRICS }
    counts[item.metric]++
    metrics.set(item.login, counts)
  }
  return metrics
}
