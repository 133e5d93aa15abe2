import type { Config } from '../config/schema.js'
import type { Logger } from '../options.js'
import {
  accessInScope,
  loginsIn,
  type ActivityRecord,
  type Gathered,
  type RepositoryCounts,
  type AccessFacts,
  type RepositoryFiles
} from '../records.js'
import { byCodeUnits } from '../electorate/order.js'
import { personHider, profilesWithoutEmails } from '../email-privacy.js'
import { byRepository, inRecordOrder } from '../records-file/order.js'
import { ProfileBook } from './actors.js'
import { DeletedMeanwhile, deletedWarning } from './deleted.js'
import { gatherCollaborators, gatherRoles } from './access.js'
import type { GitHubClient } from './client.js'
import { gatherCommits } from './commits.js'
import { gatherDefaultBranchFiles } from './default-branch-files.js'
import { gatherIssues } from './issues.js'
import type { GatherProgress } from './progress.js'
import { gatherPullRequests } from './pull-requests.js'
import { OrganizationSpellings, repositoriesInScope, type RepositoryOverview } from './scope.js'

export interface GatherRequest {
  /** One or more organizations: one roll over all their repositories. */
  organizations: string[]
  /** Explicit repositories (`owner/name` or `name`); empty: the organization's. */
  repositories: string[]
  since: Date
  until: Date
  config: Config
  /** Gather roles too (access.csv). */
  access?: boolean
  /**
   * Record addresses hidden (commit authors' and sign-offs' as sha256, profiles' dropped, none left in a
   * name), for records that travel where the outputs carry no emails.
   */
  hideEmails?: boolean
}

/** Told each repository's records of one gatherer once they are final, in canonical order. */
export type FinishedRecords = (records: readonly ActivityRecord[]) => void

type PullRequestsGathered = Awaited<ReturnType<typeof gatherPullRequests>>
type IssuesGathered = Awaited<ReturnType<typeof gatherIssues>>

