import type { Config } from '../config/schema.js'
import type { Electorate } from '../electorate/types.js'
import {
  METRICS,
  organizationsOf,
  type GatherStats,
  type RepositoryCounts,
  type RepositoryScope
} from '../records.js'
import { formatTime } from './csv.js'
import { reportWarnings } from './warnings.js'

/** What the report needs beyond the electorate: where it came from and how it was gathered. */
export interface ReportMeta {
  toolVersion: string
  organization: string
  since: string
  until: string
  repositories: (RepositoryScope & { counts: RepositoryCounts })[]
  /** The effective config, defaults filled in. */
  config: Config
  configSha256: string
  /** null when no config file was read (all defaults). */
  configPath: string | null
  stats: GatherStats
  warnings: string[]
  /** Pull requests and issues deleted on GitHub during the run, left out. */
  deleted?: string[]
  /** Timing of the run: the only part of report.json that differs between two runs on the same data. */
  run?: { startedAt: string; durationMs: number }
}

export interface ReportOptions {
  includeEmails: boolean
  /** sha256 (hex) of every other file written, by file name. */
  files: Record<string, string>
}

export interface OrganizationCounts {
  organization: string
  repositories: number
  counts: RepositoryCounts
}

/** Per organization of the run (several gathered into one roll): its repositories and their counts summed. */
export function organizationCounts(
  meta: Pick<ReportMeta, 'organization' | 'repositories'>
): OrganizationCounts[] {
  return organizationsOf(meta).map(organization => {
    const own = meta.repositories.filter(
      r => r.nameWithOwner.split('/')[0]!.toLowerCase() === organization.toLowerCase()
    )
    const counts = { commits: 0, pullRequests: 0, reviews: 0, issues: 0, triageEvents: 0, issueComments: 0 }
    for (const repository of own)
      for (const key of Object.keys(counts) as (keyof RepositoryCounts)[])
        counts[key] += repository.counts[key]
    return { organization, repositories: own.length, counts }
  })
}

const countsJson = (counts: RepositoryCounts) => ({
  commits: counts.commits,
  pull_requests: counts.pullRequests,
  reviews: counts.reviews,
  issues: counts.issues,
  triage_events: counts.triageEvents,
  issue_comments: counts.issueComments
})

/** report.json: keys in a fixed order, 2-space indent, trailing newline. */
export function reportJson(electorate: Electorate, meta: ReportMeta, options: ReportOptions): string {
  const count = (status: string) => electorate.people.filter(person => person.status === status).length
  const report = {
    tool: { name: 'electorate', version: meta.toolVersion },
    organization: meta.organization,
    organizations: organizationCounts(meta).map(o => ({
      organization: o.organization,
      repositories: o.repositories,
      counts: countsJson(o.counts)
    })),
    window: { since: formatTime(meta.since), until: formatTime(meta.until) },
    repositories: meta.repositories.map(repository => ({
      repository: repository.nameWithOwner,
      archived: repository.isArchived,
      fork: repository.isFork,
      private: repository.isPrivate,
      default_branch: repository.defaultBranch,
      counts: countsJson(repository.counts)
    })),
    config: {
      path: meta.configPath,
      sha256: meta.configSha256,
      effective: options.includeEmails ? meta.config : withoutEmails(meta.config)
    },
    emails_included: options.includeEmails,
    totals: {
      people: electorate.people.length,
      qualified: count('qualified'),
      not_qualified: count('not-qualified'),
      excluded: count('excluded'),
      unlinked_identities: electorate.unlinked.length,
      deleted_account_items: electorate.deletedAccountItems,
      late_approvals_set_aside: electorate.lateApprovalsSetAside,
      deleted_during_run: meta.deleted?.length ?? 0,
      metrics: Object.fromEntries(METRICS.map(metric => [metric, electorate.totals[metric]]))
    },
    rules: electorate.ruleCounts.map(({ rule, count }) => ({ rule, count })),
    api: {
      requests: meta.stats.requests,
      points: meta.stats.points,
      remaining: meta.stats.remaining,
      reset_at: meta.stats.resetAt
    },
    warnings: reportWarnings(electorate, meta.warnings, options.includeEmails),
    files: Object.fromEntries(
      Object.keys(options.files)
        .sort()
        .map(name => [name, options.files[name]])
    ),
    ...(meta.run && { run: { started_at: meta.run.startedAt, duration_ms: meta.run.durationMs } })
  }
  return `${JSON.stringify(report, null, 2)}\n`
}

// The `emails:` map names people by email; an output without emails must not carry it either.
function withoutEmails(config: Config): Config {
  const logins = Object.values(config.emails)
  return {
    ...config,
    emails: Object.fromEntries(logins.map((login, index) => [`<email ${index + 1} hidden>`, login]))
  }
}
