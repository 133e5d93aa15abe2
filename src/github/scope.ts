import type { Config } from '../config/schema.js'
import { globMatcher } from '../config/globs.js'
import { UsageError, type Logger } from '../options.js'
import { packBatches, QUERY_BUDGET } from './batches.js'
import type { GitHubClient } from './client.js'
import { GitHubMissingError } from './errors.js'
import { pages, type Connection } from './paginate.js'
import { PRIORITY } from './priority.js'
import { forbiddenFailure, forbiddenList } from './forbidden.js'
import {
  namedRepositories,
  ORGANIZATION_REPOSITORIES,
  ORGANIZATION_REPOSITORY_NAMES
} from './queries/repositories.js'
import type { Window } from './window-edges.js'

export interface PullRequestStub {
  id: string
  number: number
  updatedAt: string
  mergedAt: string | null
}

export interface IssueStub {
  id: string
  number: number
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
  issues: Connection<IssueStub> & { totalCount: number }
}

/** Connection requests that one repository costs in the listing: history, pull requests, issues. */
const LISTING_REQUESTS_PER_REPOSITORY = 3
const LISTING_PAGE = Math.min(100, Math.floor((QUERY_BUDGET - 1) / LISTING_REQUESTS_PER_REPOSITORY))

export interface ScopeRequest {
  organizations: string[]
  repositories: string[]
  config: Config
}

/**
 * GitHub's spelling of each organization (or user account, whose repositories are named), learned from
 * its answers. Logins are case-insensitive, so an organization typed `KATA-CONTAINERS` is found, and the
 * outputs name it as GitHub spells it.
 */
export class OrganizationSpellings {
  private readonly byKey = new Map<string, string>()

  /** Keyed by the login asked: GitHub may answer another one than asked, not only in case. */
  learn(asked: string, login: string): void {
    this.byKey.set(asked.toLowerCase(), login)
  }

  /** The organization as GitHub spells it; asked only once the scope is listed, which learned them all. */
  of(organization: string): string {
    const login = this.byKey.get(organization.toLowerCase())
    if (login === undefined)
      throw new Error(`GitHub's spelling of the organization ${organization} is not known`)
    return login
  }
}

/**
 * The repositories to gather, a listing page at a time so that gathering starts on the first page
 * while the next is on its way: the explicit list (command line plus `repositories.include`) when
 * there is one, else every repository of the organization that is not archived, a fork or private
 * (unless the config lets them in); `repositories.exclude` applies either way. Each organization's
 * spelling is learned on the way.
 */
export async function* repositoriesInScope(
  request: ScopeRequest,
  window: Window,
  client: GitHubClient,
  log: Logger,
  spellings: OrganizationSpellings
): AsyncGenerator<RepositoryOverview[]> {
  const explicit = [...request.repositories, ...request.config.repositories.include]
  if (explicit.length > 0) {
    yield await explicitRepositories(explicit, request, window, client, spellings)
    return
  }
  // Listings are paged by name: a repository renamed (or moved to another of the organizations) while
  // they are paged passes the cursor and is listed again, and gathered twice its items would count twice.
  const listed = new Set<string>()
  for (const organization of request.organizations)
    for await (const page of organizationRepositories(
      organization,
      request,
      window,
      client,
      log,
      spellings
    )) {
      const fresh = page.filter(repository => !listed.has(repository.id))
      for (const repository of fresh) listed.add(repository.id)
      yield fresh
    }
}

/** The repositories named, each once, asked with the organizations in one batch of queries. */
async function explicitRepositories(
  explicit: string[],
  { organizations, config }: ScopeRequest,
  window: Window,
  client: GitHubClient,
  spellings: OrganizationSpellings
): Promise<RepositoryOverview[]> {
  const isExcluded = excludedRepositories(config)
  const named = new Map<string, { owner: string; name: string }>()
  for (const entry of explicit) {
    if (!entry.includes('/') && organizations.length > 1)
      throw new UsageError(
        `repositories: "${entry}" could belong to any of ${organizations.join(', ')}; write it as owner/name`
      )
    const [owner, name] = entry.includes('/') ? entry.split('/', 2) : [organizations[0], entry]
    const key = `${owner}/${name}`.toLowerCase()
    if (!named.has(key) && !isExcluded(`${owner}/${name}`)) named.set(key, { owner, name })
  }
  const batches = packBatches([...named.values()], () => LISTING_REQUESTS_PER_REPOSITORY, QUERY_BUDGET)
  // The organizations ride with the first batch (an empty one when every repository is excluded).
  if (batches.length === 0) batches.push([])
  const answers = await Promise.all(
    batches.map((batch, b) =>
      client
        .query<Record<string, RepositoryOverview | { login: string } | null>>(
          namedRepositories(batch, b === 0 ? organizations : []),
          batch.length > 0 ? listingVariables(window) : {},
          batch.length > 0
            ? `repositories ${batch.map(r => `${r.owner}/${r.name}`).join(', ')}`
            : `organizations ${organizations.join(', ')}`
        )
        .catch((error: unknown) => {
          const forbidden = forbiddenList(error)
          const at = forbidden && batch[Number(/^r(\d+)$/.exec(String(forbidden.path[0]))?.[1])]
          if (at) throw forbiddenFailure(`${at.owner}/${at.name}`, forbidden.field)
          // What GitHub does not know comes back null, the rest of the answer whole.
          if (error instanceof GitHubMissingError && error.data && error.onlyGone(p => p.length === 1))
            return error.data as Record<string, null>
          throw error
        })
    )
  )
  // GitHub answers an owner it does not know with null, or (like `organization`) NOT_FOUND.
  const unknownOwners = organizations.filter((_, i) => !answers[0]![`o${i}`])
  if (unknownOwners.length > 0) throw unknownAccounts('organization or user', unknownOwners, '')
  organizations.forEach((organization, i) =>
    spellings.learn(organization, (answers[0]![`o${i}`] as { login: string }).login)
  )
  const unknown = batches.flatMap((batch, b) => batch.filter((_, i) => !answers[b]![`r${i}`]))
  if (unknown.length > 0) {
    const names = unknown.map(r => `'${r.owner}/${r.name}'`).join(', ')
    throw new UsageError(
      `repositories: GitHub knows no repository ${names} (or the token may not see ${unknown.length === 1 ? 'it' : 'them'})`
    )
  }
  // GitHub follows renames and transfers: an old name answers the repository of today, which may be
  // named too (gathered twice, each contribution would count twice) or excluded under its name of today.
  const found = new Map<string, RepositoryOverview>()
  for (const [b, answer] of answers.entries())
    for (const i of batches[b]!.keys()) {
      const repository = answer[`r${i}`] as RepositoryOverview
      const key = repository.nameWithOwner.toLowerCase()
      if (!found.has(key) && !isExcluded(repository.nameWithOwner)) found.set(key, repository)
    }
  return [...found.values()]
}

