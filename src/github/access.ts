// Who holds a role in each organization: members with their role, teams with their members and
// repository permissions, outside collaborators of the repositories in scope. Only with `access` on,
// and only whole: a list GitHub would give only in part fails the run instead.
import type { AccessFacts, OrganizationAccess } from '../records.js'
import type { GitHubClient } from './client.js'
import { GitHubError } from './errors.js'
import { queryNodes } from './nodes.js'
import { allNodes, type Connection, type PageInfo } from './paginate.js'
import { ORGANIZATION_MEMBERS, ORGANIZATION_TEAMS, OUTSIDE_COLLABORATORS } from './queries/access.js'

interface Edges<E> {
  edges: E[]
  pageInfo: PageInfo
}
type LoginEdge<R extends string> = { [K in R]: string } & { node: { login: string } | null }
interface TeamNode {
  slug: string
  members: Edges<LoginEdge<'role'>>
  repositories: Edges<{ permission: string; node: { nameWithOwner: string } | null }>
}

/** Teams per page: each brings up to a hundred members and a hundred repositories. */
const TEAMS_PER_PAGE = 10

/** A list cut short would leave holders out: said, never passed over. */
function whole<E>(list: Edges<E>, what: string): E[] {
  if (list.pageInfo.hasNextPage)
    throw new GitHubError(
      `access: ${what} has more than 100 entries, more than this version reads in one piece`
    )
  return list.edges
}

/** Why a token may not read members and teams, in the words of the permission it lacks. */
function permissionFailure(organization: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error)
  if (!/INSUFFICIENT_SCOPES|FORBIDDEN|not accessible|required scopes/i.test(message))
    return error instanceof Error ? error : new Error(message)
  return new GitHubError(
    `access: the token may not read the members and teams of ${organization} (${message}). access.csv ` +
      'needs a classic token with the read:org scope, or a fine-grained token or GitHub App with ' +
      '"Members: read" on the organization; the workflow\'s GITHUB_TOKEN cannot read them.'
  )
}

async function organizationAccess(organization: string, client: GitHubClient): Promise<OrganizationAccess> {
  const members = await allNodes<{ login: string; role: string }>(client, {
    document: ORGANIZATION_MEMBERS,
    variables: { login: organization },
    label: `members of ${organization}`,
    connection: (data: { organization: { membersWithRole: Edges<LoginEdge<'role'>> } | null }) =>
      data.organization && {
        nodes: data.organization.membersWithRole.edges.flatMap(e =>
          e.node ? [{ login: e.node.login, role: e.role }] : []
        ),
        pageInfo: data.organization.membersWithRole.pageInfo
      },
    first: 100
  })
  const teams = await allNodes<TeamNode>(client, {
    document: ORGANIZATION_TEAMS,
    variables: { login: organization },
    label: `teams of ${organization}`,
    connection: (data: { organization: { teams: Connection<TeamNode> } | null }) => data.organization?.teams,
    first: TEAMS_PER_PAGE
  })
  return {
    organization,
    members,
    teams: teams.map(team => ({
      slug: `${organization}/${team.slug}`,
      members: whole(team.members, `the team ${organization}/${team.slug}`).flatMap(e =>
        e.node ? [{ login: e.node.login, role: e.role }] : []
      ),
      repositories: whole(team.repositories, `the repositories of ${organization}/${team.slug}`).flatMap(e =>
        e.node ? [{ repository: e.node.nameWithOwner, permission: e.permission }] : []
      )
    }))
  }
}

interface CollaboratorsNode {
  nameWithOwner: string
  collaborators: Edges<LoginEdge<'permission'>> | null
}

/** Members and teams of each organization, whole, or an error naming the permission a token lacks. */
export function gatherRoles(
  organizations: readonly string[],
  client: GitHubClient
): Promise<OrganizationAccess[]> {
  return Promise.all(
    organizations.map(organization =>
      organizationAccess(organization, client).catch((error: unknown) => {
        throw permissionFailure(organization, error)
      })
    )
  )
}

/** Outside collaborators of some repositories (a listing page), in one query per hundred. */
export async function gatherCollaborators(
  repositories: readonly { id: string; nameWithOwner: string }[],
  client: GitHubClient
): Promise<AccessFacts['collaborators']> {
  if (repositories.length === 0) return []
  const nodes = await queryNodes<CollaboratorsNode>(
    client,
    OUTSIDE_COLLABORATORS,
    repositories.map(r => r.id),
    `outside collaborators of ${repositories[0]!.nameWithOwner} and ${repositories.length - 1} more`
  ).catch((error: unknown) => {
    throw permissionFailure(repositories[0]!.nameWithOwner.split('/')[0]!, error)
  })
  return nodes.flatMap(node =>
    node.collaborators
      ? whole(node.collaborators, `the outside collaborators of ${node.nameWithOwner}`).flatMap(e =>
          e.node ? [{ repository: node.nameWithOwner, login: e.node.login, permission: e.permission }] : []
        )
      : []
  )
}
