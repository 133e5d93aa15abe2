// The plain data that gathering hands to the rest of the pipeline. Nothing after gathering
// talks to GitHub: every count, email and warning is a pure function of these records + config.

export const METRICS = ['commits', 'merged_prs', 'reviews', 'triaged', 'issue_comments', 'ci'] as const
export type Metric = (typeof METRICS)[number]

/** GraphQL `__typename` of an actor; `null` actor (deleted account) is written as `actor: null`. */
export type ActorType = 'User' | 'Bot' | 'Organization' | 'Mannequin' | 'EnterpriseUserAccount'

export interface Actor {
  login: string
  type: ActorType
}

/** One author of a commit, as GitHub resolves it in `Commit.authors` (git author first, then co-authors). */
export interface CommitAuthor {
  name: string
  email: string
  /** Login of the linked User account; null when the email links to no account. */
  login: string | null
}

export interface SignOff {
  name: string
  email: string
}

/** A commit on a repository's default branch, committed in the window. */
export interface CommitRecord {
  kind: 'commit'
  repository: string // owner/name
  oid: string
  url: string
  at: string // committedDate, ISO 8601 UTC
  parents: number // merge commits (2+) never count
  authors: CommitAuthor[]
  signoffs: SignOff[]
}

/** A pull request merged in the window. */
export interface PullRequestRecord {
  kind: 'pull_request'
  repository: string
  url: string
  at: string // mergedAt
  author: Actor | null
  /** Changed file paths; null when GitHub does not return them (over 3,000 files). */
  files: string[] | null
}

/** A submitted review (not PENDING) with submittedAt in the window. */
export interface ReviewRecord {
  kind: 'review'
  repository: string
  url: string // the pull request's url: reviews count per distinct pull request
  at: string // submittedAt
  reviewer: Actor | null
  pullRequestAuthor: Actor | null
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED'
  /**
   * Whether the review has a non-empty body or at least one inline comment; null when its body is
   * empty and its inline comments were not counted because no rule can need them (it is not an
   * approval that came after another person's).
   */
  substantive: boolean | null
  /** Logins of the other people who approved the same pull request before this review was submitted. */
  approvalsBefore: string[]
}

export const TRIAGE_EVENTS = [
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
] as const
export type TriageEvent = (typeof TRIAGE_EVENTS)[number]

/** A triage event on an issue (never a pull request), created in the window. */
export interface TriageRecord {
  kind: 'triage'
  repository: string
  url: string // the issue's url: triage counts per distinct issue
  at: string
  actor: Actor | null
  issueAuthor: Actor | null
  event: TriageEvent
}

/** A comment on an issue (never a pull request), created in the window. */
export interface IssueCommentRecord {
  kind: 'issue_comment'
  repository: string
  url: string // the issue's url
  at: string
  author: Actor | null
  issueAuthor: Actor | null
}

export type ActivityRecord =
  CommitRecord | PullRequestRecord | ReviewRecord | TriageRecord | IssueCommentRecord

/** Public profile of a User account, as GitHub returns it. Empty strings mean "not set". */
export interface Profile {
  login: string
  name: string
  email: string
}

export interface RepositoryScope {
  nameWithOwner: string
  isArchived: boolean
  isFork: boolean
  isPrivate: boolean
  defaultBranch: string | null
}

export interface RepositoryCounts {
  commits: number
  pullRequests: number
  reviews: number
  issues: number
  triageEvents: number
  issueComments: number
}

export interface GatherStats {
  requests: number
  points: number
  /** rateLimit.remaining after the last request, when GitHub reported it. */
  remaining: number | null
  resetAt: string | null
}

/** A file of a repository's default branch; `text` null when GitHub gives none (binary or too large). */
export interface BranchFile {
  path: string
  text: string | null
}

/** What the stewardship outputs read of one repository's default branch. */
export interface RepositoryFiles {
  repository: string
  /** `.github/workflows/*.yml` and `*.yaml`, by path. */
  workflows: BranchFile[]
  /** The CODEOWNERS file GitHub uses (the first of `.github/`, the root, `docs/`), or null. */
  codeowners: BranchFile | null
}

