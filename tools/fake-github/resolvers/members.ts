import { FakeGitHubError, notImplemented } from '../errors.js'
import { paginate, type ConnectionArgs } from '../pagination.js'
import type { OrganizationView, RepositoryView, TeamView } from '../world-index.js'
import { actorOf } from './owners.js'
import { connectionArgs, withArgs, type Args, type Fields, type RequestContext } from './fields.js'

// Who holds a role: organization members with their role, teams with their members and repositories,
// outside collaborators. A token that may not read them gets GitHub's error for its kind.

function mayReadMembers(field: string, { tokenLacksMembers }: RequestContext): void {
  if (tokenLacksMembers === 'classic')
    throw new FakeGitHubError(
      "Your token has not been granted the required scopes to execute this query. The '" +
        field +
        "' field requires one of the following scopes: ['read:org'], but your token has only been granted the: ['repo'] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.",
      'INSUFFICIENT_SCOPES'
    )
  if (tokenLacksMembers === 'fine-grained')
    throw new FakeGitHubError('Resource not accessible by personal access token', 'FORBIDDEN')
}

function connectionOf<T, N>(
  list: readonly T[],
  args: Args,
  node: (item: T) => N,
  extra: (item: T) => Record<string, unknown>
) {
  const page = paginate(list, args as ConnectionArgs, extra)
  return { ...page, edges: page.edges.map(edge => ({ ...edge, node: node(edge.node) })) }
}

export const organizationMemberFields: Fields<OrganizationView> = {
  membersWithRole: withArgs(connectionArgs, (o, args, context) => {
    mayReadMembers('membersWithRole', context)
    return connectionOf(
      o.world.members ?? [],
      args,
      m => actorOf(m.login, context.index),
      m => ({ role: m.role })
    )
  }),
  teams: withArgs([...connectionArgs, 'orderBy'], (o, args, context) => {
    mayReadMembers('teams', context)
    const teams = (o.world.teams ?? []).map(team => context.index.nodeById.get(team.id) as TeamView)
    return paginate(teams, args as ConnectionArgs)
  })
}

export const teamFields: Fields<TeamView> = {
  id: t => t.id,
  slug: t => t.team.slug,
  name: t => t.team.name,
  organization: t => t.organization,
  members: withArgs([...connectionArgs, 'membership'], (t, args, context) => {
    mayReadMembers('members', context)
    if (args.membership != null && args.membership !== 'IMMEDIATE' && args.membership !== 'ALL')
      throw notImplemented(`Team.members(membership: ${String(args.membership)})`)
    return connectionOf(
      t.team.members,
      args,
      m => actorOf(m.login, context.index),
      m => ({ role: m.role })
    )
  }),
  repositories: withArgs(connectionArgs, (t, args, context) =>
    connectionOf(
      t.team.repositories,
      args,
      r => context.index.repositoryByName.get(r.repository.toLowerCase())!,
      r => ({ permission: r.permission })
    )
  )
}

export const collaboratorFields: Fields<RepositoryView> = {
  collaborators: withArgs([...connectionArgs, 'affiliation'], (r, args, context) => {
    mayReadMembers('collaborators', context)
    if (args.affiliation !== 'OUTSIDE')
      throw notImplemented(`Repository.collaborators(affiliation: ${String(args.affiliation)})`)
    return connectionOf(
      r.repository.collaborators ?? [],
      args,
      c => actorOf(c.login, context.index),
      c => ({ permission: c.permission })
    )
  })
}
