import type { Metric } from '../records.js'

/** One counted item, credited to one person after identity resolution: a row of evidence.csv. */
export interface ContributionRecord {
  login: string
  metric: Metric
  repository: string
  url: string
  at: string // ISO 8601 UTC, `YYYY-MM-DDTHH:MM:SSZ`
}

export type Status = 'qualified' | 'not-qualified' | 'excluded'

export type MetricCounts = Record<Metric, number>

/** A row of contributors.csv (and, when qualified, of electorate.csv). */
export interface Person {
  login: string // exactly as GitHub spells it
  name: string
  email: string
  otherEmails: string[]
  score: number
  metrics: MetricCounts
  /** `reviews>=5`, `commits>=1&ci>=1`, `include: <reason>`, or '' when not qualified. */
  qualifiedBy: string
  firstActivity: string // '' when the person has no counted item (an include only)
  lastActivity: string
  profileUrl: string
  status: Status
  note: string
}

/** A commit identity (email) that GitHub links to no account and `emails:` does not map. */
export interface UnlinkedIdentity {
  email: string
  name: string
  commits: number
  exampleUrl: string
}

export interface Electorate {
  /** Every person of contributors.csv, sorted by login, case-insensitive. */
  people: Person[]
  unlinked: UnlinkedIdentity[]
  /** Every counted item, sorted by login (case-insensitive), metric, at, url. */
  evidence: ContributionRecord[]
  /** How many people each rule qualified (first rule that holds), in the order of `criteria`, then includes. */
  ruleCounts: { rule: string; count: number }[]
  /** Totals of counted items per metric over qualified and not-qualified people. */
  totals: MetricCounts
  /** Items whose author or actor was a deleted account. */
  deletedAccountItems: number
  /** Reviews (distinct pull requests per person) that `reviews.late-approvals` kept from counting. */
  lateApprovalsSetAside: number
  warnings: string[]
}