/** Who holds a role in one organization (access.csv), as GitHub spells roles and permissions. */
export interface OrganizationAccess {
  organization: string
  /** Organization members; role ADMIN is an owner. */
  members: { login: string; role: string }[]
  teams: {
    /** `org/slug` */
    slug: string
    /** role MAINTAINER or MEMBER */
    members: { login: string; role: string }[]
    repositories: { repository: string; permission: string }[]
  }[]
}

/** Roles gathered with `access` on. */
export interface AccessFacts {
  organizations: OrganizationAccess[]
  /** Outside collaborators of the repositories in scope. */
  collaborators: { repository: string; login: string; permission: string }[]
}

/** Repository roles that hold the keys: administer the repository, or maintain it. */
export const KEY_PERMISSIONS: ReadonlySet<string> = new Set(['ADMIN', 'MAINTAIN'])

/**
 * The roles as far as they concern the repositories in scope: a team's permissions on others (a private
 * repository's name among them) are left out, and so are outside collaborators without admin or
 * maintain. A team or member stays, whatever repositories they hold.
 */
export function accessInScope(access: AccessFacts, repositories: readonly string[]): AccessFacts {
  const inScope = new Set(repositories.map(r => r.toLowerCase()))
  const kept = (repository: string) => inScope.has(repository.toLowerCase())
  return {
    organizations: access.organizations.map(o => ({
      ...o,
      teams: o.teams.map(t => ({ ...t, repositories: t.repositories.filter(r => kept(r.repository)) }))
    })),
    collaborators: access.collaborators.filter(c => kept(c.repository) && KEY_PERMISSIONS.has(c.permission))
  }
}

/** Everything gathering produces: the single input of the pure part of the pipeline. */
export interface Gathered {
  /** The organization, or several sorted and separated by ", " (organizationsOf reads them back). */
  organization: string
  since: string // ISO 8601 UTC, inclusive
  until: string // ISO 8601 UTC, exclusive
  repositories: (RepositoryScope & { counts: RepositoryCounts })[]
  records: ActivityRecord[]
  /** Profiles of every User login that appears in the records, and of the logins in `named`. */
  profiles: Record<string, Profile>
  /** Logins the config named (includes, aliases) whose profiles were looked up on GitHub. */
  named?: string[]
  warnings: string[]
  /** Pull requests and issues deleted on GitHub during the run (`pull request owner/name#12`), left out; absent: none. */
  deleted?: string[]
  stats: GatherStats
  /** 'hidden': every address is a `sha256:` hash (src/email-privacy.ts); absent: addresses as GitHub gave them. */
  emails?: 'hidden'
  /** Workflow files and CODEOWNERS of each repository in scope, by repository (ci-jobs.csv). */
  files?: RepositoryFiles[]
  /** Roles, when `access` was on. */
  access?: AccessFacts
}

/** The organizations a Gathered covers. */
export function organizationsOf(gathered: Pick<Gathered, 'organization'>): string[] {
  return gathered.organization.split(', ').filter(o => o !== '')
}

/** Every login the records name, in the order they first appear. */
export function loginsIn(records: ActivityRecord[]): Set<string> {
  const logins = new Set<string>()
  const add = (login: string | null | undefined) => login && logins.add(login)
  for (const record of records) {
    switch (record.kind) {
      case 'commit':
        record.authors.forEach(a => add(a.login))
        break
      case 'pull_request':
        add(record.author?.login)
        break
      case 'review':
        add(record.reviewer?.login)
        add(record.pullRequestAuthor?.login)
        record.approvalsBefore.forEach(add)
        break
      case 'triage':
        add(record.actor?.login)
        add(record.issueAuthor?.login)
        break
      case 'issue_comment':
        add(record.author?.login)
        add(record.issueAuthor?.login)
    }
  }
  return logins
}
