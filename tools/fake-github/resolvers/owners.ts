import { FakeGitHubError } from '../errors.js'
import type { ActorView, OrganizationView, RepositoryView, WorldIndex } from '../world-index.js'
import { connectionArgs, withArgs, type Args, type Fields, type RequestContext } from './fields.js'
import { paginate, type ConnectionArgs } from '../pagination.js'
import { sortByOrder, type Order } from './order.js'

export const webUrl = 'https://github.com'

/** `author`/`actor`: null for a deleted account, as GitHub answers. */
export function actorOf(login: string | null, index: WorldIndex): ActorView | null {
  if (login === null) return null
  const actor = index.actorByLogin.get(login.toLowerCase())
  if (!actor) throw new FakeGitHubError(`world has no user ${login} (use null for a deleted account)`)
  return actor
}

const actorFields: Fields<ActorView> = {
  id: a => a.id,
  login: a => a.user.login,
  createdAt: a => a.user.createdAt,
  resourcePath: a => (a.__typename === 'Bot' ? `/apps/${a.user.login}` : `/${a.user.login}`),
  url: a => (a.__typename === 'Bot' ? `${webUrl}/apps/${a.user.login}` : `${webUrl}/${a.user.login}`)
}

export const userFields: Fields<ActorView> = {
  ...actorFields,
  name: a => a.user.name || null,
  email: a => a.user.email
}

export const botFields: Fields<ActorView> = actorFields

function repositoriesOf(organization: OrganizationView, args: Args) {
  const { isFork, isArchived, privacy, visibility, orderBy } = args as {
    isFork?: boolean | null
    isArchived?: boolean | null
    privacy?: 'PUBLIC' | 'PRIVATE' | null
    visibility?: 'PUBLIC' | 'PRIVATE' | 'INTERNAL' | null
    orderBy?: Order | null
  }
  const ordered = sortByOrder<RepositoryView>(
    organization.repositories,
    orderBy,
    'Organization.repositories',
    {
      CREATED_AT: r => r.repository.createdAt,
      NAME: r => r.repository.name.toLowerCase()
    }
  )
  const wanted = ordered.filter(
    ({ repository: r }) =>
      (isFork == null || r.isFork === isFork) &&
      (isArchived == null || r.isArchived === isArchived) &&
      (privacy == null || r.isPrivate === (privacy === 'PRIVATE')) &&
      (visibility == null || r.isPrivate === (visibility !== 'PUBLIC'))
  )
  return paginate(wanted, args as ConnectionArgs)
}

export const organizationFields: Fields<OrganizationView> = {
  id: o => o.id,
  login: o => o.login,
  name: o => o.name,
  url: o => `${webUrl}/${o.login}`,
  resourcePath: o => `/${o.login}`,
  repositories: withArgs(
    [
      ...connectionArgs,
      'orderBy',
      'isFork',
      'isArchived',
      'privacy',
      'visibility',
      'ownerAffiliations',
      'affiliations'
    ],
    repositoriesOf
  )
}

export const rateLimitFields: Fields<unknown> = {
  cost: (_s, _a, c: RequestContext) => c.rateLimit.cost,
  limit: (_s, _a, c: RequestContext) => c.rateLimit.limit,
  remaining: (_s, _a, c: RequestContext) => c.rateLimit.remaining,
  used: (_s, _a, c: RequestContext) => c.rateLimit.used,
  resetAt: (_s, _a, c: RequestContext) => c.rateLimit.resetAt,
  nodeCount: (_s, _a, c: RequestContext) => c.rateLimit.nodeCount
}