const unknownAccounts = (kind: string, logins: string[], advice: string) =>
  new UsageError(
    `organization: GitHub knows no ${kind} ${logins.map(o => `'${o}'`).join(', ')} ` +
      `(or the token may not see ${logins.length === 1 ? 'it' : 'them'})${advice}`
  )

/**
 * GitHub answers an organization it does not know, or does not show this token, with NOT_FOUND or null;
 * a user account too, whose repositories only a list of them reaches.
 */
const unknownOrganization = (organization: string) =>
  unknownAccounts(
    'organization',
    [organization],
    '; a personal account has no organization to list: name its repositories instead ' +
      `(repositories: ${organization}/NAME)`
  )

async function* organizationRepositories(
  organization: string,
  { config }: ScopeRequest,
  window: Window,
  client: GitHubClient,
  log: Logger,
  spellings: OrganizationSpellings
): AsyncGenerator<RepositoryOverview[]> {
  const isExcluded = excludedRepositories(config)
  const { archived, forks, private: privateOnes } = config.repositories
  const filters = {
    login: organization,
    isFork: forks ? null : false,
    isArchived: archived ? null : false,
    privacy: privateOnes ? null : 'PUBLIC'
  }
  let listed = 0
  let kept = 0
  const listing = pages<RepositoryOverview>(client, {
    document: ORGANIZATION_REPOSITORIES,
    variables: { ...filters, ...listingVariables(window) },
    label: `repositories of ${organization}`,
    connection: (data: {
      organization: { login: string; repositories: Connection<RepositoryOverview> } | null
    }) => {
      if (!data.organization) throw unknownOrganization(organization)
      spellings.learn(organization, data.organization.login)
      return data.organization.repositories
    },
    first: LISTING_PAGE,
    priority: PRIORITY.lists
  })
  const failureHere = async (error: unknown): Promise<never> => {
    if (error instanceof GitHubMissingError && error.onlyGone(p => p.length === 1 && p[0] === 'organization'))
      throw unknownOrganization(organization)
    const forbidden = forbiddenList(error)
    const index = forbidden?.path[3]
    if (!forbidden || typeof index !== 'number') throw error
    throw forbiddenFailure(await nameAt(client, filters, listed + index), forbidden.field)
  }
  for await (const page of catchingIn(listing, failureHere)) {
    // GitHub filtered already; asked again so that a server ignoring the arguments cannot widen the scope.
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
  log.info(`${spellings.of(organization)}: ${kept} of ${listed} repositories in scope`)
}

function excludedRepositories(config: Config): (nameWithOwner: string) => boolean {
  const excluded = globMatcher(config.repositories.exclude)
  return nameWithOwner => excluded(nameWithOwner) || excluded(nameWithOwner.split('/')[1])
}

const listingVariables = (window: Window) => ({
  since: window.since.toISOString(),
  until: window.until.toISOString(),
  updatedSince: window.since.toISOString()
})

/** The pages of a listing, an error of any of them handed to `onError` (which throws in its turn). */
async function* catchingIn<T>(pages: AsyncGenerator<T>, onError: (error: unknown) => Promise<never>) {
  for (;;) {
    let next: IteratorResult<T>
    try {
      next = await pages.next()
    } catch (error) {
      return await onError(error)
    }
    if (next.done) return
    yield next.value
  }
}

/** The name of the repository at `position` (from 0) of the organization's listing with these filters. */
async function nameAt(client: GitHubClient, filters: object, position: number): Promise<string> {
  let seen = 0
  for await (const names of pages<{ nameWithOwner: string }>(client, {
    document: ORGANIZATION_REPOSITORY_NAMES,
    variables: filters,
    label: 'names of the repositories listed',
    connection: (data: { organization: { repositories: Connection<{ nameWithOwner: string }> } | null }) =>
      data.organization?.repositories,
    first: 100
  })) {
    if (position < seen + names.length) return names[position - seen]!.nameWithOwner
    seen += names.length
  }
  return `the repository at place ${position + 1} of the listing`
}
