import type { Config } from '../config/schema.js'
import { globMatcher } from '../config/globs.js'
import type { Logger } from '../options.js'
import { ONE_POINT, packBatches } from './batches.js'
import type { GitHubClient } from './client.js'
import { allNodes, type Connection } from './paginate.js'
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
  issues: Connection<{ id: string }>
}

/** Connection requests that one repository costs in the listing: history, pull requests, issues. */
const LISTING_REQUESTS_PER_REPOSITORY = 3
const LISTING_PAGE = Math.floor((ONE_POINT - 1) / LISTING_REQUESTS_PER_REPOSITORY)

export interface ScopeRequest {
  organization: string
  repositories: string[]
  config: Config
}

/**
 * The repositories to gather: the explicit list (command line plus `repositories.include`) when
 * there is one, else every repository of the organization that is not archived, a fork or private
 * (unless the config lets them in); `repositories.exclude` applies either way.
 */
export async function repositoriesInScope(
  request: ScopeRequest,
  window: Window,
  client: GitHubClient,
  log: Logger
): Promise<RepositoryOverview[]> {
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
  let repositories: RepositoryOverview[]
  if (explicit.length > 0) {
    const named = new Map<string, { owner: string; name: string }>()
    for (const entry of explicit) {
      const [owner, name] = entry.includes('/') ? entry.split('/', 2) : [organization, entry]
      const key = `${owner}/${name}`.toLowerCase()
      if (!named.has(key) && !isExcluded(`${owner}/${name}`)) named.set(key, { owner, name })
    }
    const batches = packBatches([...named.values()], () => LISTING_REQUESTS_PER_REPOSITORY, ONE_POINT)
    const answers = await Promise.all(
      batches.map(batch =>
        client.query<Record<string, RepositoryOverview>>(
          namedRepositories(batch),
          variables,
          `repositories ${batch.map(r => `${r.owner}/${r.name}`).join(', ')}`
        )
      )
    )
    repositories = answers.flatMap((answer, b) => batches[b].map((_, i) => answer[`r${i}`]))
  } else {
    const all = await allNodes<RepositoryOverview>(client, {
      document: ORGANIZATION_REPOSITORIES,
      variables: { login: organization, ...variables },
      label: `repositories of ${organization}`,
      connection: (data: { organization: { repositories: Connection<RepositoryOverview> } | null }) => {
        if (!data.organization) throw new Error(`GitHub knows no organization named ${organization}`)
        return data.organization.repositories
      },
      first: LISTING_PAGE
    })
    const { archived, forks, private: privateOnes } = config.repositories
    repositories = all.filter(
      r =>
        (archived || !r.isArchived) &&
        (forks || !r.isFork) &&
        (privateOnes || !r.isPrivate) &&
        !isExcluded(r.nameWithOwner)
    )
    log.info(`${organization}: ${repositories.length} of ${all.length} repositories in scope`)
  }
  return repositories.sort((a, b) => a.nameWithOwner.localeCompare(b.nameWithOwner))
}
