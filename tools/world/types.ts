import { TRIAGE_EVENTS } from '../../src/records.js'

// The in-memory "world" that the fake GitHub serves and the world generator makes. Actors are
// referred to by login; `null` is a deleted account (GraphQL returns a null author/actor).

export type WorldActorType = 'User' | 'Bot'

export interface WorldUser {
  /** Unique, case-insensitive. A Bot's login has no `[bot]` suffix, as in GraphQL. */
  login: string
  type: WorldActorType
  /** Profile name; '' when not set. */
  name: string
  /** Public profile email; '' when not set (most users). */
  email: string
  createdAt: string
}

export interface WorldCommitAuthor {
  name: string
  email: string
  /** Login of the User account this email links to; null when it links to none (bots' emails too). */
  login: string | null
}

export interface WorldCommit {
  oid: string // 40 hex digits
  committedDate: string // ISO 8601 UTC
  authoredDate: string
  /** Full message; `Co-authored-by:` and `Signed-off-by:` trailers agree with `authors` and sign-offs. */
  message: string
  /** 1 for an ordinary commit, 2 for a merge commit (0 for a root commit). */
  parents: number
  /** The git author first, then every `Co-authored-by:` trailer, as GitHub's `Commit.authors`. */
  authors: WorldCommitAuthor[]
}

export type WorldReviewState = 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED'

export interface WorldReview {
  id: string
  author: string | null
  state: WorldReviewState
  /** null for PENDING reviews. */
  submittedAt: string | null
  body: string
  /** Inline comments that belong to this review. */
  comments: WorldComment[]
}

export interface WorldComment {
  id: string
  author: string | null
  createdAt: string
  body: string
}

// GitHub's triage event types, as the contract lists them (the oracle writes its own list on purpose).
export const WORLD_TRIAGE_EVENT_TYPES = TRIAGE_EVENTS
export type WorldTriageEventType = (typeof WORLD_TRIAGE_EVENT_TYPES)[number]

/** Timeline events that are not triage (they must be served, and must never be counted). */
export const WORLD_OTHER_EVENT_TYPES = [
  'CROSS_REFERENCED_EVENT',
  'MENTIONED_EVENT',
  'SUBSCRIBED_EVENT'
] as const
export type WorldOtherEventType = (typeof WORLD_OTHER_EVENT_TYPES)[number]

export interface WorldEvent {
  id: string
  type: WorldTriageEventType | WorldOtherEventType
  actor: string | null
  createdAt: string
  /** TRANSFERRED_EVENT: the `owner/name` the issue came from. LABELED/UNLABELED: the label name. */
  detail?: string
}

export interface WorldPullRequest {
  id: string
  number: number
  author: string | null
  title: string
  createdAt: string
  state: 'OPEN' | 'CLOSED' | 'MERGED'
  mergedAt: string | null
  closedAt: string | null
  /** Changed file paths; GitHub returns `files: null` when there are more than 3,000. */
  files: string[]
  reviews: WorldReview[]
  /** Conversation comments on the pull request (never counted as issue comments). */
  comments: WorldComment[]
  events: WorldEvent[]
}

export interface WorldIssue {
  id: string
  number: number
  author: string | null
  title: string
  createdAt: string
  state: 'OPEN' | 'CLOSED'
  closedAt: string | null
  comments: WorldComment[]
  events: WorldEvent[]
}

export interface WorldRepository {
  id: string
  owner: string
  name: string
  isArchived: boolean
  isFork: boolean
  isPrivate: boolean
  /** null for an empty repository (GraphQL `defaultBranchRef: null`). */
  defaultBranch: string | null
  createdAt: string
  /** Default-branch history, any order (the fake serves it newest first by committedDate). */
  commits: WorldCommit[]
  pullRequests: WorldPullRequest[]
  issues: WorldIssue[]
  /** Files on the default branch by path (workflow files, CODEOWNERS); absent: none. */
  files?: Record<string, string>
  /** Outside collaborators and their repository role. */
  collaborators?: { login: string; permission: WorldPermission }[]
  /**
   * `owner/name`s it had before a rename or a transfer: `repository(owner:, name:)` still finds it by
   * them (GitHub's `followRenames` is true unless asked otherwise), and answers its name of today.
   */
  formerNames?: string[]
}

/** A repository role as GraphQL's `RepositoryPermission` spells it. */
export type WorldPermission = 'ADMIN' | 'MAINTAIN' | 'WRITE' | 'TRIAGE' | 'READ'

export interface WorldTeam {
  id: string
  slug: string
  name: string
  members: { login: string; role: 'MAINTAINER' | 'MEMBER' }[]
  /** `owner/name` of each repository the team holds a role on. */
  repositories: { repository: string; permission: WorldPermission }[]
}

export interface WorldOrganization {
  login: string
  name: string
  id: string
  /** `ADMIN` is an owner, as `OrganizationMemberRole` spells it. */
  members?: { login: string; role: 'ADMIN' | 'MEMBER' }[]
  teams?: WorldTeam[]
}

export interface World {
  /** The moment the world is observed at: nothing happens after it. */
  now: string
  organization: WorldOrganization
  /** Further organizations served beside the first (a community of several). */
  moreOrganizations?: WorldOrganization[]
  users: WorldUser[]
  repositories: WorldRepository[]
}

const latest = (dates: (string | null | undefined)[]): string =>
  dates.filter((d): d is string => !!d).reduce((a, b) => (a > b ? a : b))

/** GitHub moves `updatedAt` on every comment, review, event, merge and close. */
export function pullRequestUpdatedAt(pr: WorldPullRequest): string {
  return latest([
    pr.createdAt,
    pr.mergedAt,
    pr.closedAt,
    ...pr.reviews.map(r => r.submittedAt),
    ...pr.reviews.flatMap(r => r.comments.map(c => c.createdAt)),
    ...pr.comments.map(c => c.createdAt),
    ...pr.events.map(e => e.createdAt)
  ])
}

export function issueUpdatedAt(issue: WorldIssue): string {
  return latest([
    issue.createdAt,
    issue.closedAt,
    ...issue.comments.map(c => c.createdAt),
    ...issue.events.map(e => e.createdAt)
  ])
}