/** Every record of activity in the window over the repositories in scope, or an error naming what failed. */
export async function gather(
  request: GatherRequest,
  client: GitHubClient,
  log: Logger,
  progress?: GatherProgress,
  finished?: FinishedRecords
): Promise<Gathered> {
  const window = { since: request.since, until: request.until }
  const profiles = new ProfileBook()
  const deleted = new DeletedMeanwhile(log)
  const recordedPerson = request.hideEmails ? personHider() : undefined
  // Each repository's records as each gatherer finishes with it, while the others still wait on GitHub:
  // put in canonical order (the sort after the last answer then only merges sorted runs), their logins
  // noted for the profiles, and handed to `finished`.
  const logins = new Set<string>()
  const handOut = (records: ActivityRecord[]) => {
    inRecordOrder(records)
    for (const login of loginsIn(records)) logins.add(login)
    finished?.(records)
  }
  const sorted = <T extends { records: ActivityRecord[] }>(part: T) =>
    inRepositoryRuns(part.records, handOut).then(records => ({ ...part, records }))

  // Members and teams do not wait for the listing: only collaborators are asked per repository.
  const roles = request.access ? gatherRoles(request.organizations, client) : undefined
  roles?.catch(() => undefined)

  const repositories: RepositoryOverview[] = []
  const spellings = new OrganizationSpellings()
  const gatheredParts = await log.group('Repositories and their activity', async () => {
    const parts: Promise<
      [
        PullRequestsGathered,
        IssuesGathered,
        ActivityRecord[],
        RepositoryFiles[],
        AccessFacts['collaborators']
      ]
    >[] = []
    for await (const page of repositoriesInScope(request, window, client, log, spellings)) {
      repositories.push(...page)
      progress?.found(page.length)
      // Each listing page's repositories are gathered while the next page is on its way. Pull
      // requests and issues first: their listings are the longest chains of pages, and the first
      // requests queued take the free slots.
      const part = Promise.all([
        gatherPullRequests(page, { client, window, profiles, log, deleted }).then(sorted),
        gatherIssues(page, { client, window, profiles, deleted }).then(sorted),
        // Each repository's history is handed out once read: the busiest are read first, and the last
        // page of repositories ends with small ones, so little is left to encode after the last answer.
        gatherCommits(page, { client, window, profiles, recordedPerson, repositoryDone: handOut }),
        gatherDefaultBranchFiles(
          page.filter(r => r.defaultBranchRef !== null),
          client
        ),
        request.access ? gatherCollaborators(page, client) : []
      ])
      // Awaited below; a failure meanwhile is not unhandled.
      part.then(() => progress?.done(page.length)).catch(() => undefined)
      parts.push(part)
    }
    progress?.phase('Repositories listed')
    return Promise.all(parts)
  })
  progress?.phase('Gathered')
  repositories.sort((a, b) => byCodeUnits(a.nameWithOwner, b.nameWithOwner))
  const issuesSeen = new Map(gatheredParts.flatMap(([, issues]) => [...issues.issuesSeen]))
  const records: ActivityRecord[] = gatheredParts.flatMap(([pullRequests, issues, commits]) => [
    ...commits,
    ...pullRequests.records,
    ...issues.records
  ])

  const countsByRepository = countsOf(records)
  const counted = repositories.map(repository => {
    const counts = {
      ...(countsByRepository.get(repository.nameWithOwner) ?? noCounts()),
      issues: issuesSeen.get(repository.nameWithOwner) ?? 0
    }
    log.info(
      `${repository.nameWithOwner}: ${counts.commits} commits, ${counts.pullRequests} merged pull requests, ` +
        `${counts.reviews} reviews, ${counts.issues} issues (${counts.triageEvents} triage events, ` +
        `${counts.issueComments} comments)`
    )
    return {
      nameWithOwner: repository.nameWithOwner,
      isArchived: repository.isArchived,
      isFork: repository.isFork,
      isPrivate: repository.isPrivate,
      defaultBranch: repository.defaultBranchRef?.name ?? null,
      counts
    }
  })
  // Sorted: which deletion was seen first depends on the order answers came in.
  const deletedItems = [...deleted.items].sort(byCodeUnits)
  const stats = client.stats()
  log.info(
    `Gathered ${records.length} records with ${stats.requests} requests and ${stats.points} points` +
      (stats.remaining === null ? '' : `; ${stats.remaining} points remain until ${stats.resetAt}`)
  )

  return {
    organization: request.organizations
      .map(o => spellings.of(o))
      .sort()
      .join(', '),
    since: request.since.toISOString(),
    until: request.until.toISOString(),
    repositories: counted,
    records,
    // A gathering marked hidden holds no address anywhere, its profiles included, whoever reads it next.
    profiles: request.hideEmails ? profilesWithoutEmails(profiles.of(logins)) : profiles.of(logins),
    files: gatheredParts.flatMap(([, , , files]) => files),
    ...(roles && {
      access: accessInScope(
        { organizations: await roles, collaborators: gatheredParts.flatMap(([, , , , c]) => c) },
        counted.map(r => r.nameWithOwner)
      )
    }),
    warnings: [...client.warnings(), ...deletedItems.map(deletedWarning)],
    ...(deletedItems.length > 0 ? { deleted: deletedItems } : {}),
    ...(request.hideEmails ? { emails: 'hidden' as const } : {}),
    stats
  }
}

/** One gatherer's records handed out a repository at a time, yielding between them to read answers. */
async function inRepositoryRuns(
  records: ActivityRecord[],
  handOut: (records: ActivityRecord[]) => void
): Promise<ActivityRecord[]> {
  const runs: ActivityRecord[][] = []
  for (const group of byRepository(records).values()) {
    handOut(group)
    runs.push(group)
    await new Promise(resolve => setImmediate(resolve))
  }
  return runs.flat()
}

const noCounts = (): RepositoryCounts => ({
  commits: 0,
  pullRequests: 0,
  reviews: 0,
  issues: 0,
  triageEvents: 0,
  issueComments: 0
})

const COUNTED_AS = {
  commit: 'commits',
  pull_request: 'pullRequests',
  review: 'reviews',
  triage: 'triageEvents',
  issue_comment: 'issueComments'
} as const

/** Records per kind per repository, in one pass over the records. */
function countsOf(records: ActivityRecord[]): Map<string, RepositoryCounts> {
  const counts = new Map<string, RepositoryCounts>()
  for (const record of records) {
    let repository = counts.get(record.repository)
    if (!repository) counts.set(record.repository, (repository = noCounts()))
    repository[COUNTED_AS[record.kind]]++
  }
  return counts
}
