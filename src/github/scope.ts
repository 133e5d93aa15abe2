import type { Config } from '../config/schema.js'
import { globMatcher } from '../config/globs.js'
import type { Logger } from '../options.js'
import { packBatches, QUERY_BUDGET } from './batches.js'
import type { GitHubClient } from './client.js'
import { pages, type Connection } from './paginate.js'
import { PRIORITY } from './priority.js'
import { namedRepositories, ORGANIZATION_REPOSITORIES } from './queries/repositories.js'
import type { Window } from './window-edges.js'

export interface PullRequestStub {
  id: string
  updatedAt: string
  mergedAt: string | null
}

/** A repository as the listing returns it, with the first look at its history, pull requests and issues. */
export interface RepositoryOverview {
  id: string
  nameWithOwner: string
  isArchived: boolean
  isFork: boolean
  isPrivate: boolean
  defaultBranchRef: { name: string; target: { history?: { totalCount: number } } | null } | null
  pullRequests: Connection<PullRequestStub>
  /** `totalCount`: issues updated since the window began, all of them, whatever the page holds. */
  issues: Connection<{ id: string }> & { totalCount: number }
}

/** Connection requests that one repository costs in the listing: history, pull requests, issues. */
const LISTING_REQUESTS_PER_REPOSITORY = 3
const LISTING_PAGE = Math.min(100, Math.floor((QUERY_BUDGET - 1) / LISTING_REQUESTS_PER_REPOSITORY))

export interface ScopeRequest {
  organization: string
  repositories: string[]
  config: Config
}

/**
 * The repositories to gather, a listing page at a time so that gathering starts on the first page
 * while the next is on its way: the explicit list (command line plus `repositories.include`) when
 * there is one, else every repository of the organization that is not archived, a fork or private
 * (unless the config lets them in); `repositories.exclude` applies either way.
 */
export async function* repositoriesInScope(
  request: ScopeRequest,
  window: Window,
  client: GitHubClient,
  log: Logger
): AsyncGenerator<RepositoryOverview[]> {
  const { organization, config } = request
  const excluded = globMatcher(config.repositories.exclude)
  const isExcluded = (nameWithOwner: string) =>
    excluded(nameWithOwner) || excluded(nameWithOwner.split('/')[1])
  const variables = {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    updatedSince: window.since.toISOString()
  }

  const explicit = [...request.repositories, ...config.repositories.include]
  if (explicit.length > 0) {
    const named = new Map<string, { owner: string; name: string }>()
    for (const entry of explicit) {
      const [owner, name] = entry.includes('/') ? entry.split('/', 2) : [organization, entry]
      const key = `${owner}/${name}`.toLowerCase()
      if (!named.has(key) && !isExcluded(`${owner}/${name}`)) named.set(key, { owner, name })
    }
    const batches = packBatches([...named.values()], () => LISTING_REQUESTS_PER_REPOSITORY, QUERY_BUDGET)
    const answers = await Promise.all(
      batches.map(batch =>
        client.query<Record<string, RepositoryOverview>>(
          namedRepositories(batch),
          variables,
          `repositories ${batch.map(r => `${r.owner}/${r.name}`).join(', ')}`
        )
      )
    )
    yield answers.flatMap((answer, b) => batches[b].map((_, i) => answer[`r${i}`]))
    return
  }
  const { archived, forks, private: privateOnes } = config.repositories
  let listed = 0
  let kept = 0
  for await (const page of pages<RepositoryOverview>(client, {
    document: ORGANIZATION_REPOSITORIES,
    variables: { login: organization, ...variables },
    label: `repositories of ${organization}`,
    connection: (data: { organization: { repositories: Connection<RepositoryOverview> } | null }) => {
      if (!data.organization) throw new Error(`GitHub knows no organization named ${organization}`)
      return data.organization.repositories
    },
    first: LISTING_PAGE,
    priority: PRIORITY.lists
  })) {
    const inScope = page.filter(
      r =>
        (archived || !r.isArchived) &&
        (forks || !r.isFork) &&
        (privateOnes || !r.isPrivate) &&
        !isExcluded(r.nameWithOwner)
    )
    listed += page.length
    kept += inScope.length
    yield inScope
  }
  log.info(`${organization}: ${kept} of ${listed} repositories in scope`)
}
